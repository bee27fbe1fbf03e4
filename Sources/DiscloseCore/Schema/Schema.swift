/// The shape of a content file, written once and used three ways: structural validation,
/// the JSON Schema shipped for editors, and the field reference in the docs.
public indirect enum SchemaType: Sendable {
    case object(ObjectSchema)
    case list(SchemaType, minItems: Int = 0)
    /// Money in the enclosing unit (万元 unless declared): at most two decimals.
    case amount(negativeAllowed: Bool = false)
    /// A percentage as a number (100 means 100%).
    case percent
    /// A non-negative whole number (people, vehicles, projects, points…).
    case count
    /// A score or weight: non-negative, up to two decimals.
    case score
    /// A four-digit year.
    case year
    /// One line of text.
    case text
    /// Inline Markdown (reasons, summaries).
    case markdown
    /// One of a fixed set of words.
    case choice([String])
    /// A classification code of the given kind.
    case code(CodeKind)
    /// A date written YYYY-MM-DD.
    case date
    /// An absolute http(s) URL.
    case url
    case boolean
    /// Either of several types, told apart by the YAML node's kind (scalar or mapping).
    case oneOf([SchemaType])
}

extension SchemaType {
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

public enum CodeKind: String, Sendable {
    /// 支出功能分类科目: 类 3 digits, 款 5, 项 7.
    case functional
    /// 部门预算支出经济分类科目: 类 3 digits, 款 5.
    case economic
}

public struct Field: Sendable {
    public let name: String
    public let type: SchemaType
    public let required: Bool
    /// The Chinese label finance staff know the field by (also accepted as a did-you-mean hint).
    public let label: String
    public let help: String?

    public init(_ name: String, _ type: SchemaType, required: Bool = false, _ label: String, help: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.label = label
        self.help = help
    }
}

public struct ObjectSchema: Sendable {
    public let fields: [Field]
    public let label: String

    public init(_ label: String, _ fields: [Field]) {
        self.label = label
        self.fields = fields
    }

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

/// The files a content tree may hold and their schemas.
public enum ContentFile: String, Sendable, CaseIterable {
    case site = "site.yaml"
    case unit = "unit.yaml"
    case report = "report.yaml"
    case accounts = "accounts.yaml"
    case performance = "performance.yaml"
    case glossary = "glossary.yaml"
    /// The decisions `disclose import` keeps (cells ignored, codes mapped, figures kept by hand).
    case importRecord = "import.yaml"

    public var schema: ObjectSchema {
        switch self {
        case .site: return ContentSchemas.site
        case .unit: return ContentSchemas.unit
        case .report: return ContentSchemas.report
        case .accounts: return ContentSchemas.accounts
        case .performance: return ContentSchemas.performance
        case .glossary: return ContentSchemas.glossary
        case .importRecord: return ContentSchemas.importRecord
        }
    }

    public var isRequiredInReport: Bool {
        self == .report || self == .accounts
    }

    public static let reportFiles: [ContentFile] = [.report, .accounts, .performance, .glossary, .importRecord]
}
