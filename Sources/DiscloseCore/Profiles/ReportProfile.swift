import Foundation

/// How one province (or the national template) lays out its 部门决算: the parts in their order and
/// headings, the Part 2 sections and the templates that word them, the table set, which fields a
/// report may leave out, the vehicle categories, and the rules that do not apply. Data, not code:
/// bundled in Resources/profiles/*.json, and a site may add or replace one with Profiles/<id>.json
/// beside Content/ (see docs/provinces.md).
public struct ReportProfile: Sendable, Decodable, Equatable {
    /// What a part of the report holds; each kind has its partial template (Templates/parts/<template>).
    public enum PartKind: String, Sendable, Decodable, Equatable {
        /// 概况: duties, work of the year, the units of the department.
        case overview
        /// 决算情况说明: the Part 2 sections.
        case explanation
        /// 名词解释
        case glossary
        /// 附件: the performance self-evaluation report and project tables.
        case performance
        /// 附表 / 决算表
        case tables
    }

    /// A heading of the explanation part and the paragraphs under it.
    public struct Section: Sendable, Decodable, Equatable {
        public let id: String
        public let heading: String
        /// The Part 2 paragraphs under the heading, by slot (each slot's figures are fixed; its wording
        /// is the template `<paragraphs folder>/<slot>`).
        public let paragraphs: [ParagraphSlot]
        /// The number of the chart (图1–图7) shown under the heading.
        public let figure: Int?
        public let children: [Section]

        enum CodingKeys: String, CodingKey { case id, heading, paragraphs, figure, children }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            heading = try c.decode(String.self, forKey: .heading)
            let names = try c.decodeIfPresent([String].self, forKey: .paragraphs) ?? []
            paragraphs = try names.map { name in
                guard let slot = ParagraphSlot(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(forKey: .paragraphs, in: c, debugDescription:
                        "unknown paragraph “\(name)”; known: \(ParagraphSlot.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return slot
            }
            figure = try c.decodeIfPresent(Int.self, forKey: .figure)
            children = try c.decodeIfPresent([Section].self, forKey: .children) ?? []
        }

        /// Every slot under this heading and its children.
        public var allParagraphs: [ParagraphSlot] { paragraphs + children.flatMap(\.allParagraphs) }
    }

    public struct Part: Sendable, Decodable, Equatable {
        /// The anchor of the part on the page (`part-1` …).
        public let id: String
        public let kind: PartKind
        /// The heading; `{year}`, `{kind}` (部门/单位) and `{unit}` (the unit's name) are filled in.
        public let title: String
        /// The partial that renders the part (Templates/parts/<template>.mustache); by default the kind.
        public let template: String
        /// The explanation part's headings (empty for other kinds).
        public let sections: [Section]

        enum CodingKeys: String, CodingKey { case id, kind, title, template, sections }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            kind = try c.decode(PartKind.self, forKey: .kind)
            title = try c.decode(String.self, forKey: .title)
            template = try c.decodeIfPresent(String.self, forKey: .template) ?? kind.rawValue
            sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
        }

        public func title(year: Int, kindWord: String, unitName: String) -> String {
            title.replacingOccurrences(of: "{year}", with: String(year))
                .replacingOccurrences(of: "{kind}", with: kindWord)
                .replacingOccurrences(of: "{unit}", with: unitName)
        }
    }

