import Foundation
import XCTest

/// `disclose check` as finance staff run it: exit status and output.
final class CommandLineTests: XCTestCase {
    var binary: URL { repositoryRoot.appendingPathComponent(".build/debug/disclose") }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "build the executable first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testCheckPassesOnTheSampleContent() throws {
        let result = try run(["check", "--content", "Content"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("检查通过：没有发现问题。\n") || result.stdout.contains("0 个错误"), result.stdout)
    }

    func testErrorsExitWithOneAndJSONOnRequest() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: 1OO")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let text = try run(["check", "--content", root.path, "--lang", "en"])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("accounts.yaml:2:19: error[SCHEMA-NUMBER]: '1OO' is not a valid number."), text.stdout)
        let json = try run(["check", "--content", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
    }

    func testUsageAndMissingContentExitWithTwo() throws {
        XCTAssertEqual(try run(["check", "--no-such-option"]).status, 2)
        XCTAssertEqual(try run(["check", "--format", "xml"]).status, 2)
        let missing = try run(["check", "--content", "/nonexistent/Content"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stdout.contains("找不到内容目录"), missing.stdout)
    }

    func testImportStartsTheYearFromAWorkbookAndSaysWhereEachFigureCameFrom() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-cli-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: dir.appendingPathComponent("Content"))
        let content = dir.appendingPathComponent("Content").path
        let workbook = repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/finance-system.xlsx").path

        let dry = try run(["import", workbook, "--unit", "luzhou-zzb", "--year", "2021", "--content", content, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("（试运行：未写入任何文件。）"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("将新建 luzhou-zzb/2021/") && dry.stdout.contains("将更新 \(content)/luzhou-zzb/2021/accounts.yaml"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(content)/luzhou-zzb/2021"), "a dry run writes nothing")

        let result = try run(["import", workbook, "--unit", "luzhou-zzb", "--year", "2021", "--content", content])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("已新建 luzhou-zzb/2021/accounts.yaml"), result.stdout)
        XCTAssertTrue(result.stdout.contains("工作表“公开06表” → 一般公共预算财政拨款支出决算表"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  income.general_budget = 2810.86    ← 公开01表!C6"), result.stdout)
        XCTAssertTrue(result.stdout.contains("2013250 非财政拨款资金：basic 0.14, project 0    ← 公开03表!12:12"), result.stdout)
        XCTAssertTrue(result.stdout.contains("工作表“填表说明”不是附表，其中没有数字，未读取。"), result.stdout)
        XCTAssertTrue(result.stdout.contains("0 处不一致，0 个未导入。"), result.stdout)
        // Then the check lists what the tables do not hold.
        XCTAssertTrue(result.stdout.contains("检查 \(content)/luzhou-zzb/2021："), result.stdout)
        XCTAssertTrue(result.stdout.contains("accounts.yaml:9:3: error[SCHEMA-REQUIRED]"), result.stdout)
        let accounts = try String(contentsOfFile: "\(content)/luzhou-zzb/2021/accounts.yaml", encoding: .utf8)
        XCTAssertTrue(accounts.contains("  general_budget: 2810.86       # 一般公共预算财政拨款收入；必填；金额"), accounts)
        // Carried over from 2020 by `disclose new`, untouched by the import.
        XCTAssertTrue(accounts.contains("  income_total: 3474.81         # 上年本年收入合计；金额；由 2020 年度报告结转"), accounts)

        // A mistyped unit is refused, not created.
        let typo = try run(["import", workbook, "--unit", "luzhou-zbb", "--year", "2021", "--content", content])
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue(typo.stderr.contains("没有单位“luzhou-zbb”。是否应为 luzhou-zzb？") && typo.stderr.contains("--new-unit"), typo.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(content)/luzhou-zbb"))
        let created = try run(["import", workbook, "--unit", "new-unit", "--year", "2021", "--content", content, "--new-unit"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("unit.yaml 原来为空，已填写 name = 中国共产党泸州市委员会组织部"), created.stdout)

        let missing = try run(["import", "/nonexistent.xlsx", "--unit", "luzhou-zzb", "--year", "2021", "--content", content])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("无法读取 /nonexistent.xlsx"), missing.stderr)
        let notWorkbook = try run(["import", "\(content)/site.yaml", "--unit", "luzhou-zzb", "--year", "2021", "--content", content])
        XCTAssertEqual(notWorkbook.status, 1)
        XCTAssertTrue(notWorkbook.stderr.contains("不是 Excel 工作簿"), notWorkbook.stderr)
    }

    func testASecondBuildOnlyDoesWhatChanged() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-cli-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: dir.appendingPathComponent("Content"))
        let args = ["build", "--content", dir.appendingPathComponent("Content").path, "--output", dir.appendingPathComponent("Output").path]
        let first = try run(args)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("4 份报告，51 个页面"), first.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".disclose-cache").path), "the record sits beside the output")
        let second = try run(args)
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.stdout.contains("没有变化") && second.stdout.contains("检查完成：0 个错误，3 个警告。"), second.stdout)
        let duties = dir.appendingPathComponent("Content/miyi-zzb/2020/duties.md")
        try (try Data(contentsOf: duties) + Data("\n新增一句。\n".utf8)).write(to: duties)
        let third = try run(args)
        XCTAssertTrue(third.stdout.contains("有变化的单位 miyi-zzb，重新生成 1 份报告（共 4 份）"), third.stdout)
        let full = try run(args + ["--full"])
        XCTAssertTrue(full.stdout.contains("已生成"), full.stdout)
    }

