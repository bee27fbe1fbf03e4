import DiscloseCore
import Foundation
import Mustache

/// The site's Mustache templates rendered without swift-mustache's per-lookup dynamic casts: the same
/// parsed templates (swift-mustache's own parser, so whitespace, standalone tags and partial indentation
/// are exactly its), walked over `TemplateValue`s — the page context with its types worked out once —
/// with the renderer's rules for sections, lookups and escaping reproduced here.
///
/// Only what the templates of a site use is compiled: text, variables (escaped or not, dotted, `.`),
/// sections, inverted sections, partials and transforms such as `empty(items)`. A render that meets
/// anything else — a template with inheritance blocks, dynamic partials, content-type pragmas or sequence
/// transforms such as `first()`, or a value the fast path does not know (a lambda, a template) — goes
/// through swift-mustache: the output is swift-mustache's in every case.
final class CompiledTemplates: @unchecked Sendable {
    indirect enum Node {
        case text(String)
        case variable(Path, transforms: [String], escaped: Bool)
        case section(Path, transforms: [String], body: [Node], inverted: Bool)
        case partial(String, indentation: String?)
    }

    /// A variable's name: `.` (the current object), `.a.b` (only the current object), `a.b` (the first
    /// object up the context stack that has `a`).
    enum Path {
        case current
        case top([String])
        case stack([String])

        init?(_ name: String, transforms: [String]) {
            if name == "." {
                self = .current
            } else if name.isEmpty {
                // `{{#first()}}`: a transform of the sequence context, which is not compiled.
                if !transforms.isEmpty { return nil }
                self = .stack([])
            } else if name.first == "." {
                self = .top(name.split(separator: ".").map(String.init))
            } else {
                self = .stack(name.split(separator: ".").map(String.init))
            }
        }
    }

    private let library: MustacheLibrary
    /// Each template compiled when first rendered (a build renders a few dozen of a hundred): nil for one
    /// that uses something only swift-mustache renders.
    private var compiled: [String: [Node]?] = [:]
    private let lock = NSLock()

    /// Nil when lookups could not be reproduced on this platform.
    init?(library: MustacheLibrary) {
        // Lookups into a string, number or flag find nothing (swift-mustache asks their Mirror).
        guard Mirror(reflecting: "a").children.isEmpty, Mirror(reflecting: 1).children.isEmpty,
              Mirror(reflecting: true).children.isEmpty, Mirror(reflecting: ["a"]).children.allSatisfy({ $0.label == nil })
        else { return nil }
        self.library = library
    }

