import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of an Excel workbook (Office Open XML) as text, sheet by sheet, with the merged
/// ranges: what an importer needs to recognise a 附表 by its words rather than by cell positions.
/// Shared strings, inline strings, rich text runs and numbers are read; formulas give their cached
/// value. Limits guard against hostile files (entry sizes, cell count).
public struct XLSXWorkbook: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        /// Rows of cell texts, padded to the widest row; empty string for an empty cell.
        public var rows: [[String]]
        /// Merged ranges as zero-based (top, left, bottom, right).
        public var merges: [Merge]

        public func cell(_ row: Int, _ column: Int) -> String {
            rows.indices.contains(row) && rows[row].indices.contains(column) ? rows[row][column] : ""
        }
    }

    public struct Merge: Sendable, Hashable {
        public var top: Int, left: Int, bottom: Int, right: Int
    }

    public enum Failure: Error, Sendable, Equatable {
        case notAWorkbook(String)
        case tooLarge(String)
    }

    public var sheets: [Sheet]

    public static let maxEntryBytes = 64 << 20
    public static let maxCells = 2_000_000

    public init(data: Data) throws {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw Failure.notAWorkbook("not a ZIP file") }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= Int64(Self.maxEntryBytes) else { throw Failure.tooLarge(path) }
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(chunk)
                if bytes.count > Self.maxEntryBytes { throw Failure.tooLarge(path) }
            }
            return bytes
        }
        guard let workbook = try part("xl/workbook.xml") else { throw Failure.notAWorkbook("no xl/workbook.xml") }
        let relations = try part("xl/_rels/workbook.xml.rels").map(Self.relationships) ?? [:]
        let shared = try part("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
        var cellBudget = Self.maxCells
        sheets = try Self.sheetList(workbook).map { name, relation in
            guard let target = relations[relation] else { throw Failure.notAWorkbook("sheet \(name) has no part") }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { throw Failure.notAWorkbook("missing \(path)") }
            return try Self.sheet(name: name, xml: xml, shared: shared, budget: &cellBudget)
        }
    }

    // MARK: Parts

    static func sheetList(_ xml: Data) -> [(String, String)] {
        Elements.collect(xml) { name, attributes in
            name == "sheet" ? (attributes["name"] ?? "", attributes["r:id"] ?? "") : nil
        }
    }

    static func relationships(_ xml: Data) -> [String: String] {
        let pairs: [(String, String)] = Elements.collect(xml) { name, attributes in
            name == "Relationship" ? (attributes["Id"] ?? "", attributes["Target"] ?? "") : nil
        }
        return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
    }

    static func sharedStrings(_ xml: Data) -> [String] {
        let parser = SharedStringsParser()
        let xmlParser = XMLParser(data: xml)
        xmlParser.delegate = parser
        xmlParser.parse()
        return parser.strings
    }

    static func sheet(name: String, xml: Data, shared: [String], budget: inout Int) throws -> Sheet {
        let parser = SheetParser(shared: shared, budget: budget)
        let xmlParser = XMLParser(data: xml)
        xmlParser.delegate = parser
        xmlParser.parse()
        if parser.overBudget { throw Failure.tooLarge(name) }
        budget -= parser.cells.count
        let height = (parser.cells.keys.map(\.row).max() ?? -1) + 1
        let width = (parser.cells.keys.map(\.column).max() ?? -1) + 1
        // A lone cell at XFD1048576 must not become a grid of 17 billion strings.
        guard height * width <= Self.maxCells else { throw Failure.tooLarge(name) }
        var rows = Array(repeating: Array(repeating: "", count: width), count: height)
        for (position, text) in parser.cells { rows[position.row][position.column] = text }
        return Sheet(name: name, rows: rows, merges: parser.merges)
    }

    /// "B5" → (4, 1).
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, digits = ""
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where digits.isEmpty: column = column * 26 + Int(scalar.value - 64)
            case 97...122 where digits.isEmpty: column = column * 26 + Int(scalar.value - 96)
            case 48...57: digits.unicodeScalars.append(scalar)
            case 36: continue   // $ of absolute references
            default: return nil
            }
            if column > 16_384 { return nil }
        }
        guard column > 0, let row = Int(digits), row > 0, row <= 1_048_576 else { return nil }
        return (row - 1, column - 1)
    }
}

private struct Position: Hashable { let row: Int, column: Int }

/// Collects one value per matching element of a flat part (workbook.xml, relationships).
private final class Elements<T>: NSObject, XMLParserDelegate {
    let pick: (String, [String: String]) -> T?
    var found: [T] = []
    init(_ pick: @escaping (String, [String: String]) -> T?) { self.pick = pick }

    static func collect(_ xml: Data, _ pick: @escaping (String, [String: String]) -> T?) -> [T] {
        let delegate = Elements(pick)
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        parser.parse()
        return delegate.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if let item = pick(elementName, attributeDict) { found.append(item) }
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false, inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    let budget: Int
    var cells: [Position: String] = [:]
    var merges: [XLSXWorkbook.Merge] = []
    var overBudget = false
    private var position: Position?
    private var type = ""
    private var value = "", inline = ""
    private var inValue = false, inInlineText = false

    init(shared: [String], budget: Int) {
        self.shared = shared
        self.budget = budget
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "c":
            position = attributeDict["r"].flatMap(XLSXWorkbook.position).map { Position(row: $0.row, column: $0.column) }
            type = attributeDict["t"] ?? "n"
            value = ""
            inline = ""
        case "v": inValue = true
        case "t": inInlineText = position != nil
        case "mergeCell":
            let ends = (attributeDict["ref"] ?? "").split(separator: ":").compactMap { XLSXWorkbook.position(String($0)) }
            if ends.count == 2 {
                merges.append(.init(top: min(ends[0].row, ends[1].row), left: min(ends[0].column, ends[1].column),
                                    bottom: max(ends[0].row, ends[1].row), right: max(ends[0].column, ends[1].column)))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            defer { position = nil }
            guard let position else { return }
            let text: String
            switch type {
            case "s": text = Int(value.trimmingCharacters(in: .whitespaces)).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
            case "inlineStr": text = inline
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            default: text = value
            }
            guard !text.isEmpty else { return }
            if cells.count >= budget {
                overBudget = true
                parser.abortParsing()
                return
            }
            cells[position] = text
        default: break
        }
    }
}