    public let id: String
    public let title: String
    /// The table set (Resources/tablesets/<id>.json) of this profile's reports.
    public let tables: String
    /// Other table sets a report under this profile may name (a variant of the same year's set).
    public let tableVariants: [String]
    /// Profiles of one family follow each other by year (`disclose new` moves a report to the one in force).
    public let family: String?
    public let fromYear: Int?
    public let untilYear: Int?
    /// The folder of the Part 2 paragraph templates (Templates/<folder>/<slot>.mustache); a slot the
    /// folder lacks falls back to Templates/part2/<slot>.mustache.
    public let paragraphs: String
    public let outline: [Part]
    /// Fields the content format requires that this profile's reports may leave out (paths without
    /// list indexes), besides those of its table set.
    public let optionalFields: Set<String>
    /// The 公务用车 categories its reports use (assets.vehicles[].type), in the order they print them.
    public let vehicleCategories: [String]
    /// Rules that do not apply, with the reason, besides those of its table set.
    public let skippedRules: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, title, tables, family, paragraphs, outline
        case tableVariants = "table_variants"
        case fromYear = "from_year"
        case untilYear = "until_year"
        case optionalFields = "optional_fields"
        case vehicleCategories = "vehicle_categories"
        case skippedRules = "skipped_rules"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        tables = try c.decode(String.self, forKey: .tables)
        tableVariants = try c.decodeIfPresent([String].self, forKey: .tableVariants) ?? []
        family = try c.decodeIfPresent(String.self, forKey: .family)
        fromYear = try c.decodeIfPresent(Int.self, forKey: .fromYear)
        untilYear = try c.decodeIfPresent(Int.self, forKey: .untilYear)
        paragraphs = try c.decodeIfPresent(String.self, forKey: .paragraphs) ?? "part2"
        outline = try c.decode([Part].self, forKey: .outline)
        optionalFields = Set(try c.decodeIfPresent([String].self, forKey: .optionalFields) ?? [])
        vehicleCategories = try c.decodeIfPresent([String].self, forKey: .vehicleCategories) ?? []
        skippedRules = try c.decodeIfPresent([String: String].self, forKey: .skippedRules) ?? [:]
        if outline.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .outline, in: c, debugDescription: "the outline names no part")
        }
    }

    /// Reads a profile file (JSON; a problem is described in `DecodingError` terms).
    public static func decode(_ data: Data) throws -> ReportProfile {
        try JSONDecoder().decode(ReportProfile.self, from: data)
    }

    // MARK: What the profile decides

    /// The table set the profile names, when it is known.
    public var tableSet: TableSet? { TableSet.bundled[tables] }

    /// Whether a required field at `path` may be left out: the profile, its table set or the report's table set says so.
    public func mayOmit(_ path: String, tableSet reportSet: String) -> Bool {
        optionalFields.contains(TableSet.fieldPath(path)) || (tableSet?.mayOmit(path) ?? false)
            || (TableSet.bundled[reportSet]?.mayOmit(path) ?? false)
    }

    /// The rules skipped for a report of the table set `reportSet` under this profile, with the reason.
    public func skippedRules(tableSet reportSet: String) -> [String: String] {
        (TableSet.bundled[reportSet]?.skippedRules ?? [:]).merging(skippedRules) { _, own in own }
    }

    /// Whether this profile's reports may use the table set.
    public func accepts(tableSet id: String) -> Bool { id == tables || tableVariants.contains(id) }

    func covers(_ year: Int) -> Bool { (fromYear ?? .min) <= year && year <= (untilYear ?? .max) }

    /// The explanation part's sections, in order (empty when the outline has none).
    public var explanationSections: [Section] { outline.filter { $0.kind == .explanation }.flatMap(\.sections) }

    // MARK: The bundled profiles

    /// The profiles bundled with the tool, by id.
    public static let bundled: [String: ReportProfile] = {
        var profiles: [String: ReportProfile] = [:]
        for url in ResourceFiles.urls(in: "profiles", withExtension: "json") {
            if let data = try? Data(contentsOf: url), let profile = try? decode(data) { profiles[profile.id] = profile }
        }
        return profiles
    }()

    /// The family whose profile a report gets when nothing names one (today's Sichuan layout).
    public static let defaultFamily = "sichuan"

    /// The profile of `family` in force in `year` (the latest one starting before it when none covers it).
    public static func profile(family: String, year: Int, in profiles: [String: ReportProfile] = bundled) -> ReportProfile? {
        let members = profiles.values.filter { $0.family == family }.sorted { ($0.fromYear ?? .min, $0.id) < ($1.fromYear ?? .min, $1.id) }
        return members.last { $0.covers(year) } ?? members.last { ($0.fromYear ?? .min) <= year } ?? members.first
    }

    /// The profile a report gets when neither its unit nor the site names one: the one its table set
    /// belongs to, else the default family's profile of its year.
    public static func standard(tableSet: String, year: Int, in profiles: [String: ReportProfile] = bundled) -> ReportProfile {
        let owners = profiles.keys.sorted().compactMap { profiles[$0] }.filter { $0.accepts(tableSet: tableSet) }
        if let own = owners.first(where: { $0.covers(year) }) ?? owners.first { return own }
        return profile(family: defaultFamily, year: year, in: profiles) ?? fallback
    }

    /// The table set a new report of `year` gets when it carries over a report of `source`: a family's
    /// set follows the year (a variant of the same year's set is kept); any other set stays.
    public static func tableSet(for year: Int, carriedFrom source: String?, profile chosen: ReportProfile? = nil,
                                in profiles: [String: ReportProfile] = bundled) -> String {
        let current = chosen ?? source.map { standard(tableSet: $0, year: year, in: profiles) }
            ?? profile(family: defaultFamily, year: year, in: profiles) ?? fallback
        if let family = current.family, let inForce = profile(family: family, year: year, in: profiles) {
            if let source, inForce.accepts(tableSet: source) { return source }
            return inForce.tables
        }
        if let source, current.accepts(tableSet: source) { return source }
        return current.tables
    }

    /// Used only if the bundled resources cannot be read: the Sichuan outline must still render.
    static let fallback: ReportProfile = {
        let json = #"{"id":"fallback","title":"fallback","tables":"sichuan-2023","outline":[{"id":"part-5","kind":"tables","title":"附表"}]}"#
        return try! decode(Data(json.utf8))
    }()
}