    /// The template's nodes: `.none` when the library has no such template, `.some(nil)` when it cannot be compiled.
    func nodes(named name: String) -> [Node]?? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[name] { return .some(known) }
        guard let template = library.getTemplate(named: name) else { return .none }
        let made = Self.nodes(of: template)
        compiled[name] = .some(made)
        return .some(made)
    }

    /// Whether the template is rendered here (not handed to swift-mustache whatever the values).
    func compiles(_ name: String) -> Bool {
        if case .some(.some) = nodes(named: name) { return true }
        return false
    }

    // MARK: Reading swift-mustache's parsed tokens

    private static func field(_ payload: Any, _ label: String) -> Any? {
        Mirror(reflecting: payload).children.first { $0.label == label }?.value
    }

    /// An optional field of a token: `.some(nil)` when absent or nil, `.some(value)` for a `T`, nil (the
    /// token is not understood) when it holds something else.
    private static func optionalField<T>(_ payload: Any, _ label: String, as _: T.Type) -> T?? {
        guard let value = field(payload, label) else { return .some(nil) }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        guard let wrapped = mirror.children.first?.value else { return .some(nil) }
        guard let typed = wrapped as? T else { return nil }
        return .some(typed)
    }

    static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = field(template, "tokens") as? [Any] else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            guard let case_ = Mirror(reflecting: token).children.first, let kind = case_.label else { return nil }
            let payload = case_.value
            switch kind {
            case "text":
                guard let text = payload as? String else { return nil }
                nodes.append(.text(text))
            case "variable", "unescapedVariable":
                guard let name = field(payload, "name") as? String, let transforms = field(payload, "transforms") as? [String],
                      let path = Path(name, transforms: transforms) else { return nil }
                nodes.append(.variable(path, transforms: transforms, escaped: kind == "variable"))
            case "section", "invertedSection":
                guard let name = field(payload, "name") as? String, let transforms = field(payload, "transforms") as? [String],
                      let path = Path(name, transforms: transforms),
                      let body = field(payload, "template") as? MustacheTemplate, let bodyNodes = Self.nodes(of: body) else { return nil }
                nodes.append(.section(path, transforms: transforms, body: bodyNodes, inverted: kind == "invertedSection"))
            case "partial":
                // A partial with inherited blocks (`{{<name}}…{{/name}}`) is not compiled.
                guard let name = field(payload, ".0") as? String,
                      case .some(let indentation) = optionalField(payload, "indentation", as: String.self),
                      case .some(let inherits) = optionalField(payload, "inherits", as: [String: MustacheTemplate].self),
                      inherits == nil else { return nil }
                nodes.append(.partial(name, indentation: indentation))
            default:
                return nil
            }
        }
        return nodes
    }

    // MARK: Rendering

    /// A value met during a render that only swift-mustache knows how to render.
    private struct Unsupported: Error {}

    /// The rendered template; nil when the template is unknown to the compiled set or a value needs swift-mustache.
    func render(_ name: String, _ context: TemplateValue) -> String? {
        guard case .some(.some(let nodes)) = nodes(named: name) else { return nil }
        var stack = [context]
        return try? render(nodes, stack: &stack, indentation: nil)
    }

    private func render(_ nodes: [Node], stack: inout [TemplateValue], indentation: String?) throws -> String {
        var string = ""
        if let indentation, indentation != "" {
            for node in nodes {
                let rendered = try render(node, stack: &stack, indentation: indentation)
                // swift-mustache indents a token's output that starts a new line.
                if rendered.count > 0, string.last == "\n" { string += indentation }
                string += rendered
            }
        } else {
            for node in nodes { string += try render(node, stack: &stack, indentation: indentation) }
        }
        return string
    }

    private func render(_ node: Node, stack: inout [TemplateValue], indentation: String?) throws -> String {
        switch node {
        case .text(let text):
            return text
        case .variable(let path, let transforms, let escaped):
            guard let child = try lookup(path, transforms: transforms, in: stack) else { return "" }
            let text = try child.text()
            return escaped ? HTMLEscaping.escape(text) : text
        case .section(let path, let transforms, let body, let inverted):
            let child = try lookup(path, transforms: transforms, in: stack)
            return try inverted ? invertedSection(child, body, stack: &stack, indentation: indentation)
                : section(child, body, stack: &stack, indentation: indentation)
        case .partial(let name, let indented):
            // A partial the library lacks renders as nothing; one that is not compiled hands the render over.
            guard case .some(let compiled) = self.nodes(named: name) else { return "" }
            guard let nodes = compiled else { throw Unsupported() }
            let inner = indented.map { (indentation ?? "") + $0 } ?? indentation
            return try render(nodes, stack: &stack, indentation: inner)
        }
    }

    private func pushing(_ value: TemplateValue, _ body: [Node], stack: inout [TemplateValue], indentation: String?) throws -> String {
        stack.append(value)
        defer { stack.removeLast() }
        return try render(body, stack: &stack, indentation: indentation)
    }

    private func section(_ child: TemplateValue?, _ body: [Node], stack: inout [TemplateValue], indentation: String?) throws -> String {
        guard let child else { return "" }
        switch child.sectionKind {
        case .sequence(let elements):
            var string = ""
            for element in elements { string += try pushing(element, body, stack: &stack, indentation: indentation) }
            return string
        case .flag(let on):
            return on ? try render(body, stack: &stack, indentation: indentation) : ""
        case .null:
            return ""
        case .object:
            return try pushing(child, body, stack: &stack, indentation: indentation)
        }
    }

    private func invertedSection(_ child: TemplateValue?, _ body: [Node], stack: inout [TemplateValue], indentation: String?) throws -> String {
        guard let child else { return try render(body, stack: &stack, indentation: indentation) }
        switch child.sectionKind {
        case .sequence(let elements):
            // swift-mustache renders an empty list's inverted section with the list as the current object.
            return elements.isEmpty ? try pushing(child, body, stack: &stack, indentation: indentation) : ""
        case .flag(let on):
            return on ? "" : try render(body, stack: &stack, indentation: indentation)
        case .null:
            return try render(body, stack: &stack, indentation: indentation)
        case .object:
            return ""
        }
    }

    private func lookup(_ path: Path, transforms: [String], in stack: [TemplateValue]) throws -> TemplateValue? {
        var child: TemplateValue?
        switch path {
        case .current:
            child = stack.last
        case .top(let names):
            child = try descend(names[...], from: stack[stack.count - 1])
        case .stack(let names):
            if let first = names.first {
                for object in stack.reversed() {
                    if let found = try object.child(named: first) {
                        child = try descend(names.dropFirst(), from: found)
                        break
                    }
                }
            } else {
                child = stack.last
            }
        }
        guard var value = try child?.represented() else { return nil }
        for transform in transforms.reversed() {
            guard let runnable = value.raw as? MustacheTransformable, let transformed = runnable.transform(transform) else { return nil }
            value = .other(transformed)
        }
        return value
    }

    private func descend(_ names: ArraySlice<String>, from object: TemplateValue) throws -> TemplateValue? {
        var object = object
        for name in names {
            try object.rejectLambda()
            guard let child = try object.child(named: name) else { return nil }
            object = child
        }
        return object
    }
}

