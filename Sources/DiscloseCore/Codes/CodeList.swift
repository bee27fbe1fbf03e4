import Foundation

/// One entry of the 政府收支分类科目 code lists.
public struct ClassificationCode: Sendable, Hashable {
    public enum Level: String, Sendable { case lei = "类", kuan = "款", xiang = "项" }
    public let code: String
    public let name: String
    public let level: Level
    public let parent: String?

    /// Whether the bundled list gives the code's name. Codes that real reports use but that no source
    /// bundled here names (see Resources/codes/README.md) are listed with an empty name: the code is
    /// valid, and the name the report prints is shown.
    public var isNamed: Bool { !name.isEmpty }
}

/// One edition of a code list (functional or economic), as bundled in Resources/codes.
public struct CodeList: Sendable {
    public let kind: CodeKind
    /// The first fiscal year this edition applies to.
    public let edition: Int
    public let entries: [String: ClassificationCode]

    public subscript(code: String) -> ClassificationCode? { entries[code] }

    /// Parses `code,name,level,parent` CSV. The bundled lists (the only ones parsed) are split on their
    /// bytes: LF or CR LF line ends, commas, no combining marks next to either — `parseByCharacters`, the
    /// rule this must equal on them, is checked against it on every bundled file by the tests.
    public static func parse(csv: String, kind: CodeKind, edition: Int) -> CodeList {
        var entries: [String: ClassificationCode] = [:]
        let whitespace = CharacterSet.whitespaces
        let bytes = Array(csv.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(bytes[start..<offset])
            start = offset + 1
        }
        lines.append(bytes[start...])
        var index = 0
        for var line in lines {
            if line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty else { continue }
            defer { index += 1 }
            guard index > 0 else { continue }
            let cols = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                trimmed(Substring(decoding: $0, as: UTF8.self), whitespace)
            }
            add(cols, to: &entries)
        }
        return CodeList(kind: kind, edition: edition, entries: entries)
    }

    /// The parse by Characters (what `parse` must give on the bundled lists).
    static func parseByCharacters(csv: String, kind: CodeKind, edition: Int) -> CodeList {
        var entries: [String: ClassificationCode] = [:]
        let whitespace = CharacterSet.whitespaces
        for (index, raw) in csv.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            add(raw.split(separator: ",", omittingEmptySubsequences: false).map { trimmed($0, whitespace) }, to: &entries)
        }
        return CodeList(kind: kind, edition: edition, entries: entries)
    }

    private static func add(_ cols: [String], to entries: inout [String: ClassificationCode]) {
        guard cols.count >= 3, let level = ClassificationCode.Level(rawValue: cols[2]) else { return }
        let parent = cols.count > 3 && !cols[3].isEmpty ? cols[3] : nil
        entries[cols[0]] = ClassificationCode(code: cols[0], name: cols[1], level: level, parent: parent)
    }

    /// `field.trimmingCharacters(in: whitespace)`, without Foundation where neither end is whitespace
    /// (nothing to trim: most of the bundled lists' thirty thousand fields).
    static func trimmed(_ field: Substring, _ whitespace: CharacterSet) -> String {
        let scalars = field.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !whitespace.contains(first), !whitespace.contains(last) { return String(field) }
        return field.trimmingCharacters(in: whitespace)
    }

    /// Valid lengths of a code of this kind.
    public var validLengths: [Int] { kind == .functional ? [3, 5, 7] : [3, 5] }

    /// Codes whose name equals `name`, for suggestions when someone typed a name for a code.
    public func codes(named name: String) -> [ClassificationCode] {
        entries.values.filter { $0.isNamed && $0.name == name }.sorted { $0.code < $1.code }
    }

    /// The code's ancestors from 类 down to the code itself.
    public func path(of code: String) -> [ClassificationCode] {
        var chain: [ClassificationCode] = []
        var current = entries[code]
        while let c = current {
            chain.insert(c, at: 0)
            current = c.parent.flatMap { entries[$0] }
        }
        return chain
    }
}

/// All bundled editions; picks the one in force for a report year.
public struct CodeLists: Sendable {
    public let editions: [CodeList]

    public init(editions: [CodeList]) {
        self.editions = editions.sorted { ($0.kind.rawValue as String, $0.edition) < ($1.kind.rawValue as String, $1.edition) }
    }

    /// The latest edition not later than `year`; the earliest one for years before every edition.
    public func list(_ kind: CodeKind, year: Int) -> CodeList? {
        let ofKind = editions.filter { $0.kind == kind }
        return ofKind.last { $0.edition <= year } ?? ofKind.first
    }

    /// The editions of a kind, other than `except`, that contain the code: for a code that exists in
    /// another year's list but not in the report's own.
    public func editions(containing code: String, kind: CodeKind, except: Int) -> [CodeList] {
        editions.filter { $0.kind == kind && $0.edition != except && $0[code] != nil }
    }

    /// The lists bundled with the tool (Resources/codes/<kind>-<edition>.csv).
    public static let bundled: CodeLists = {
        var lists: [CodeList] = []
        for url in ResourceFiles.urls(in: "codes", withExtension: "csv") {
            let stem = url.deletingPathExtension().lastPathComponent
            let parts = stem.split(separator: "-")
            guard parts.count == 2, let kind = CodeKind(rawValue: String(parts[0])), let edition = Int(parts[1]),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            lists.append(CodeList.parse(csv: text, kind: kind, edition: edition))
        }
        return CodeLists(editions: lists)
    }()
}
