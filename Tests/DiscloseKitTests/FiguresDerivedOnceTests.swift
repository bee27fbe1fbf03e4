import Foundation
import XCTest

/// A source scan: totals, subtotals, shares, changes and completion rates of a report are worked out
/// in `Sources/DiscloseCore/Figures` only. Anywhere else, the patterns that sum rows or derive rates
/// would be a second computation of a figure that could drift from the one the page or the checker uses.
final class FiguresDerivedOnceTests: XCTestCase {
    /// Folders that may derive: the figures themselves, the arithmetic they use, the test-data
    /// generator (it writes consistent content, so it must add up), and the importer (which splits a
    /// workbook's printed hierarchy into rows, before there is a report).
    static let derivingFolders = ["Sources/DiscloseCore/Figures/", "Sources/DiscloseCore/Derive/", "Sources/DiscloseCore/Numbers/",
                                  "Sources/DiscloseCore/Generator/", "Sources/DiscloseKit/Import/"]

    /// What a second computation looks like.
    static let patterns: [(name: String, regex: String)] = [
        ("a 类/款/项 prefix of a code", #"code(\.value)?\.prefix\("#),
        ("a code hierarchy built by prefix length", #"prefix\(length\)"#),
        ("the kinds of a row summed", #"kinds\.values"#),
        ("balances of the funds summed", #"carryover(Beginning|Ending)\.values"#),
        ("a share, completion rate or change", #"Derived\.(share|completion|Change)\("#),
        ("a sum of decimals", #"DecimalNumber\.sum\(|reduce\(\.zero|reduce\(DecimalNumber"#),
        ("the vehicle subtotal", #"vehicle(Purchase|Operation)(\.value|\.amount)? \+"#),
        ("counted vehicles", #"reduce\(0\) \{ \$0 \+ \$1\.count"#),
        ("a row's total", #"\.total\(unit:"#),
    ]

    /// Lines that match a pattern but derive nothing the report prints, each with the reason.
    static let allowed: [(file: String, contains: String, why: String)] = [
        ("Sources/DiscloseCore/Charts/ChartSpec.swift", "", "a chart not built from a report (tests, the unit trend) takes its own base and change; report charts get both from ReportFigures"),
        ("Sources/DiscloseCore/Rules/ReconciliationRule.swift", "let sum = DecimalNumber.sum(values)", "Finding.sum words a finding about parts it is given"),
        ("Sources/DiscloseCore/Rules/ReconciliationRule.swift", "let sum = DecimalNumber.sum(parts.map(\\.value))", "the 尾差 warning words the sum of the parts it was given"),
        ("Sources/DiscloseCore/Rules/MagnitudeRules.swift", "let sum = DecimalNumber.sum(values)", "a unit slip is tried against the parts of a failing sum it was given"),
        ("Sources/DiscloseCore/Rules/Tolerance.swift", "", "the rounding interval of a sum"),
        ("Sources/DiscloseCore/Rules/TextStatementRules.swift", "sum: DecimalNumber.sum(parts)", "a total the text states against the parts the text lists (amounts of the text, not figures of the report)"),
        ("Sources/DiscloseCore/Charts/PieDrawing.swift", "let total = DecimalNumber.sum(items.map(\\.value))", "a pie's angles are fractions of the wedges it draws"),
        ("Sources/DiscloseCore/Rules/WithinRules.swift", "breakdown.map(\\.count.value)", "headcounts of report.yaml"),
        ("Sources/DiscloseCore/Rules/WithinRules.swift", "let sum = DecimalNumber.sum(values)", "self-evaluation scores of performance.yaml"),
        ("Sources/DiscloseCore/Rules/StatedRules.swift", "weights", "self-evaluation weights of performance.yaml"),
        ("Sources/DiscloseCore/Rules/BetweenRules.swift", "members.map", "project groups of performance.yaml"),
    ]

    func testNoFileOutsideReportFiguresRecomputesAFigure() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let regexes = try Self.patterns.map { ($0.name, try NSRegularExpression(pattern: $0.regex)) }
        var scanned = 0
        var violations: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(repositoryRoot.path.count + 1))
            guard !Self.derivingFolders.contains(where: path.hasPrefix) else { continue }
            scanned += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                for (name, regex) in regexes where regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    if Self.allowed.contains(where: { path == $0.file && ($0.contains.isEmpty || line.contains($0.contains)) }) { continue }
                    violations.append("\(path):\(number + 1): \(name): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertGreaterThan(scanned, 50, "the scan reads the sources")
        XCTAssertEqual(violations, [], "derive these in Sources/DiscloseCore/Figures (ReportFigures) and read them there")
    }

    /// The scan finds what it looks for (so that an empty result means something).
    func testTheScanRecognisesASecondComputation() throws {
        let samples = [
            "let classes = rows.map { String($0.code.value.prefix(3)) }",
            "let gpb = DecimalNumber.sum(rows.map { $0.total(unit: unit).value })",
            "let share = Derived.share(part, of: whole)",
            "let vehicle = t.vehiclePurchase.value + t.vehicleOperation.value",
        ]
        let regexes = try Self.patterns.map { try NSRegularExpression(pattern: $0.regex) }
        for sample in samples {
            XCTAssertTrue(regexes.contains { $0.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil }, sample)
        }
    }
}