/// A template context value with its kind worked out once (what `TemplateValues.clean` makes of it:
/// nil optionals are `false`, other optionals their value), so that rendering needs no dynamic casts.
/// `other` is anything else, rendered and looked into by swift-mustache's own rules.
/// Not `indirect`: objects and lists hold their values in a Dictionary or an Array already, so a value
/// needs no box of its own.
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case int(Int)
    case object([String: TemplateValue], original: [String: Any])
    case list([TemplateValue], original: Any)
    case other(Any)

    /// The same case analysis as `TemplateValues.clean`, in the same order.
    init(_ value: Any) {
        // The types page contexts are built of, told by their metadata before any dynamic cast (a cast
        // that fails costs more than one that succeeds). Each gives what the casts below would: an empty
        // [String] or [Any] would be taken as an empty [[String: Any]] there, which renders the same.
        let type = Swift.type(of: value)
        if type == String.self { self = .text(value as! String); return }
        if type == [String: Any].self { let dict = value as! [String: Any]; self = .object(dict.mapValues(TemplateValue.init), original: dict); return }
        if type == Bool.self { self = .flag(value as! Bool); return }
        if type == Int.self { self = .int(value as! Int); return }
        if type == [[String: Any]].self {
            let array = value as! [[String: Any]]
            self = .list(array.map { .object($0.mapValues(TemplateValue.init), original: $0) }, original: array); return
        }
        if type == [String].self { let array = value as! [String]; self = .list(array.map { .text($0) }, original: array); return }
        if type == [Any].self { let array = value as! [Any]; self = .list(array.map(TemplateValue.init), original: array); return }
        switch value {
        case let s as String: self = .text(s); return
        case let b as Bool: self = .flag(b); return
        case let i as Int: self = .int(i); return
        case let dict as [String: Any]: self = .object(dict.mapValues(TemplateValue.init), original: dict); return
        case let array as [[String: Any]]:
            self = .list(array.map { .object($0.mapValues(TemplateValue.init), original: $0) }, original: array); return
        case let array as [String]: self = .list(array.map { .text($0) }, original: array); return
        case let array as [Any]: self = .list(array.map(TemplateValue.init), original: array); return
        default: break
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { self = .flag(false); return }
            self.init(wrapped)
            return
        }
        self = .other(value)
    }

    /// The value swift-mustache would have been given (the cleaned one).
    var raw: Any {
        switch self {
        case .text(let s): return s
        case .flag(let b): return b
        case .int(let i): return i
        case .object(_, let original): return TemplateValues.clean(original)
        case .list(_, let original): return TemplateValues.clean(original)
        case .other(let value): return value
        }
    }

    func rejectLambda() throws {
        if case .other(let value) = self, value is MustacheLambda { throw Unsupported() }
    }

    struct Unsupported: Error {}

    /// swift-mustache's `_getImmediateChild`.
    func child(named name: String) throws -> TemplateValue? {
        switch self {
        case .object(let values, _): return values[name]
        case .text, .flag, .int, .list: return nil
        case .other(let value):
            let object: Any?
            if let custom = value as? MustacheCustomRepresentation { object = custom.representation } else { object = value }
            if let parent = object as? MustacheParent {
                return parent.child(named: name).map(TemplateValue.other)
            }
            guard let object else { return nil }
            guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
            let mirror = Mirror(reflecting: matched.value)
            guard mirror.displayStyle == .optional else { return .other(matched.value) }
            return mirror.children.first.map { .other($0.value) }
        }
    }

    /// A custom representation (NSNull: nothing) in place of the value, as swift-mustache does after a lookup.
    func represented() throws -> TemplateValue? {
        guard case .other(let value) = self else { return self }
        if value is MustacheLambda || value is MustacheTemplate { throw Unsupported() }
        if let custom = value as? MustacheCustomRepresentation {
            return custom.representation.map(TemplateValue.other)
        }
        return self
    }

    /// The text of `{{name}}` before escaping.
    func text() throws -> String {
        switch self {
        case .text(let s): return s
        case .flag, .int, .object, .list: return String(describing: raw)
        case .other(let value):
            if value is MustacheLambda || value is MustacheTemplate { throw Unsupported() }
            if let renderable = value as? MustacheCustomRenderable { return renderable.renderText }
            if let optional = value as? AnyOptionalValue { return String(describing: optional.wrappedAny ?? value) }
            return String(describing: value)
        }
    }

    enum SectionKind {
        case sequence([TemplateValue])
        case flag(Bool)
        case null
        case object
    }

    /// How swift-mustache's `renderSection` treats the value, in its order of checks.
    var sectionKind: SectionKind {
        switch self {
        case .list(let elements, _): return .sequence(elements)
        case .flag(let b): return .flag(b)
        case .text, .object: return .object
        case .int(let i): return Self.kind(of: i)
        case .other(let value): return Self.kind(of: value)
        }
    }

    private static func kind(of value: Any) -> SectionKind {
        if let sequence = value as? any MustacheSequence { return .sequence(elements(sequence).map(TemplateValue.other)) }
        if let b = value as? Bool { return .flag(b) }
        if let null = value as? MustacheCustomRenderable, null.isNull { return .null }
        return .object
    }

    private static func elements<S: Sequence>(_ sequence: S) -> [Any] { sequence.map { $0 } }
}

