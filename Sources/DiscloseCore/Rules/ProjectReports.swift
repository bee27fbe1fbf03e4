import Foundation

/// Attached project self-evaluation reports (project-reports/*.md): which project each speaks of.
/// A report with a self-evaluation table in performance.yaml is checked against it; one without a table
/// names an item only the texts hold (compared with what other texts state); one whose name the source
/// leaves out is checked against the department's figures only.
public enum ProjectReports {
    static let suffixes = ["项目支出绩效自评报告", "项目绩效自评报告", "绩效自评报告", "自评报告", "项目支出绩效评价报告", "绩效评价报告", "报告"]

    /// The project a report's heading names ("干部培训经费项目支出绩效自评报告" → "干部培训经费"), nil without a heading.
    public static func projectName(of doc: Narrative.Document) -> String? {
        guard var name = doc.heading else { return nil }
        for prefix in ["附件", "附"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: "0123456789：:、. "))
        }
        for suffix in suffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            name = String(name.dropLast(suffix.count))
            break
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"《》 "))
        return name.isEmpty ? nil : name
    }

    /// The self-evaluation table of the project a report names, if performance.yaml holds one.
    static func project(of doc: Narrative.Document, in projects: [Performance.Project]) -> Performance.Project? {
        guard let heading = doc.heading else { return nil }
        return projects.filter { heading.contains($0.name) }.max { $0.name.count < $1.name.count }
    }

    /// Projects named only by their reports: items every text may name, compared between the texts.
    static func untabledProjects(_ docs: [Narrative.Document], _ projects: [Performance.Project], known: Set<String>) -> [NarrativeFact] {
        docs.compactMap { doc -> NarrativeFact? in
            guard project(of: doc, in: projects) == nil, let name = projectName(of: doc), !known.contains(name), name.count >= 4 else { return nil }
            var fact = NarrativeFact(label: name, current: .zero, previous: nil, budget: nil, shareBase: nil, location: nil)
            fact.statedOnly = true
            return fact
        }
    }
}
