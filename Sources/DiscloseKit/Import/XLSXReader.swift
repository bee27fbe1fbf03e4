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
        /// A part that is not well-formed XML (an undefined entity, a broken tag), with the cell.
        case malformed(String)

        /// What the user reads.
        public var message: String {
            switch self {
            case .notAWorkbook(let why): return "不是 Excel 工作簿（.xlsx） / not an .xlsx workbook (\(why))"
            case .tooLarge(let what):
                return "工作簿过大：\(what)；单元格、合并单元格和行×列合计不能超过 \(XLSXWorkbook.maxCells) 个 / the workbook is too large: \(what)"
            case .malformed(let what): return "工作簿内容无法读取：\(what) / the workbook cannot be read: \(what)"
            }
        }
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
        let shared = try part("xl/sharedStrings.xml").map { try Self.sharedStrings($0) } ?? []
        var cellBudget = Self.maxCells
        sheets = try Self.sheetList(workbook).map { name, relation in
            guard let target = relations[relation] else { throw Failure.notAWorkbook("sheet \(name) has no part") }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { throw Failure.notAWorkbook("missing \(path)") }
            return try Self.sheet(name: name, xml: xml, shared: shared, budget: &cellBudget)
        }
    }

    /// What went wrong in an XML part, in words (libxml2's error numbers).
    static func xmlProblem(_ error: Error?) -> String {
        guard let code = (error as NSError?)?.code else { return "XML 格式错误" }
        switch code {
        case 26, 27: return "未定义的实体（如 &foo;），该单元格的文字无法读出"
        case 9, 68: return "非法字符"
        case 76, 77: return "标签未闭合"
        default: return "XML 格式错误（代码 \(code)）"
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

    /// The shared strings; a string the XML parser cannot read (an undefined entity) is an error
    /// naming it, never an empty text.
    static func sharedStrings(_ xml: Data) throws -> [String] {
        let parser = SharedStringsParser()
        let xmlParser = XMLParser(data: xml)
        xmlParser.delegate = parser
        if !xmlParser.parse() || parser.failedAt != nil {
            throw Failure.malformed("共享字符串表第 \((parser.failedAt ?? parser.strings.count) + 1) 个字符串（第 \(xmlParser.lineNumber) 行）：\(xmlProblem(xmlParser.parserError))")
        }
        return parser.strings
    }

    /// One sheet. Everything it would cost counts against one budget: cells with data, merged
    /// ranges (each by the cells it covers inside the sheet's grid, as the importer fills them), and
    /// the grid itself (rows × columns); the budget is shared by the sheets of a workbook.
    static func sheet(name: String, xml: Data, shared: [String], budget: inout Int) throws -> Sheet {
        let parser = SheetParser(shared: shared, budget: budget)
        let xmlParser = XMLParser(data: xml)
        xmlParser.delegate = parser
        let parsed = xmlParser.parse()
        if parser.overBudget { throw Failure.tooLarge("工作表“\(name)”的单元格或合并单元格超过 \(Self.maxCells) 个") }
        if !parsed || parser.failure != nil {
            let cell = parser.failedCell.map { "\(name)!\(ImportSheet.columnLetters($0.column))\($0.row + 1)" } ?? "工作表“\(name)”"
            throw Failure.malformed("\(cell)（XML 第 \(xmlParser.lineNumber) 行）：\(parser.failure ?? xmlProblem(xmlParser.parserError))")
        }
        budget -= parser.cells.count
        let height = (parser.cells.keys.map(\.row).max() ?? -1) + 1
        let width = (parser.cells.keys.map(\.column).max() ?? -1) + 1
        // A lone cell at XFD1048576 must not become a grid of 17 billion strings.
        guard height * width <= Self.maxCells else { throw Failure.tooLarge("工作表“\(name)”有 \(height) 行 × \(width) 列") }
        // Merged ranges: each one written counts the cells it covers within the grid (the importer
        // fills those), so a storm of huge ranges — or of one range written thousands of times,
        // which no spreadsheet program saves — is refused. The sheet keeps each range once.
        var mergedCells = 0
        for m in parser.merges where m.top < height && m.left < width {
            mergedCells += (min(m.bottom, height - 1) - m.top + 1) * (min(m.right, width - 1) - m.left + 1)
            if mergedCells > budget {
                throw Failure.tooLarge("工作表“\(name)”的合并单元格共覆盖超过 \(budget) 个单元格（\(parser.merges.count) 个合并区域）")
            }
        }
        budget -= mergedCells
        let merges = Array(Set(parser.merges)).sorted { ($0.top, $0.left, $0.bottom, $0.right) < ($1.top, $1.left, $1.bottom, $1.right) }
        var rows = Array(repeating: Array(repeating: "", count: width), count: height)
        for (position, text) in parser.cells { rows[position.row][position.column] = text }
        return Sheet(name: name, rows: rows, merges: merges)
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
    /// The index of the string being read when the XML could not be read.
    var failedAt: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failedAt == nil { failedAt = strings.count }
    }

    /// A document type with its own entities (entity expansion bombs) is refused.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        if failedAt == nil { failedAt = strings.count }
        parser.abortParsing()
    }
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

    /// Why the XML could not be read, and the cell being read then.
    var failure: String?
    var failedCell: Position?
    private var lastCell: Position?

    init(shared: [String], budget: Int) {
        self.shared = shared
        self.budget = budget
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard failure == nil else { return }
        failure = XLSXWorkbook.xmlProblem(parseError)
        failedCell = position ?? lastCell
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        failure = "工作表声明了实体 \(name)（不是 Excel 保存的文件）"
        parser.abortParsing()
    }

    /// An entity the document does not define: the text of the cell would silently lose it.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        if failure == nil { failure = "未定义的实体 &\(name);"; failedCell = position ?? lastCell }
        return nil
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
            if merges.count >= budget {
                overBudget = true
                parser.abortParsing()
                return
            }
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
            lastCell = position
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