    /// A folder name holding an escape sequence or a newline reaches the terminal escaped: it can
    /// neither rewrite the screen nor fake a line of output.
    func testControlCharactersInTheOutputFolderAreEscapedInTheSummary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-cli-escape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: dir.appendingPathComponent("Content"))
        let output = dir.appendingPathComponent("Out\u{1B}[2J\nerror: fake").path
        let args = ["build", "--content", dir.appendingPathComponent("Content").path, "--output", output]
        for round in ["full", "unchanged"] {
            let result = try run(args)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("Out\\u{1B}[2J\\u{A}error: fake/"), "\(round): \(result.stdout)")
            for text in [result.stdout, result.stderr] {
                XCTAssertFalse(text.contains("\u{1B}"), round)
                XCTAssertFalse(text.contains("\nerror: fake"), round)
            }
        }
        let workbook = dir.appendingPathComponent("x\u{1B}]0;t\u{7}.xlsx").path
        let export = try run(["export", "miyi-zzb", "2020", "--content", dir.appendingPathComponent("Content").path, "-o", workbook])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("x\\u{1B}]0;t\\u{7}.xlsx"), export.stdout)
        XCTAssertFalse(export.stdout.contains("\u{1B}") || export.stdout.contains("\u{7}"))
    }

    func testNewWritesASkeletonAndRefusesToOverwrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-cli-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("Content").path
        let first = try run(["new", "demo", "2024", "--content", content])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("\(content)/demo/2024/accounts.yaml"), first.stdout)
        let check = try run(["check", "--content", content])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("demo/2024/accounts.yaml:7:3: error[SCHEMA-REQUIRED]: “一般公共预算财政拨款收入”（general_budget）未填写。"), check.stdout)
        let again = try run(["new", "demo", "2024", "--content", content, "--lang", "en"])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "disclose new: demo/2024 already exists and is not overwritten; move it away first.\n")
        XCTAssertEqual(try run(["new", "demo", "2025", "--kind", "局"]).status, 2)
        XCTAssertEqual(try run(["new", "demo", "2025", "--blank", "--from", "2024"]).status, 2)
        let carry = try run(["new", "demo", "2025", "--content", content])
        XCTAssertEqual(carry.status, 1)
        XCTAssertTrue(carry.stderr.hasPrefix("disclose new: \(content)/demo/2024 有 "), carry.stderr)
    }
}
