import DiscloseCore
import DiscloseKit
import Foundation
import XCTest

/// A small, valid content tree written to a temporary folder. Tests change one file and assert
/// the exact diagnostic. Line numbers in the assertions refer to the texts below.
struct FixtureSite {
    static let site = """
    title: 测试站点
    publisher: 测试财政局
    base_url: https://example.gov.cn/
    """

    static let unit = """
    name: 中国共产党测试县委员会组织部
    short_name: 测试县委组织部
    level: 县
    region: 四川省测试县
    """

    static let report = """
    year: 2023
    kind: 部门
    tables: sichuan-2023
    organization:
      internal_divisions: 3
      entities:
        - name: 测试县委组织部（本级）
          type: 行政单位
    """

    /// Line numbers matter: tests point at them.
    static let accounts = """
    income:
      general_budget: 100.00
      government_fund: 0
      state_capital: 0
      superior_subsidy: 0
      business: 0
      operating: 0
      subordinate_remittance: 0
      other: 0
      total: 100.00
      non_appropriation_balance_used: 0
      carryover_beginning: 0
      grand_total: 100.00
    expenditure:
      basic: 80.00
      project: 20.00
      remit_to_superior: 0
      operating: 0
      subsidy_to_subordinates: 0
      total: 100.00
      balance_distribution: 0
      carryover_ending: 0
      grand_total: 100.00
    appropriation:
      carryover_beginning: {general_budget: 0, government_fund: 0, state_capital: 0}
      carryover_ending: {general_budget: 0, government_fund: 0, state_capital: 0}
    functional:
      - code: "2013201"
        basic: 80.00
        project: 0
      - code: "2013202"
        basic: 0
        project: 20.00
    basic_expenditure:
      personnel: {total: 70.00, items: ["30101"]}
      public: {total: 10.00, items: ["30201"]}
    three_public:
      budget: {overseas: 0, vehicle_purchase: 0, vehicle_operation: 0, reception: 0.50}
      actual: {overseas: 0, vehicle_purchase: 0, vehicle_operation: 0, reception: 0.40}
      reception:
        domestic: {amount: 0.40, batches: 2, persons: 10}
        foreign: {amount: 0, batches: 0, persons: 0}
    agency_operating_cost:
      amount: 10.00
    procurement: {goods: 0, works: 0, services: 0, total: 0}
    assets:
      vehicles:
        - {type: 其他用车, count: 0}
    """

    static let duties = """
    1. 负责全县党的组织建设。
    2. 负责干部队伍建设。
    """

    var files: [String: String] = [
        "site.yaml": FixtureSite.site,
        "test-zzb/unit.yaml": FixtureSite.unit,
        "test-zzb/2023/report.yaml": FixtureSite.report,
        "test-zzb/2023/accounts.yaml": FixtureSite.accounts,
        "test-zzb/2023/duties.md": FixtureSite.duties,
    ]

    /// Replaces the first occurrence of `old` in a file.
    mutating func edit(_ path: String, replacing old: String, with new: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        guard let text = files[path], text.contains(old) else {
            XCTFail("fixture \(path) does not contain \(old)", file: file, line: line)
            return
        }
        files[path] = text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
    }

    /// Writes the tree under a fresh temporary directory and returns its URL.
    func write(raw: [String: Data] = [:]) throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("disclose-tests-\(UUID().uuidString)")
            .appendingPathComponent("Content")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (path, data) in raw {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// Loads the tree the way `disclose check --content Content` does.
    func check(raw: [String: Data] = [:]) throws -> [Diagnostic] {
        let root = try write(raw: raw)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        return Checker.check(content: root, displayRoot: "Content").diagnostics
    }
}

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

extension XCTestCase {
    /// Asserts that exactly one diagnostic has the rule, and that it points at file:line:column.
    @discardableResult
    func assertDiagnostic(
        _ diagnostics: [Diagnostic], rule: RuleID, file path: String, line: Int, column: Int,
        severity: Severity = .error, file: StaticString = #filePath, testLine: UInt = #line
    ) -> Diagnostic? {
        let matching = diagnostics.filter { $0.rule == rule }
        XCTAssertEqual(matching.count, 1, "expected one \(rule), got: \(diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" })",
                       file: file, line: testLine)
        guard let d = matching.first else { return nil }
        XCTAssertEqual(d.severity, severity, file: file, line: testLine)
        XCTAssertEqual(d.location.file, "Content/\(path)", file: file, line: testLine)
        XCTAssertEqual(d.location.line, line, "line", file: file, line: testLine)
        XCTAssertEqual(d.location.column, column, "column", file: file, line: testLine)
        return d
    }
}
