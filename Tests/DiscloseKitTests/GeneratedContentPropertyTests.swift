import DiscloseCore
import DiscloseKit
import Foundation
import XCTest

/// Property tests over generated content: consistent reports pass every rule, and changing any figure
/// that takes part in a 勾稽关系 makes a rule fire and name that figure.
final class GeneratedContentPropertyTests: XCTestCase {
    let generator = ConsistentReportGenerator()

    func write(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-prop-\(UUID().uuidString)/Content")
        for (path, text) in files.merging(["site.yaml": ConsistentReportGenerator.siteYAML], uniquingKeysWith: { a, _ in a }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func testTheGeneratorIsDeterministic() {
        let a = generator.unitFiles(seed: 42, unitID: "u1", index: 0, years: [2022, 2023])
        let b = generator.unitFiles(seed: 42, unitID: "u1", index: 0, years: [2022, 2023])
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, generator.unitFiles(seed: 43, unitID: "u1", index: 0, years: [2022, 2023]))
    }

    func testHundredsOfGeneratedReportsPassEveryRule() throws {
        var files: [String: String] = [:]
        for unit in 0..<120 {
            files.merge(generator.unitFiles(seed: 2024, unitID: "unit-\(unit)", index: unit, years: [2022, 2023, 2024])) { a, _ in a }
        }
        let root = try write(files)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = Checker.check(content: root, displayRoot: "Content")
        XCTAssertEqual(result.load.tree?.reports.count, 360)
        XCTAssertEqual(result.diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
    }

    /// `key: number` pairs whose figure takes part in a reconciliation rule.
    static let unconstrainedKeys: Set<String> = ["sme", "micro", "score", "weight", "persons", "batches", "count", "groups",
                                                 "internal_divisions", "year", "with_targets", "monitored"]

    struct Site { let file: String; let line: Int; let range: Range<String.Index>; let value: DecimalNumber }

    static func candidates(in text: String, file: String) -> [Site] {
        var out: [Site] = []
        var lineStart = text.startIndex
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { lineStart = text.index(lineStart, offsetBy: line.count + 1, limitedBy: text.endIndex) ?? text.endIndex }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("budget: {") || trimmed.hasPrefix("summary:") { continue }
            var search = line.startIndex
            while let colon = line[search...].range(of: ": ") {
                let keyStart = line[..<colon.lowerBound].lastIndex { !($0.isLetter || $0 == "_") }.map { line.index(after: $0) } ?? line.startIndex
                let key = String(line[keyStart..<colon.lowerBound])
                var end = colon.upperBound
                while end < line.endIndex, line[end].isNumber || line[end] == "." { end = line.index(after: end) }
                let number = String(line[colon.upperBound..<end])
                search = end > colon.upperBound ? end : colon.upperBound
                let followedByValueEnd = end == line.endIndex || [",", "}", " ", "]"].contains(line[end])
                guard followedByValueEnd, let value = DecimalNumber(number), !unconstrainedKeys.contains(key),
                      !(key == "budget" && line.contains("code:")), !(key == "rate") else { continue }
                let offset = line.distance(from: line.startIndex, to: colon.upperBound)
                let start = text.index(lineStart, offsetBy: offset)
                out.append(Site(file: file, line: index + 1, range: start..<text.index(start, offsetBy: number.count), value: value))
            }
        }
        return out
    }

    func testChangingAnyReconciledFigureMakesARuleNameIt() throws {
        var rng = SeededRandom(seed: 7)
        var checked = 0
        for trial in 0..<60 {
            let files = generator.unitFiles(seed: UInt64(1000 + trial), unitID: "u", index: trial, years: [2022, 2023])
            let year = rng.chance(50) ? 2022 : 2023
            let path = rng.chance(75) ? "u/\(year)/accounts.yaml" : "u/\(year)/performance.yaml"
            guard let text = files[path] else { continue }
            let sites = Self.candidates(in: text, file: path)
            guard !sites.isEmpty else { continue }
            let site = sites[rng.int(0...(sites.count - 1))]
            let changed = (site.value + rng.amount(1, 50)).formatted(decimals: 2)
            var mutated = files
            mutated[path] = text.replacingCharacters(in: site.range, with: changed)
            let root = try write(mutated)
            defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
            let diagnostics = Checker.check(content: root, displayRoot: "Content").diagnostics
            let file = "Content/\(path)"
            let names = diagnostics.contains { d in
                (d.location.file == file && d.location.line == site.line) || d.related.contains { $0.file == file && $0.line == site.line }
            }
            XCTAssertTrue(names, "trial \(trial): changed \(path):\(site.line) from \(site.value) to \(changed); got \(diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" })")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }
}
