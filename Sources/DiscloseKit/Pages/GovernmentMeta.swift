import DiscloseCore
import Foundation

/// The 政府网站 page metadata (<meta name="SiteName" content="…"> and the rest, as the national
/// government-website guidelines name them), from site.yaml and the report.
enum GovernmentMeta {
    static func domain(_ site: Site) -> String? {
        site.siteDomain ?? URLComponents(string: site.baseURL)?.host
    }

    /// Every page: the site's own fields.
    static func site(_ site: Site) -> [(String, String)] {
        var out = [("SiteName", site.siteName ?? site.title)]
        if let d = domain(site) { out.append(("SiteDomain", d)) }
        if let code = site.siteIDCode { out.append(("SiteIDCode", code)) }
        return out
    }

    /// A report page: the site's fields and the article's.
    static func report(_ site: Site, report: Report, unit: UnitInfo, title: String, url: String) -> [(String, String)] {
        let kind = report.kind == .department ? "部门" : "单位"
        var out = self.site(site)
        out.append(("ColumnName", site.columnName ?? "\(kind)决算"))
        out.append(("ArticleTitle", title))
        if let date = report.publishedOn { out.append(("PubDate", date)) }
        out.append(("ContentSource", unit.name))
        out.append(("Keywords", [unit.shortName, "\(report.year)年度", "\(kind)决算", "决算公开"].joined(separator: ",")))
        out.append(("Description", "\(unit.name)\(report.year)年度\(kind)决算：\(kind)概况、决算情况说明、名词解释、附件和附表。"))
        out.append(("Url", url))
        return out
    }

    static func context(_ pairs: [(String, String)]) -> [[String: String]] {
        pairs.map { ["name": $0.0, "content": $0.1] }
    }
}
