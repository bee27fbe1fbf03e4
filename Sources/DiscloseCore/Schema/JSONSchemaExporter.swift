import Foundation

/// Writes the content schemas as JSON Schema (draft 2020-12) for editors. Deterministic output.
public enum JSONSchemaExporter {
    public static func document(for file: ContentFile) -> String {
        var root = schemaObject(.object(file.schema), path: "")
        root.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        root.insert(("$id", .string("https://disclose.example/schema/\(file.rawValue.replacingOccurrences(of: ".yaml", with: "")).schema.json")), at: 1)
        return JSONValue.object(root).rendered(indent: 0) + "\n"
    }

    /// Fields some bundled table set or profile does not publish (Shanghai prints no 内设机构 count…):
    /// the checker requires them only under the other profiles, so the profile-agnostic JSON Schema
    /// does not require them at all and says so in their description.
    static let omittedByAProfile: Set<String> = {
        var paths = Set(TableSet.bundled.values.flatMap(\.notPublished))
        for profile in ReportProfile.bundled.values { paths.formUnion(profile.optionalFields) }
        return paths
    }()

    private static func schemaObject(_ type: SchemaType, path: String) -> [(String, JSONValue)] {
        switch type {
        case .object(let schema):
            var props: [(String, JSONValue)] = []
            for field in schema.fields {
                let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
                var child = schemaObject(field.type, path: fieldPath).filter { $0.0 != "title" }
                child.insert(("title", .string(field.label)), at: 0)
                let profileNote = field.required && omittedByAProfile.contains(fieldPath) ? "（必填；所选版式不公开此项时可省略）" : nil
                if let help = [field.help, profileNote].compactMap({ $0 }).joined().nilIfEmpty { child.insert(("description", .string(help)), at: 1) }
                props.append((field.name, .object(child)))
            }
            var out: [(String, JSONValue)] = [("type", .string("object")), ("title", .string(schema.label)), ("properties", .object(props))]
            let required = schema.fields.filter { $0.required && !omittedByAProfile.contains(path.isEmpty ? $0.name : "\(path).\($0.name)") }
                .map { JSONValue.string($0.name) }
            if !required.isEmpty { out.append(("required", .array(required))) }
            out.append(("additionalProperties", .bool(false)))
            return out
        case .list(let element, let minItems):
            var out: [(String, JSONValue)] = [("type", .string("array")), ("items", .object(schemaObject(element, path: path)))]
            if minItems > 0 { out.append(("minItems", .number(String(minItems)))) }
            return out
        case .amount(let negativeAllowed):
            // multipleOf 0.01 misfires on binary floats in most validators; the checker enforces decimals.
            var out: [(String, JSONValue)] = [("type", .string("number")), ("description", .string("金额，最多两位小数"))]
            if !negativeAllowed { out.append(("minimum", .number("0"))) }
            return out
        case .percent:
            return [("type", .string("number"))]
        case .score:
            return [("type", .string("number")), ("minimum", .number("0"))]
        case .count:
            return [("type", .string("integer")), ("minimum", .number("0"))]
        case .year:
            return [("type", .string("integer")), ("minimum", .number("1990")), ("maximum", .number("2100"))]
        case .text, .markdown:
            return [("type", .string("string")), ("minLength", .number("1"))]
        case .choice(let options):
            return [("enum", .array(options.map { .string($0) }))]
        case .code(let kind):
            let pattern = kind == .functional ? "^([0-9]{3}|[0-9]{5}|[0-9]{7})$" : "^([0-9]{3}|[0-9]{5})$"
            return [("type", .array([.string("string"), .string("integer")])), ("pattern", .string(pattern))]
        case .date:
            return [("type", .string("string")), ("format", .string("date"))]
        case .url:
            return [("type", .string("string")), ("format", .string("uri")), ("pattern", .string("^https?://"))]
        case .boolean:
            return [("type", .string("boolean"))]
        case .oneOf(let options):
            return [("oneOf", .array(options.map { .object(schemaObject($0, path: path)) }))]
        }
    }
}

/// A minimal ordered JSON value, rendered deterministically.
public indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number already in JSON notation.
    case number(String)
    case bool(Bool)
    case null

    public func rendered(indent: Int = 0, pretty: Bool = true) -> String {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let nl = pretty ? "\n" : ""
        let sep = pretty ? ": " : ":"
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let body = pairs.map { "\(pad)\(JSONValue.quote($0.0))\(sep)\($0.1.rendered(indent: indent + 1, pretty: pretty))" }
            return "{\(nl)\(body.joined(separator: ",\(nl)"))\(nl)\(closePad)}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            let body = items.map { "\(pad)\($0.rendered(indent: indent + 1, pretty: pretty))" }
            return "[\(nl)\(body.joined(separator: ",\(nl)"))\(nl)\(closePad)]"
        case .string(let s): return JSONValue.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"   // inert inside HTML <script> blocks too
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
