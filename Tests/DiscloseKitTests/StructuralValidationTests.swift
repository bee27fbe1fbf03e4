import DiscloseCore
import DiscloseKit
import XCTest

/// Each structural error kind of the content format: the exact rule, file, line and column.
final class StructuralValidationTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"
    let report = "test-zzb/2023/report.yaml"

    func testTheFixtureItselfIsValid() throws {
        let diagnostics = try FixtureSite().check()
        XCTAssertEqual(diagnostics, [], "\(diagnostics.map(\.message.zh))")
    }

    func testAMissingRequiredFieldPointsAtItsParentKey() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  other: 0\n", with: "")
        let d = assertDiagnostic(try site.check(), rule: .missingField, file: accounts, line: 1, column: 1)
        XCTAssertEqual(d?.path, "income.other")
        XCTAssertTrue(d?.message.zh.contains("其他收入") ?? false)
    }

    func testAnEmptyRequiredValueIsMissing() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  other: 0\n", with: "  other:\n")
        assertDiagnostic(try site.check(), rule: .missingField, file: accounts, line: 9, column: 3)
    }

    func testAWrongTypeNamesWhatWasExpected() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: [100.00]")
        let d = assertDiagnostic(try site.check(), rule: .wrongType, file: accounts, line: 2, column: 19)
        XCTAssertTrue(d?.message.zh.contains("金额") ?? false)
    }

    func testAQuotedNumberIsAWrongType() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: \"100.00\"")
        let d = assertDiagnostic(try site.check(), rule: .wrongType, file: accounts, line: 2, column: 19)
        XCTAssertTrue(d?.message.zh.contains("不要加引号") ?? false)
    }

    func testAMalformedNumberSuggestsTheRepair() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: 1,000.00")
        let d = assertDiagnostic(try site.check(), rule: .malformedNumber, file: accounts, line: 2, column: 19)
        XCTAssertEqual(d?.expected, "1000.00")
        XCTAssertEqual(d?.actual, "1,000.00")
    }

    func testFullWidthDigitsAreMalformed() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: １００．００")
        let d = assertDiagnostic(try site.check(), rule: .malformedNumber, file: accounts, line: 2, column: 19)
        XCTAssertEqual(d?.expected, "100.00")
        XCTAssertTrue(d?.message.zh.contains("半角") ?? false)
    }

    func testAnAmountWithAUnitSuffixIsMalformed() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: 100.00万元")
        let d = assertDiagnostic(try site.check(), rule: .malformedNumber, file: accounts, line: 2, column: 19)
        XCTAssertEqual(d?.expected, "100.00")
    }

    /// 万元 amounts are exact to the 分 with six decimals (a 元 workbook converts exactly); anything finer
    /// is an error, and so is a 元 amount finer than the 分.
    func testAnAmountFinerThanAFenIsAPrecisionError() throws {
        var fen = FixtureSite()
        fen.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: 100.000001")
        XCTAssertEqual(try fen.check().filter { $0.rule == .precision }, [], "0.01 元 in 万元 is allowed")

        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: 100.0000005")
        let d = assertDiagnostic(try site.check(), rule: .precision, file: accounts, line: 2, column: 19)
        XCTAssertEqual(d?.expected, "100.000001")

        var yuan = FixtureSite()
        yuan.edit(accounts, replacing: "income:\n  general_budget: 100.00", with: "unit: 元\nincome:\n  general_budget: 100.005")
        let y = assertDiagnostic(try yuan.check(), rule: .precision, file: accounts, line: 3, column: 19)
        XCTAssertEqual(y?.expected, "100.01")
    }

    func testANegativeIncomeIsRejectedButANegativeCarryoverIsNot() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budget: -100.00")
        assertDiagnostic(try site.check(), rule: .negative, file: accounts, line: 2, column: 19)

        var carry = FixtureSite()
        carry.edit(accounts, replacing: "  carryover_ending: 0", with: "  carryover_ending: -1.00")
        XCTAssertEqual(try carry.check().filter { $0.rule == .negative }, [])
    }

    func testAnUnknownKeySuggestsTheClosestField() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  general_budget: 100.00", with: "  general_budgt: 100.00")
        let diagnostics = try site.check()
        let d = assertDiagnostic(diagnostics, rule: .unknownKey, file: accounts, line: 2, column: 3)
        XCTAssertEqual(d?.expected, "general_budget")
        XCTAssertTrue(d?.message.zh.contains("是否应为“general_budget”") ?? false)
        // The misspelling is the one finding; the field is not also reported missing.
        XCTAssertEqual(diagnostics.filter { $0.rule == .missingField }, [])
    }

    func testAnUnknownKeyWrittenInChineseSuggestsTheFieldWithThatLabel() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  other: 0", with: "  其他收入: 0")
        let d = assertDiagnostic(try site.check(), rule: .unknownKey, file: accounts, line: 9, column: 3)
        XCTAssertEqual(d?.expected, "other")
    }

    func testAnUnknownFunctionalCodeSuggestsANeighbour() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  - code: \"2013201\"", with: "  - code: \"2013298\"")
        let d = assertDiagnostic(try site.check(), rule: .unknownCode, file: accounts, line: 28, column: 11)
        XCTAssertTrue(d?.message.zh.contains("2013299") ?? false, d?.message.zh ?? "")
    }

    func testACodeOfTheWrongLengthIsUnknown() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  - code: \"2013201\"", with: "  - code: \"201320\"")
        assertDiagnostic(try site.check(), rule: .unknownCode, file: accounts, line: 28, column: 11)
    }

    func testAnEconomicCodeAmongFunctionalOnesIsNamed() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  - code: \"2013201\"", with: "  - code: \"3010\"")
        XCTAssertEqual(try site.check().filter { $0.rule == .unknownCode }.count, 1)
        var economic = FixtureSite()
        economic.edit(accounts, replacing: "items: [\"30101\"]", with: "items: [\"2013201\"]")
        assertDiagnostic(try economic.check(), rule: .codeLevel, file: accounts, line: 35, column: 37)
    }

    func testAMisnamedCodeGivesTheOfficialName() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  - code: \"2013201\"\n", with: "  - code: \"2013201\"\n    name: 机关运行\n")
        let d = assertDiagnostic(try site.check(), rule: .misnamedCode, file: accounts, line: 29, column: 11, severity: .warning)
        XCTAssertEqual(d?.expected, "行政运行")
        XCTAssertEqual(d?.actual, "机关运行")
    }

    func testADuplicateKeyPointsAtTheSecondOccurrence() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  other: 0\n", with: "  other: 0\n  other: 0\n")
        let d = assertDiagnostic(try site.check(), rule: .duplicateKey, file: accounts, line: 10, column: 3)
        XCTAssertTrue(d?.message.zh.contains("第 9 行") ?? false)
    }

    func testAFolderYearThatDisagreesWithTheDeclaredYear() throws {
        var site = FixtureSite()
        site.edit(report, replacing: "year: 2023", with: "year: 2022")
        let d = assertDiagnostic(try site.check(), rule: .yearMismatch, file: report, line: 1, column: 7)
        XCTAssertEqual(d?.expected, "2023")
        XCTAssertEqual(d?.actual, "2022")
    }

    func testAValueOutsideItsChoicesSuggestsOne() throws {
        var site = FixtureSite()
        site.edit(report, replacing: "kind: 部门", with: "kind: 部们")
        let d = assertDiagnostic(try site.check(), rule: .notAllowed, file: report, line: 2, column: 7)
        XCTAssertTrue(d?.message.zh.contains("是否应为“部门”") ?? false)
    }

    func testAnUnknownTableSet() throws {
        var site = FixtureSite()
        site.edit(report, replacing: "tables: sichuan-2023", with: "tables: sichuan-2032")
        let d = assertDiagnostic(try site.check(), rule: .unknownTableSet, file: report, line: 3, column: 9)
        XCTAssertTrue(d?.message.zh.contains("sichuan-2023") ?? false)
    }

    func testAYAMLSyntaxErrorHasALocationAndAHint() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  other: 0\n", with: "  other: 0\n\tbusiness: 0\n")
        let d = assertDiagnostic(try site.check(), rule: .yamlSyntax, file: accounts, line: 10, column: 1)
        XCTAssertTrue(d?.message.zh.contains("Tab") ?? false, d?.message.zh ?? "")
    }

    func testAMissingFileIsNamed() throws {
        var site = FixtureSite()
        site.files["test-zzb/2023/accounts.yaml"] = nil
        let d = assertDiagnostic(try site.check(), rule: .missingFile, file: accounts, line: 0, column: 0)
        XCTAssertTrue(d?.message.zh.contains("accounts.yaml") ?? false)
    }

    func testAFileInGB18030IsAnEncodingError() throws {
        var site = FixtureSite()
        site.files["test-zzb/2023/duties.md"] = nil
        // "组织" in GB18030.
        let gbk = Data([0xD7, 0xE9, 0xD6, 0xAF, 0x0A])
        let d = assertDiagnostic(try site.check(raw: ["test-zzb/2023/duties.md": gbk]), rule: .encoding,
                                 file: "test-zzb/2023/duties.md", line: 0, column: 0)
        XCTAssertTrue(d?.message.zh.contains("iconv") ?? false)
    }

    func testABOMAndCRLFLineEndsAreAcceptedSilently() throws {
        var site = FixtureSite()
        let text = site.files[accounts]!.replacingOccurrences(of: "\n", with: "\r\n")
        site.files[accounts] = nil
        let diagnostics = try site.check(raw: [accounts: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)])
        XCTAssertEqual(diagnostics, [])
    }

    func testAnInvalidUnitFolderName() throws {
        var site = FixtureSite()
        site.files["Test_ZZB/unit.yaml"] = FixtureSite.unit
        assertDiagnostic(try site.check(), rule: .unitID, file: "Test_ZZB", line: 0, column: 0)
    }

    func testAnEmptyReportFolder() throws {
        let site = FixtureSite()
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("test-zzb/2024"), withIntermediateDirectories: true)
        let diagnostics = Checker.check(content: root, displayRoot: "Content").diagnostics
        assertDiagnostic(diagnostics, rule: .missingFile, file: "test-zzb/2024", line: 0, column: 0)
    }

    func testRawHTMLInNarrativeIsAWarningWithItsLine() throws {
        var site = FixtureSite()
        site.files["test-zzb/2023/duties.md"] = "第一段。\n\n<script>alert(1)</script>\n"
        assertDiagnostic(try site.check(), rule: "MD-RAW-HTML", file: "test-zzb/2023/duties.md", line: 3, column: 1,
                         severity: .warning)
    }
}

final class SymlinkTests: XCTestCase {
    func testASymbolicLinkOutOfTheContentFolderIsNotRead() throws {
        let root = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("test-zzb/2023/achievements.md").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("test-zzb/2023/loop").path, withDestinationPath: "..")
        let result = Checker.check(content: root, displayRoot: "Content")
        XCTAssertTrue(result.diagnostics.contains { $0.rule == "FILE-SYMLINK" && $0.location.file == "Content/test-zzb/2023/achievements.md" })
        XCTAssertNil(result.load.tree?.reports.first?.narrative.achievements)
    }
}
