/// Where a file or folder sits, as data: inside the content folder, the unit folder and report year
/// it belongs to and the rest of its path; outside it (a template, an output page, a workbook being
/// imported), just the path as shown. Commands and the build record ask `unit` and `year`; nothing
/// splits a displayed path back into them. `display` is the text messages show.
public struct ContentPath: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The content folder as the user named it (`--content`, e.g. "Content"); nil for a path outside
    /// the content folder, which `file` then names whole.
    public let root: String?
    /// The unit folder (a unit id) the path is in, if any.
    public let unit: String?
    /// The report year folder the path is in, if any (only within a unit).
    public let year: Int?
    /// The rest of the path below the deepest of root, unit and year ("accounts.yaml",
    /// "paragraphs/x.md"); "" for that folder itself.
    public let file: String
    /// The path as messages show it, e.g. `Content/luzhou-zzb/2023/accounts.yaml`.
    public let display: String

    /// A path inside the content folder `root`.
    public init(root: String, unit: String? = nil, year: Int? = nil, file: String = "") {
        self.root = root
        self.unit = unit
        self.year = unit == nil ? nil : year
        self.file = file
        self.display = [root, unit, self.year.map(String.init), file.isEmpty ? nil : file].compactMap { $0 }.joined(separator: "/")
    }

    /// A path outside the content folder (or one a test names), known only as it is shown.
    public init(outside shown: String) {
        root = nil
        unit = nil
        year = nil
        file = shown
        display = shown
    }

    public init(stringLiteral value: String) { self.init(outside: value) }

    /// The same folder with `name` below it ("paragraphs", then "paragraphs/x.md").
    public func appending(_ name: String) -> ContentPath {
        guard let root else { return ContentPath(outside: display + "/" + name) }
        return ContentPath(root: root, unit: unit, year: year, file: file.isEmpty ? name : file + "/" + name)
    }

    /// Whether the path is the report folder `unit`/`year` or inside it.
    public func isInReport(unit: String, year: Int) -> Bool {
        root != nil && self.unit == unit && self.year == year
    }

    /// The path relative to the content folder ("luzhou-zzb/2023/accounts.yaml"); nil outside it.
    public var relative: String? {
        guard root != nil else { return nil }
        return [unit, year.map(String.init), file.isEmpty ? nil : file].compactMap { $0 }.joined(separator: "/")
    }

    /// The last component of the path ("accounts.yaml"), for short notes.
    public var name: String { display.split(separator: "/").last.map(String.init) ?? display }

    public var description: String { display }

    public static func < (a: ContentPath, b: ContentPath) -> Bool { a.display < b.display }
}
