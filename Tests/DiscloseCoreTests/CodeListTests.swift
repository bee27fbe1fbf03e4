@testable import DiscloseCore
import XCTest

/// The bundled 政府收支分类科目 lists cover every code of the seed disclosures and form proper trees.
final class CodeListTests: XCTestCase {
    let lists = CodeLists.bundled

    func testEveryCodeOfTheSeedsIsKnownWithItsOfficialName() throws {
        let seedCodes: [(Int, String, String)] = [
            (2020, "2011105", "派驻派出机构"), (2020, "2013201", "行政运行"), (2020, "2013202", "一般行政管理事务"),
            (2020, "2013250", "事业运行"), (2020, "2059999", "其他教育支出"), (2020, "2080501", "行政单位离退休"),
            (2020, "2080505", "机关事业单位基本养老保险缴费支出"), (2020, "2080506", "机关事业单位职业年金缴费支出"),
            (2020, "2101101", "行政单位医疗"), (2020, "2101103", "公务员医疗补助"), (2020, "2101199", "其他行政事业单位医疗支出"),
            (2020, "2159999", "其他资源勘探工业信息等支出"), (2020, "2210201", "住房公积金"), (2020, "2210203", "购房补贴"),
            (2023, "2013299", "其他组织事务支出"), (2023, "2130152", "对高校毕业生到基层任职补助"), (2023, "2120802", "土地开发支出"),
        ]
        for (year, code, name) in seedCodes {
            let list = try XCTUnwrap(lists.list(.functional, year: year))
            XCTAssertEqual(list[code]?.name, name, "\(code) in the \(list.edition) edition")
        }
        let economic = try XCTUnwrap(lists.list(.economic, year: 2023))
        for (code, name) in [("30101", "基本工资"), ("30212", "因公出国（境）费用"), ("30217", "公务接待费"),
                             ("30231", "公务用车运行维护费"), ("31013", "公务用车购置"), ("30399", "其他对个人和家庭的补助")] {
            XCTAssertEqual(economic[code]?.name, name, code)
        }
    }

    func testEveryCodeHasItsParentInTheSameEdition() {
        XCTAssertFalse(lists.editions.isEmpty)
        for list in lists.editions {
            for entry in list.entries.values {
                XCTAssertTrue(list.validLengths.contains(entry.code.count), "\(entry.code) length")
                if let parent = entry.parent {
                    XCTAssertNotNil(list[parent], "\(entry.code) → \(parent) in \(list.kind) \(list.edition)")
                    XCTAssertTrue(entry.code.hasPrefix(parent))
                } else {
                    XCTAssertEqual(entry.level, .lei, entry.code)
                }
            }
        }
    }

    func testAReportUsesTheLatestEditionNotLaterThanItsYear() {
        XCTAssertEqual(lists.list(.functional, year: 2020)?.edition, 2020)
        XCTAssertEqual(lists.list(.functional, year: 2022)?.edition, 2020)
        XCTAssertEqual(lists.list(.functional, year: 2023)?.edition, 2023)
        XCTAssertEqual(lists.list(.functional, year: 2030)?.edition, 2024)
        // Before the first edition, the earliest one applies.
        XCTAssertEqual(lists.list(.functional, year: 2015)?.edition, 2020)
        // 社会工作事务 appears with the 2024 edition.
        XCTAssertNil(lists.list(.functional, year: 2023)?["20139"])
        XCTAssertEqual(lists.list(.functional, year: 2024)?["20139"]?.name, "社会工作事务")
    }

    func testThePathOfACodeRunsFromClassToItem() throws {
        let path = try XCTUnwrap(lists.list(.functional, year: 2023)).path(of: "2013201").map(\.name)
        XCTAssertEqual(path, ["一般公共服务支出", "组织事务", "行政运行"])
    }

    func testTableSetsUseOnlyKnownLayouts() {
        XCTAssertEqual(Set(TableSet.bundled.keys), ["mof-9", "sichuan-2020", "sichuan-2020-15", "sichuan-2023"])
        XCTAssertEqual(TableSet.bundled["mof-9"]?.tables.count, 9)
        XCTAssertEqual(TableSet.bundled["sichuan-2020"]?.tables.count, 14)
        XCTAssertEqual(TableSet.bundled["sichuan-2020-15"]?.tables.count, 15)
        XCTAssertEqual(TableSet.bundled["sichuan-2023"]?.tables.count, 13)
        for set in TableSet.bundled.values {
            for table in set.tables { XCTAssertTrue(TableSet.knownLayouts.contains(table.id), "\(set.id): \(table.id)") }
            XCTAssertEqual(Set(set.tables.map(\.id)).count, set.tables.count, "\(set.id) has duplicate ids")
        }
    }

    func testDidYouMeanFindsCloseKeysAndChineseLabels() {
        XCTAssertEqual(Suggestions.closest(to: "grand_totl", in: ["grand_total", "total"]), "grand_total")
        XCTAssertNil(Suggestions.closest(to: "zzzzzz", in: ["grand_total", "total"]))
        XCTAssertEqual(Suggestions.field(for: "事业收入", in: ContentSchemas.accounts.field(named: "income").map {
            if case .object(let o) = $0.type { return o } else { return ContentSchemas.site }
        }!)?.name, "business")
    }
}
