import Foundation

/// Whether the site Hugo rendered has the pages disclose rendered: the same HTML addresses, the same
/// other files, and on every page the same number of tables, table rows and inline drawings.
/// `compare` prints the result; `hugo-check` fails on any difference.
enum HugoEquivalence {
    struct Report {
        var htmlPages = 0
        var otherFiles = 0
        var tables = 0
        var rows = 0
        var drawings = 0
        var differences: [String] = []
    }

    static func compare(disclose: String, hugo: String) throws -> Report {
        let discloseFiles = Set(try HugoSite.files(under: disclose).filter { !$0.hasPrefix(".") })
        let hugoFiles = Set(try HugoSite.files(under: hugo))
        var report = Report()
        for missing in discloseFiles.subtracting(hugoFiles).sorted() { report.differences.append("missing in Hugo's site: \(missing)") }
        for extra in hugoFiles.subtracting(discloseFiles).sorted() { report.differences.append("only in Hugo's site: \(extra)") }
        for file in discloseFiles.intersection(hugoFiles).sorted() {
            guard file.hasSuffix(".html") else { report.otherFiles += 1; continue }
            report.htmlPages += 1
            let ours = counts(try String(contentsOfFile: "\(disclose)/\(file)", encoding: .utf8))
            let theirs = counts(try String(contentsOfFile: "\(hugo)/\(file)", encoding: .utf8))
            report.tables += ours.tables
            report.rows += ours.rows
            report.drawings += ours.drawings
            if ours != theirs {
                report.differences.append("\(file): disclose \(ours.tables) tables, \(ours.rows) rows, \(ours.drawings) drawings; Hugo \(theirs.tables), \(theirs.rows), \(theirs.drawings)")
            }
        }
        return report
    }

    struct Counts: Equatable { var tables: Int; var rows: Int; var drawings: Int }

    static func counts(_ html: String) -> Counts {
        Counts(tables: occurrences("<table", html), rows: occurrences("<tr>", html) + occurrences("<tr ", html),
               drawings: occurrences("<svg", html))
    }

    /// Counted on the bytes: pages of a large site are many and long.
    static func occurrences(_ needle: String, _ text: String) -> Int {
        let pattern = Array(needle.utf8)
        var count = 0
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == pattern[0] {
                    var matched = 1
                    while matched < pattern.count && bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { count += 1; index += matched; continue }
                }
                index += 1
            }
        }
        return count
    }
}
