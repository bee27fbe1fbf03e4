/// Where a value was written: a file (as data, see `ContentPath`), a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as data: the unit and report year it belongs to.
    public let source: ContentPath
    public let line: Int
    public let column: Int

    /// The file as messages show it (`source.display`).
    public var file: String { source.display }

    public init(file: ContentPath, line: Int, column: Int) {
        self.source = file
        self.line = line
        self.column = column
    }

    /// A location outside the content folder (a template, an output page), known only as shown.
    public init(file: String, line: Int, column: Int) {
        self.init(file: ContentPath(outside: file), line: line, column: column)
    }

    /// A location that names only a file (a missing file, an unreadable file).
    public static func file(_ path: ContentPath) -> SourceLocation {
        SourceLocation(file: path, line: 0, column: 0)
    }

    /// A location that names only a file outside the content folder (the output folder, a template).
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: ContentPath(outside: path), line: 0, column: 0)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    // Equal where they are shown equal: a test may name a content file by its displayed path.
    public static func == (a: SourceLocation, b: SourceLocation) -> Bool {
        a.line == b.line && a.column == b.column && a.file == b.file
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