/// swift-mustache prints an optional's value, not "Optional(…)".
private protocol AnyOptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: AnyOptionalValue {
    var wrappedAny: Any? { self }
}

/// swift-mustache's HTML escaping of `{{name}}`: < > & " ' replaced where each is a Character of its own
/// (swift-mustache compares Character by Character), with the entities of `Markup` (the same five).
enum HTMLEscaping {

    static func escape(_ text: String) -> String {
        // Without any of those bytes no Character can be one of them: the text is its own escape.
        let hasSpecial = text.utf8.withContiguousStorageIfAvailable(containsSpecial) ?? Array(text.utf8).withUnsafeBufferPointer(containsSpecial)
        if !hasSpecial { return text }
        // The bytes between the marks are copied as they are. A mark's byte is replaced when it is a
        // Character of its own: a Prepend character before it or a combining mark after it makes it part
        // of a longer Character, which swift-mustache compares with the five and leaves as it is. ASCII
        // neighbours never do; for others Swift's own grapheme breaking is asked.
        let bytes = Array(text.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 64)
        var runStart = 0
        for (offset, byte) in bytes.enumerated() {
            guard let entity = entity(for: byte) else { continue }
            if offset > 0, bytes[offset - 1] >= 0x80 {
                // The scalar before: does it hold on to the mark (Prepend)?
                var start = offset - 1
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let previous = String(decoding: bytes[start..<offset], as: UTF8.self)
                guard (previous + "<").count == 2 else { continue }
            }
            if offset + 1 < bytes.count, bytes[offset + 1] >= 0x80 {
                // The Character starting at the mark: does a combining mark or joiner follow it?
                let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
                guard text[index].utf8.count == 1 else { continue }
            }
            escaped.append(contentsOf: bytes[runStart..<offset])
            escaped.append(contentsOf: entity)
            runStart = offset + 1
        }
        escaped.append(contentsOf: bytes[runStart...])
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `Markup.entity(for:)` as bytes, by byte value.
    private static let entities: [[UInt8]?] = (0...255).map { Markup.entity(for: UInt8($0)).map { Array($0.utf8) } }

    private static func entity(for byte: UInt8) -> [UInt8]? { entities[Int(byte)] }

    private static func containsSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
            default: continue
            }
        }
        return false
    }
}
