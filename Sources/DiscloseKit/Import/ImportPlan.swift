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

    /// The sheets recognised, with the 附表 each was read as.
    public var tables: [(sheet: String, layout: String, title: String)] = []
    public var scalars: [Scalar] = []
    public var lists: [List] = []
    public var notices: [Notice] = []

    public var isEmpty: Bool { scalars.isEmpty && lists.isEmpty }

    /// Adds a figure; a second sheet giving the same figure adds its cell as a source, a different
    /// value is a conflict and the first one stays.
    mutating func set(_ path: [String], _ value: DecimalNumber, from source: String) {
        set(path, text: ImportPlan.yaml(value), from: source)
    }

    /// The same for a text figure (a label), already YAML-ready.
    mutating func set(_ path: [String], text: String, from source: String) {
        if let index = scalars.firstIndex(where: { $0.path == path }) {
            if scalars[index].value == text {
                scalars[index].sources.append(source)
            } else {
                notices.append(Notice(kind: .conflict, place: source, message: Message(
                    zh: "\(path.joined(separator: ".")) 在此为 \(text)，但 \(scalars[index].sources[0]) 为 \(scalars[index].value)；采用后者。",
                    en: "\(path.joined(separator: ".")) is \(text) here but \(scalars[index].value) in \(scalars[index].sources[0]); the latter is used.")))
            }
            return
        }
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
