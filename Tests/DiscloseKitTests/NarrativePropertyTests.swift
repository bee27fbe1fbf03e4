import DiscloseCore
import DiscloseKit
import Foundation
import XCTest

/// The property test extended to narrative: Part 2 text written from generated figures in several
/// phrasings (names with brackets, codes in brackets, Shanghai item lines with their budget, actual and
/// completion, the 三公 items, a figure without its unit) passes every rule; changing one number of the
/// text makes a rule fire that quotes it.
final class NarrativePropertyTests: XCTestCase {
    let generator = ConsistentReportGenerator()

    enum Piece { case words(String), figure(String) }

    /// The text as pieces, so that one figure can be changed.
    static func narrative(_ report: Report, codes: CodeList) -> [Piece] {
        let a = report.accounts
        func money(_ v: DecimalNumber) -> String { v.formatted(decimals: 2) }
        var pieces: [Piece] = []
        var classes: [String: DecimalNumber] = [:]
        var items: [String: (DecimalNumber, DecimalNumber?)] = [:]
        for row in a.functional where row.fund == .generalBudget {
            let total = DecimalNumber.sum(ExpenditureStatement.Kind.allCases.map { row.amount($0, unit: a.unit).value })
            classes[String(row.code.value.prefix(3)), default: .zero] = classes[String(row.code.value.prefix(3)), default: .zero] + total
            if row.code.value.count == 7 {
                let earlier = items[row.code.value]
                let budget: DecimalNumber? = row.budget.map { $0.value + (earlier?.1 ?? .zero) } ?? earlier?.1
                items[row.code.value] = ((earlier?.0 ?? .zero) + total, budget)
            }
        }
        for (code, value) in classes.sorted(by: { $0.key < $1.key }) {
            guard let name = codes[code]?.name else { continue }
            let stem = name.hasSuffix("支出") ? String(name.dropLast(2)) : name
            pieces += [.words("\(stem)（\(code)）支出"), .figure(money(value)), .words("万元。")]
        }
        for (code, (value, budget)) in items.sorted(by: { $0.key < $1.key }) {
            let path = codes.path(of: code).map(\.name)
            guard path.count == 3 else { continue }
            let head = path[0].hasSuffix("支出") ? String(path[0].dropLast(2)) : path[0]
            pieces += [.words("\(head)（类）\(path[1])（款）\(path[2])（项）支出"), .figure(money(value)), .words("万元。")]
            if let budget, !budget.isZero, let rate = DecimalNumber.percentage(value, of: budget, decimals: 2) {
                pieces += [.words("年初预算为"), .figure(money(budget)), .words("万元，支出决算为"), .figure(money(value)),
                           .words("万元，完成年初预算的"), .figure(rate.description), .words("%。")]
            }
        }
        let t = a.threePublic.actual
        pieces += [.words("\n\(report.year)年度因公出国（境）费"), .figure(money(t.overseas.value)), .words("万元，公务接待费"),
                   .figure(money(t.reception.value)), .words("万元。")]
        pieces += [.words("\n机关运行经费决算数为"), .figure(money(a.agencyOperatingCost.amount.value)), .words("，主要用于保障机关日常运转。\n")]
        return pieces
    }

    static func render(_ pieces: [Piece], changing index: Int? = nil, to replacement: String = "") -> String {
        var figure = -1
        return pieces.map { piece in
            switch piece {
            case .words(let w): return w
            case .figure(let f):
                figure += 1
                return figure == index ? replacement : f
            }
        }.joined()
    }

    func write(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-narrative-\(UUID().uuidString)/Content")
        for (path, text) in files.merging(["site.yaml": ConsistentReportGenerator.siteYAML], uniquingKeysWith: { a, _ in a }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func testGeneratedNarrativePassesAndAChangedNumberIsQuoted() throws {
        var rng = SeededRandom(seed: 16)
        var changed = 0
        for trial in 0..<12 {
            var files = generator.unitFiles(seed: UInt64(500 + trial), unitID: "u", index: trial, years: [2023])
            let root = try write(files)
            let loaded = Checker.check(content: root, displayRoot: "Content")
            try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
            let report = try XCTUnwrap(loaded.load.tree?.reports.first)
            let codes = try XCTUnwrap(CodeLists.bundled.list(.functional, year: report.year))
            let pieces = Self.narrative(report, codes: codes)
            let path = "u/2023/paragraphs/general-budget-items.md"
            let file = "Content/\(path)"
            files[path] = Self.render(pieces)
            let consistent = try write(files)
            let quiet = Checker.check(content: consistent, displayRoot: "Content").diagnostics.filter { $0.location.file == file }
            try? FileManager.default.removeItem(at: consistent.deletingLastPathComponent())
            // The one figure written without its unit is checked, and its missing unit reported: nothing else.
            XCTAssertEqual(quiet.filter { $0.rule != "TEXT-UNIT" }.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [],
                           "trial \(trial):\n\(files[path]!)")
            XCTAssertEqual(quiet.filter { $0.rule == "TEXT-UNIT" }.count, 1, "trial \(trial)")

            let figures = pieces.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
            let index = rng.int(0...(figures.count - 1))
            let original = try XCTUnwrap(DecimalNumber(figures[index]))
            let replacement = (original + rng.amount(1, 50)).formatted(decimals: 2)
            files[path] = Self.render(pieces, changing: index, to: replacement)
            let mutated = try write(files)
            let fired = Checker.check(content: mutated, displayRoot: "Content").diagnostics
                .filter { $0.location.file == file && $0.rule != "TEXT-UNIT" }
            try? FileManager.default.removeItem(at: mutated.deletingLastPathComponent())
            XCTAssertTrue(fired.contains { $0.message.zh.contains(replacement) },
                          "trial \(trial): changed \(figures[index]) to \(replacement) in\n\(files[path]!)\ngot \(fired.map { "\($0.rule) \($0.message.zh)" })")
            changed += 1
        }
        XCTAssertEqual(changed, 12)
    }
}
