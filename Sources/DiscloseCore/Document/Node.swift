/// A parsed content document with a source location on every value.
///
/// The YAML library is confined to the loader; everything after it works on this tree.
public struct Node: Sendable {
    public enum Kind: Sendable {
        case scalar(Scalar)
        case mapping([Entry])
        case sequence([Node])
    }

    public struct Scalar: Sendable {
        public enum Style: Sendable { case plain, quoted, block }
        public let text: String
        public let style: Style

        public init(_ text: String, style: Style) {
            self.text = text
            self.style = style
        }

        /// YAML's plain null spellings.
        public var isNull: Bool {
            style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
        }
    }

    public struct Entry: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: Node

        public init(key: String, keyLocation: SourceLocation, value: Node) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public let kind: Kind
    public let location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    public var entries: [Entry]? {
        if case .mapping(let e) = kind { return e }
        return nil
    }

    public var items: [Node]? {
        if case .sequence(let i) = kind { return i }
        return nil
    }

    public var isNull: Bool { scalar?.isNull ?? false }

    /// The value of a key in a mapping (the first, when a key is duplicated).
    public subscript(key: String) -> Node? {
        entries?.first { $0.key == key }?.value
    }

    /// The entry of a key in a mapping.
    public func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// A short description of the node's kind, for messages.
    public var kindName: Message {
        switch kind {
        case .mapping: return Message(zh: "映射（键值对）", en: "a mapping")
        case .sequence: return Message(zh: "列表", en: "a list")
        case .scalar(let s):
            if s.isNull { return Message(zh: "空值", en: "null") }
            if s.style == .quoted { return Message(zh: "带引号的文字", en: "a quoted string") }
            return Message(zh: "“\(s.text.prefix(20))”", en: "\"\(s.text.prefix(20))\"")
        }
    }
}
