/// Content/site.yaml
public struct Site: Sendable {
    public var title: String
    public var publisher: String
    public var baseURL: String
    public var language: String
    /// 政府网站 page metadata (<meta name="SiteName"> …); see docs/content-format.md.
    public var siteName: String? = nil
    public var siteDomain: String? = nil
    public var siteIDCode: String? = nil
    public var columnName: String? = nil
}

/// Content/<unit>/unit.yaml and the unit's reports.
public struct UnitInfo: Sendable {
    public enum Level: String, Sendable { case province = "省", city = "市", county = "县", district = "区" }
    public var id: String
    public var name: String
    public var shortName: String
    public var level: Level
    public var region: String
    public var budgetCode: String?
    public var otherNames: [String]
    /// 主管部门: the department a 单位 reports to (absent for a department itself).
    public var supervisor: String?
    /// 联系方式, shown on the unit's report pages (e.g. "财务科 0830-1234567").
    public var contact: String?

    public init(id: String, name: String, shortName: String, level: Level, region: String, budgetCode: String?,
                otherNames: [String], supervisor: String? = nil) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.level = level
        self.region = region
        self.budgetCode = budgetCode
        self.otherNames = otherNames
        self.supervisor = supervisor
    }
}

/// The whole content tree, loaded and validated.
public struct ContentTree: Sendable {
    public var site: Site
    public var units: [UnitInfo]
    /// Every report, sorted by unit id then year.
    public var reports: [Report]

    public init(site: Site, units: [UnitInfo], reports: [Report]) {
        self.site = site
        self.units = units
        self.reports = reports
    }

    public func reports(of unitID: String) -> [Report] {
        reports.filter { $0.unitID == unitID }
    }
}
