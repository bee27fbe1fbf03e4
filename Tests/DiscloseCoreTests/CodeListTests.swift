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
        XCTAssertEqual(lists.list(.functional, year: 2022)?.edition, 2022)
        XCTAssertEqual(lists.list(.functional, year: 2023)?.edition, 2023)
        XCTAssertEqual(lists.list(.functional, year: 2030)?.edition, 2025)
        // Before the first edition, the earliest one applies.
        XCTAssertEqual(lists.list(.functional, year: 2015)?.edition, 2018)
        // 社会工作事务 appears with the 2024 edition.
        XCTAssertNil(lists.list(.functional, year: 2023)?["20139"])
        XCTAssertEqual(lists.list(.functional, year: 2024)?["20139"]?.name, "社会工作事务")
    }

    func testThePathOfACodeRunsFromClassToItem() throws {
        let path = try XCTUnwrap(lists.list(.functional, year: 2023)).path(of: "2013201").map(\.name)
        XCTAssertEqual(path, ["一般公共服务支出", "组织事务", "行政运行"])
    }

    func testTableSetsUseOnlyKnownLayouts() {
        XCTAssertEqual(Set(TableSet.bundled.keys), ["mof-9", "sichuan-2020", "sichuan-2020-15", "sichuan-2023", "shanghai"])
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

/// One edition per year 2018–2025, each with that year's names and codes.
final class CodeEditionTests: XCTestCase {
    let lists = CodeLists.bundled

    func name(_ code: String, _ year: Int) -> String? { lists.list(.functional, year: year)?[code]?.name }

    func testEveryYearFrom2018To2025HasItsOwnFunctionalEdition() {
        for year in 2018...2025 {
            XCTAssertEqual(lists.list(.functional, year: year)?.edition, year, "\(year)")
            XCTAssertEqual(lists.list(.economic, year: year)?.edition, year, "economic \(year)")
        }
    }

    func testPovertyAlleviationWasRenamedIn2021() {
        XCTAssertEqual(name("21305", 2020), "扶贫")
        XCTAssertEqual(name("2130599", 2020), "其他扶贫支出")
        XCTAssertEqual(name("21305", 2021), "巩固脱贫衔接乡村振兴")
        XCTAssertEqual(name("21305", 2025), "巩固脱贫衔接乡村振兴")
    }

    func testEmergencyManagementIsAClassFrom2019() {
        XCTAssertNil(name("224", 2018))
        XCTAssertEqual(name("224", 2019), "灾害防治及应急管理支出")
        XCTAssertEqual(name("2240106", 2023), "安全监管")
    }

    func testPetitionsBecameTheirOwnKuanIn2024() {
        XCTAssertEqual(name("2010308", 2023), "信访事务")
        XCTAssertNil(name("2010308", 2024))
        XCTAssertEqual(name("20140", 2024), "信访事务")
        XCTAssertNil(name("20140", 2023))
    }

    func testCodesRealReportsUseAreKnownInTheirYear() {
        XCTAssertEqual(name("2089901", 2021), "其他社会保障和就业支出")
        for code in ["2070113", "2070114", "2070904", "2121999"] {
            XCTAssertNotNil(name(code, 2025), code)
            XCTAssertNil(name(code, 2024), code)
        }
        XCTAssertEqual(name("2111101", 2025), "生态环境监测与信息")
        XCTAssertEqual(name("2219899", 2025), "其他住房保障支出")
    }

    func testACodeFromAnotherEditionIsFoundThere() {
        let elsewhere = lists.editions(containing: "2070113", kind: .functional, except: 2024)
        XCTAssertEqual(elsewhere.map(\.edition), [2025])
    }
}
