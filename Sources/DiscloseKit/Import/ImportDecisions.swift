import DiscloseCore

/// The officer's decisions about a workbook, kept in the report's import.yaml so that a re-import
/// does not undo them: cells not to import, codes to read as other codes, figures fixed by hand in
/// accounts.yaml that the workbook must not overwrite.
public struct ImportDecisions: Sendable, Equatable {
    public struct CodeMapping: Sendable, Equatable {
        public var from: String
        public var to: String
        /// Only in this sheet; nil for every sheet.
        public var sheet: String?
    }

    /// "公开07表!A6": cells not imported.
    public var ignoredCells: Set<String> = []
    public var codes: [CodeMapping] = []
    /// accounts.yaml paths ("three_public.actual.reception", or a list such as "functional") kept as
    /// the file has them.
    public var kept: [[String]] = []

    public init() {}

    public var isEmpty: Bool { ignoredCells.isEmpty && codes.isEmpty && kept.isEmpty }

    /// The decisions of an import.yaml text (an unreadable file gives none; `disclose check` reports it).
    public static func parse(_ text: String) -> ImportDecisions {
        var decisions = ImportDecisions()
        guard let root = YAMLDocument.parse(text, file: "import.yaml").0 else { return decisions }
        func field(_ item: Node, _ key: String) -> String? {
            guard let scalar = item[key]?.scalar, !scalar.isNull else { return nil }
            let text = scalar.text.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        for item in root["ignore"]?.items ?? [] {
            if let cell = field(item, "cell") { decisions.ignoredCells.insert(cell.replacingOccurrences(of: "！", with: "!").uppercasedCell) }
        }
        for item in root["codes"]?.items ?? [] {
            if let from = field(item, "from"), let to = field(item, "to") {
                decisions.codes.append(CodeMapping(from: from, to: to, sheet: field(item, "sheet")))
            }
        }
        for item in root["keep"]?.items ?? [] {
            if let path = field(item, "path") { decisions.kept.append(path.split(separator: ".").map(String.init)) }
        }
        return decisions
    }

    /// The code a sheet's code is read as.
    func code(_ code: String, sheet: String) -> String {
        codes.first { $0.from == code && ($0.sheet == nil || $0.sheet == sheet) }?.to ?? code
    }

    func keeps(_ path: [String]) -> Bool {
        kept.contains { $0.count <= path.count && Array(path.prefix($0.count)) == $0 }
    }
}

extension String {
    /// "公开07表!a6" → "公开07表!A6": the column letters of a cell reference in capitals.
    var uppercasedCell: String {
        guard let bang = lastIndex(of: "!") else { return self }
        return String(self[...bang]) + self[index(after: bang)...].uppercased()
    }
}
