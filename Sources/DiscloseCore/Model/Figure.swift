/// An amount together with where it was written, so every finding can point at its line.
public struct Figure: Sendable, Hashable, CustomStringConvertible {
    public let amount: Amount
    public let location: SourceLocation
    /// YAML path, e.g. `income.general_budget`.
    public let path: String

    public init(_ amount: Amount, at location: SourceLocation, path: String) {
        self.amount = amount
        self.location = location
        self.path = path
    }

    public var value: DecimalNumber { amount.value }
    public var description: String { amount.description }
}

/// A number that is not money (people, vehicles, projects, scores, printed percentages), with its place.
public struct Quantity: Sendable, Hashable {
    public let value: DecimalNumber
    public let location: SourceLocation
    public let path: String

    public init(_ value: DecimalNumber, at location: SourceLocation, path: String) {
        self.value = value
        self.location = location
        self.path = path
    }
}

/// Text with its place (reasons, names, Markdown snippets).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
