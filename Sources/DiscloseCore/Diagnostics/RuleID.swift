/// Identifiers of the structural checks. Reconciliation rules (勾稽关系) add their own ids.
public struct RuleID: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

extension RuleID {
    /// The file is not valid YAML.
    public static let yamlSyntax: RuleID = "YAML-SYNTAX"
    /// A mapping names the same key twice.
    public static let duplicateKey: RuleID = "YAML-DUPLICATE-KEY"
    /// The file is not UTF-8 text.
    public static let encoding: RuleID = "FILE-ENCODING"
    /// The file could not be read.
    public static let unreadable: RuleID = "FILE-UNREADABLE"
    /// A required file is missing.
    public static let missingFile: RuleID = "FILE-MISSING"
    /// A file the format does not know.
    public static let unknownFile: RuleID = "FILE-UNKNOWN"
    /// A required field is missing.
    public static let missingField: RuleID = "SCHEMA-REQUIRED"
    /// An optional field written with no value (a blank still to fill).
    public static let emptyField: RuleID = "SCHEMA-EMPTY"
    /// Narrative still holding the placeholder `disclose new` wrote.
    public static let narrativePlaceholder: RuleID = "NARRATIVE-TODO"
    /// A value has the wrong type.
    public static let wrongType: RuleID = "SCHEMA-TYPE"
    /// A number is malformed.
    public static let malformedNumber: RuleID = "SCHEMA-NUMBER"
    /// An amount has more decimals than its unit allows.
    public static let precision: RuleID = "SCHEMA-PRECISION"
    /// A value is not one of the allowed values.
    public static let notAllowed: RuleID = "SCHEMA-ENUM"
    /// A key the format does not know.
    public static let unknownKey: RuleID = "SCHEMA-UNKNOWN-KEY"
    /// A negative amount where only non-negative ones make sense.
    public static let negative: RuleID = "SCHEMA-NEGATIVE"
    /// A classification code not in the code list.
    public static let unknownCode: RuleID = "CODE-UNKNOWN"
    /// A classification code whose given name differs from the code list.
    public static let misnamedCode: RuleID = "CODE-NAME"
    /// A code of the wrong kind or level for its place (an economic code among functional ones…).
    public static let codeLevel: RuleID = "CODE-LEVEL"
    /// The year folder and the declared year differ.
    public static let yearMismatch: RuleID = "YEAR-MISMATCH"
    /// The report names a table set that does not exist.
    public static let unknownTableSet: RuleID = "TABLESET-UNKNOWN"
    /// site.yaml or unit.yaml names a profile that does not exist, or a profile file is unreadable.
    public static let unknownProfile: RuleID = "PROFILE-UNKNOWN"
    /// A vehicle category the report's profile does not list.
    public static let vehicleCategory: RuleID = "PROFILE-VEHICLE"
    /// A unit folder name that cannot be part of a URL.
    public static let unitID: RuleID = "UNIT-ID"
    /// A total and its parts differ by a rounding tail (within the rounding interval, but visible).
    public static let roundingTail: RuleID = "ROUNDING-TAIL"
    /// Content directory problems (no units, no site.yaml…).
    public static let content: RuleID = "CONTENT"
}
