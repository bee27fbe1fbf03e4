import DiscloseCore

/// What `disclose import` will write into accounts.yaml, and from which cells: built from the
/// sheets without touching any file, then applied by `ReportImport`.
public struct ImportPlan: Sendable {
    /// One figure: a YAML path (in accounts.yaml) and its value in the report's unit.
    public struct Scalar: Sendable {
        public var path: [String]
        public var value: String
        public var sources: [String]
    }

    /// An item of a list such as `functional`: its fields as YAML text, in order.
    public struct Item: Sendable {
        public var fields: [(key: String, value: String)]
        public var sources: [String]
        /// "2013201 一般公共预算", for the summary.
        public var title: String
    }

    /// A list merged item by item (matched on `identity`; items not in the sheets are removed).
    public struct List: Sendable {
        public var path: [String]
        public var identity: [String]
        public var defaults: [String: String] = [:]
        public var scalarItemKey: String?
        public var preferFlow: Bool
        public var items: [Item]
    }

    /// Something the user should know: a cell that could not be placed, two sheets that disagree,
    /// an assumption the importer made.
    public struct Notice: Sendable {
        public enum Kind: String, Sendable { case unplaced, conflict, assumption }
        public var kind: Kind
        public var place: String
        public var message: Message
    }

    /// Where a numeric cell of a recognised table ended up: every one ends in exactly one of these.
    public enum CellFate: Sendable, Equatable {
        /// Written into the content (the field or item it became).
        case imported(String)
        /// Part of the table's structure: 栏次 and 行次 numbers, 科目编码, header cells.
        case structure(String)
        /// A total or a repeated figure, compared with what it should equal (says with what).
        case compared(String)
        /// Not placed anywhere (says why; a notice tells the user).
        case unplaced(String)

        public var group: String {
            switch self {
            case .imported: return "imported"
            case .structure: return "structure"
            case .compared: return "compared"
            case .unplaced: return "unplaced"
            }
        }
    }

    /// The fate of every numeric cell of the recognised tables, by "sheet!A1".
    public var cells: [String: CellFate] = [:]

    /// Records a cell's fate; the first fate recorded stays (a cell is imported, or compared, once).
    mutating func account(_ cell: String, _ fate: CellFate) {
        if cells[cell] == nil { cells[cell] = fate }
    }

    /// Records a cell's fate, replacing an earlier one (a line first read, then found to be compared).
    mutating func reaccount(_ cell: String, _ fate: CellFate) {
        cells[cell] = fate
    }

    /// How many cells ended in each group.
    public func count(_ group: String) -> Int { cells.values.filter { $0.group == group }.count }

    /// The sheets recognised, with the 附表 each was read as.
    public var tables: [(sheet: String, layout: TableLayout, title: String)] = []
    public var scalars: [Scalar] = []
    public var lists: [List] = []
    public var notices: [Notice] = []
    /// Sheets that are no 附表 and hold no figures (a cover, notes): listed, not warned about.
    public var skipped: [String] = []
    /// Recognised tables with no figures (a 空表).
    public var emptyTables: Set<String> = []
    /// Every stated line the functional tables print, by "code|scope": column → value. A line the file
    /// records that equals the sum stays recorded (a re-import of the same tables changes nothing).
    public var statedSeen: [String: [String: String]] = [:]
    /// The decisions of import.yaml that this import honoured.
    public var kept: [Message] = []
    /// The 编制单位 the sheets name (the first one found), and its cell.
    public var preparer: (name: String, cell: String)?

    public var isEmpty: Bool { scalars.isEmpty && lists.isEmpty }

    /// Adds a figure; a second sheet giving the same figure adds its cell as a source, a different
    /// value is a conflict and the first one stays.
    mutating func set(_ path: [String], _ value: DecimalNumber, from source: String) {
        set(path, text: ImportPlan.yaml(value), from: source)
    }

    /// The same for a text figure (a label), already YAML-ready.
    mutating func set(_ path: [String], text: String, from source: String) {
        if let index = scalars.firstIndex(where: { $0.path == path }) {
            let first = scalars[index].sources[0]
            if Self.same(scalars[index].value, text) {
                scalars[index].sources.append(source)
                account(source, .compared("与 \(first) 相同"))
            } else {
                account(source, .compared("与 \(first) 不同"))
                notices.append(Notice(kind: .conflict, place: source, message: Message(
                    zh: "\(path.joined(separator: ".")) 在 \(source) 为 \(text)，但 \(first) 为 \(scalars[index].value)；采用后者。",
                    en: "\(path.joined(separator: ".")) is \(text) in \(source) but \(scalars[index].value) in \(first); the latter is used.")))
            }
            return
        }
        account(source, .imported(path.joined(separator: ".")))
        scalars.append(Scalar(path: path, value: text, sources: [source]))
    }

    mutating func notice(_ kind: Notice.Kind, _ place: String, zh: String, en: String) {
        notices.append(Notice(kind: kind, place: place, message: Message(zh: zh, en: en)))
    }

    /// An amount as YAML text: exact, without trailing zero decimals.
    static func yaml(_ value: DecimalNumber) -> String { value.normalized.description }

    /// A code as YAML text: quoted, so that it stays a string.
    static func yaml(code: String) -> String { "\"\(code)\"" }
}
