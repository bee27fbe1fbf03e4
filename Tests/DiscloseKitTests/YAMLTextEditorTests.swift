import DiscloseCore
@testable import DiscloseKit
import XCTest

/// `disclose import` writes figures into an annotated accounts.yaml: what it edits must read as
/// intended, and every line it does not edit must stay exactly as the finance staff wrote it.
final class YAMLTextEditorTests: XCTestCase {
    // MARK: - Fixtures (excerpts of real files)

    /// From `disclose new --blank` (with `previous:` emptied to stand for a parent with nothing under it).
    static let skeleton = """
        unit: 万元                      # 金额单位；可选：元 / 万元
        income:                         # 收入；必填
          general_budget:               # 一般公共预算财政拨款收入；必填；金额
          government_fund:              # 政府性基金预算财政拨款收入；必填；金额
        previous:                       # 上年决算数
        functional:                     # 支出功能分类明细；必填；可重复多项，每项以“- ”开头
          - code:                       # 科目编码；必填；支出功能分类科目编码（类 3 位、款 5 位、项 7 位），写在引号内
            name:                       # 科目名称；文字
            fund:                       # 资金来源；可选：general_budget / government_fund / state_capital / other
            basic:                      # 基本支出；必填；金额
            project:                    # 项目支出；必填；金额
            budget:                     # 预算数；金额
        basic_expenditure:              # 一般公共预算财政拨款基本支出；必填
          personnel:                    # 人员经费；必填
            label:                      # 称呼；文字
            total:                      # 合计；必填；金额
            items:                      # 经济分类科目；列表，每项一行，以“- ”开头
        government_fund:                # 政府性基金预算
          by_code:                      # 分科目；可重复多项，每项以“- ”开头
            - code:                     # 科目编码；必填；支出功能分类科目编码（类 3 位、款 5 位、项 7 位），写在引号内
              name:                     # 科目名称；文字
              carryover_beginning:      # 年初结转和结余；必填；金额，可为负数
              income:                   # 本年收入；必填；金额
              carryover_ending:         # 年末结转和结余；必填；金额，可为负数

        """

    /// From Content/miyi-zzb/2020/accounts.yaml.
    static let miyi = """
        income:
          general_budget: 745.99          # 占 78.46%
          government_fund: 204.85         # 占 21.54%
          state_capital: 0
          # 原文 7 项来源中没有“上级补助收入”；收入合计 950.84 已由前两项构成，故为 0。
          superior_subsidy: 0
          total: 950.84                   # 745.99 + 204.85 = 950.84（C001-05）

        # 支出功能分类：原文只公开到“类”，没有印任何科目编码。
        functional:
          - code: "201"                   # 一般公共服务支出 611.15（占 64.27%）
            fund: general_budget
            basic: 405.93
            project: 205.22
            budget: 611.15
          - code: "208"                   # 社会保障和就业支出 53.37（占 5.61%）
            fund: general_budget
            basic: 53.37
            project: 0
            budget: 53.37
          - code: "212"                   # 城乡社区支出 204.85（占 21.54%），政府性基金
            fund: government_fund
            basic: 0
            project: 204.85
            budget: 204.85
          # 更正：住房保障 五.2 为 46.84（占 4.94%），五.3 为 46.83（且序号误为“4.”）。
          - code: "221"                   # 住房保障支出
            fund: general_budget
            basic: 46.84
            project: 0
            budget: 46.84

        # 六、一般公共预算财政拨款基本支出 534.27
        basic_expenditure:
          personnel:
            total: 489.84
            items:
              - "30101"   # 基本工资
              - "30102"   # 津贴补贴；原文另列“购房补贴”，
                          #   购房补贴在 30102 津贴补贴中反映，故不另列编码
              - "30103"   # 奖金
          public:
            label: 公用经费
            total: 44.43
            items: ["30201", "30211"]   # 办公费、差旅费
        three_public:
          reception:
            foreign: {amount: 0, batches: 0, persons: 0}   # 无外事接待
        government_fund:
          by_code: []
        assets:
          vehicles:
            # 更正：原文写“部级领导干部用车0辆”，按标准车辆用途分类改为“主要领导干部用车”。
            - {type: 主要领导干部用车, count: 0}
            - {type: 机要通信用车, count: 0}
            - {type: 其他用车, count: 1, purpose: 老干部活动中心组织老干部活动和走访慰问}
          equipment:
            - {type: 单价50万元以上通用设备, count: 0}

        """

    // MARK: - Helpers

    private func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    /// The lines of `after` that differ from `before`, by index, when no line was added or removed.
    private func changedLines(_ before: String, _ after: String, file: StaticString = #filePath, line: UInt = #line) -> [Int: String] {
        let old = lines(before), new = lines(after)
        XCTAssertEqual(old.count, new.count, "no line should be added or removed", file: file, line: line)
        return Dictionary(uniqueKeysWithValues: zip(old, new).enumerated().compactMap { $1.0 == $1.1 ? nil : ($0, $1.1) })
    }

    private func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> ContentNode {
        let (node, diagnostics) = YAMLDocument.parse(text, file: "accounts.yaml")
        XCTAssertEqual(diagnostics.count, 0, "\(diagnostics)", file: file, line: line)
        return try XCTUnwrap(node, file: file, line: line)
    }

    /// The scalar at a path of keys and list indices, read back through the loader.
    private func scalar(_ text: String, _ path: String...) throws -> String? {
        var node: ContentNode? = try parsed(text)
        for step in path { node = Int(step).flatMap { node?.items?[$0] } ?? node?[step] }
        return node?.scalar?.text
    }

    // MARK: - setScalar

    func testAFigureTakesTheBlankAndTheCommentKeepsItsColumn() throws {
        var editor = try YAMLTextEditor(text: Self.skeleton)
        XCTAssertTrue(try editor.setScalar(at: ["income", "general_budget"], to: "3474.67"))
        XCTAssertTrue(try editor.setScalar(at: ["income", "government_fund"], to: "123456789012345678901234567.89"))
        XCTAssertTrue(try editor.setScalar(at: ["unit"], to: "元"))
        XCTAssertEqual(changedLines(Self.skeleton, editor.text), [
            0: "unit: 元                       # 金额单位；可选：元 / 万元",
            2: "  general_budget: 3474.67       # 一般公共预算财政拨款收入；必填；金额",
            3: "  government_fund: 123456789012345678901234567.89 # 政府性基金预算财政拨款收入；必填；金额",
        ])
        XCTAssertFalse(try editor.setScalar(at: ["income", "general_budget"], to: "3474.67"), "the same value is no change")
        XCTAssertEqual(try scalar(editor.text, "income", "general_budget"), "3474.67")
    }

    func testEditedFiguresLeaveEveryOtherLineByteIdentical() throws {
        var editor = try YAMLTextEditor(text: Self.miyi)
        try editor.setScalar(at: ["income", "general_budget"], to: "746")
        try editor.setScalar(at: ["income", "superior_subsidy"], to: "1.5")
        try editor.setScalar(at: ["basic_expenditure", "public", "label"], to: "日常公用经费")
        XCTAssertEqual(changedLines(Self.miyi, editor.text), [
            1: "  general_budget: 746             # 占 78.46%",
            5: "  superior_subsidy: 1.5",
            42: "    label: 日常公用经费",
        ])
    }

    func testAnEntryOfAFlowMappingIsSetOrAppendedInsideItsBraces() throws {
        var editor = try YAMLTextEditor(text: Self.miyi)
        try editor.setScalar(at: ["three_public", "reception", "foreign", "amount"], to: "1.25")
        try editor.setScalar(at: ["three_public", "reception", "foreign", "purpose"], to: "外宾来访")
        XCTAssertFalse(try editor.setScalar(at: ["three_public", "reception", "foreign", "batches"], to: "0"))
        XCTAssertEqual(changedLines(Self.miyi, editor.text), [
            47: "    foreign: {amount: 1.25, batches: 0, persons: 0, purpose: 外宾来访}   # 无外事接待",
        ])
        XCTAssertEqual(try scalar(editor.text, "three_public", "reception", "foreign", "purpose"), "外宾来访")

        var spread = try YAMLTextEditor(text: "foreign: {amount: 0,\n  batches: 0}\n")
        XCTAssertThrowsError(try spread.setScalar(at: ["foreign", "amount"], to: "1")) {
            XCTAssertEqual($0 as? YAMLTextEditor.EditError, .unsupportedLayout(path: "foreign.amount", line: 1))
        }
    }

    func testAMissingKeyGoesAtTheEndOfItsMappingAndMissingParentsAreCreated() throws {
        let text = """
            income:
              general_budget: 295            # 占 92.95%
              total: 317.36
              # 原文第二部分未给出本年收入预算数。

            previous:                        # 上年决算数
            reasons:
              total_change: 增长

            """
        var editor = try YAMLTextEditor(text: text)
        try editor.setScalar(at: ["income", "budget"], to: "391.89")
        try editor.setScalar(at: ["previous", "grand_total"], to: "329.04")
        try editor.setScalar(at: ["three_public", "reception", "foreign", "amount"], to: "0")
        XCTAssertEqual(editor.text, """
            income:
              general_budget: 295            # 占 92.95%
              total: 317.36
              budget: 391.89
              # 原文第二部分未给出本年收入预算数。

            previous:                        # 上年决算数
              grand_total: 329.04
            reasons:
              total_change: 增长
            three_public:
              reception:
                foreign:
                  amount: 0

            """)
        XCTAssertEqual(try scalar(editor.text, "three_public", "reception", "foreign", "amount"), "0")

        var empty = try YAMLTextEditor(text: "# 尚未填写\n")
        try empty.setScalar(at: ["unit"], to: "万元")
        XCTAssertEqual(empty.text, "# 尚未填写\nunit: 万元\n")
    }

    // MARK: - mergeList

    func testTheSkeletonPlaceholderGivesWayToImportedItemsAndLendsThemItsComments() throws {
        var editor = try YAMLTextEditor(text: Self.skeleton)
        let change = try editor.mergeList(at: ["functional"], items: [
            [("code", "\"2013201\""), ("fund", "general_budget"), ("basic", "208.55"), ("project", "0")],
            [("code", "\"2013202\""), ("basic", "0"), ("project", "10.83"), ("budget", "10.83")],
        ], identity: ["code", "fund"], defaults: ["fund": "general_budget"], preferFlow: false)
        XCTAssertEqual(change, .init(updated: 0, added: 2, removed: []))
        XCTAssertEqual(lines(editor.text)[5...14].joined(separator: "\n"), """
            functional:                     # 支出功能分类明细；必填；可重复多项，每项以“- ”开头
              - code: "2013201"             # 科目编码；必填；支出功能分类科目编码（类 3 位、款 5 位、项 7 位），写在引号内
                fund: general_budget        # 资金来源；可选：general_budget / government_fund / state_capital / other
                basic: 208.55               # 基本支出；必填；金额
                project: 0                  # 项目支出；必填；金额
              - code: "2013202"             # 科目编码；必填；支出功能分类科目编码（类 3 位、款 5 位、项 7 位），写在引号内
                basic: 0                    # 基本支出；必填；金额
                project: 10.83              # 项目支出；必填；金额
                budget: 10.83               # 预算数；金额
            basic_expenditure:              # 一般公共预算财政拨款基本支出；必填
            """)
        XCTAssertFalse(editor.text.contains("    name:                       #"), "fields the import does not fill are not left empty")
        let functional = try XCTUnwrap(try parsed(editor.text)["functional"]?.items)
        XCTAssertEqual(functional.count, 2)
        XCTAssertEqual(functional[0]["code"]?.scalar?.text, "2013201")
        XCTAssertEqual(functional[1]["project"]?.scalar?.text, "10.83")
        XCTAssertNil(functional[1]["fund"])
        // Whatever precedes and follows the list is untouched.
        XCTAssertEqual(Array(lines(editor.text)[..<5]), Array(lines(Self.skeleton)[..<5]))
        XCTAssertEqual(Array(lines(editor.text)[14...]), Array(lines(Self.skeleton)[12...]))
    }

    func testAnnotatedItemsAreUpdatedInPlaceAndUnmatchedOnesReported() throws {
        var editor = try YAMLTextEditor(text: Self.miyi)
        let change = try editor.mergeList(at: ["functional"], items: [
            [("code", "\"201\""), ("fund", "general_budget"), ("basic", "410"), ("project", "201.15")],
            [("code", "208"), ("basic", "53.37"), ("project", "0")],
            [("code", "\"221\""), ("basic", "46.84"), ("project", "0"), ("reason", "按实际发生数")],
            [("code", "\"213\""), ("fund", "general_budget"), ("basic", "0"), ("project", "6.50")],
        ], identity: ["code", "fund"], defaults: ["fund": "general_budget"], preferFlow: false)
        XCTAssertEqual(change, .init(updated: 2, added: 1, removed: ["212 government_fund"]))
        XCTAssertEqual(lines(editor.text)[8...32].joined(separator: "\n"), """
            # 支出功能分类：原文只公开到“类”，没有印任何科目编码。
            functional:
              - code: "201"                   # 一般公共服务支出 611.15（占 64.27%）
                fund: general_budget
                basic: 410
                project: 201.15
                budget: 611.15
              - code: "208"                   # 社会保障和就业支出 53.37（占 5.61%）
                fund: general_budget
                basic: 53.37
                project: 0
                budget: 53.37
              # 更正：住房保障 五.2 为 46.84（占 4.94%），五.3 为 46.83（且序号误为“4.”）。
              - code: "221"                   # 住房保障支出
                fund: general_budget
                basic: 46.84
                project: 0
                budget: 46.84
                reason: 按实际发生数
              - code: "213"
                fund: general_budget
                basic: 0
                project: 6.50

            # 六、一般公共预算财政拨款基本支出 534.27
            """)
        XCTAssertEqual(Array(lines(editor.text)[32...]), Array(lines(Self.miyi)[32...]))
        XCTAssertEqual(try scalar(editor.text, "functional", "3", "code"), "213")
    }

    func testFlowItemsKeepTheFieldsTheImportDoesNotMention() throws {
        var editor = try YAMLTextEditor(text: Self.miyi)
        let change = try editor.mergeList(at: ["assets", "vehicles"], items: [
            [("type", "主要领导干部用车"), ("count", "0")],
            [("type", "其他用车"), ("count", "2")],
            [("type", "应急保障用车"), ("count", "1")],
        ], identity: ["type"], preferFlow: false)
        XCTAssertEqual(change, .init(updated: 1, added: 1, removed: ["机要通信用车"]))
        XCTAssertEqual(Array(lines(editor.text)[50...57]), [
            "assets:",
            "  vehicles:",
            "    # 更正：原文写“部级领导干部用车0辆”，按标准车辆用途分类改为“主要领导干部用车”。",
            "    - {type: 主要领导干部用车, count: 0}",
            "    - {type: 其他用车, count: 2, purpose: 老干部活动中心组织老干部活动和走访慰问}",
            "    - {type: 应急保障用车, count: 1}",
            "  equipment:",
            "    - {type: 单价50万元以上通用设备, count: 0}",
        ])
        XCTAssertEqual(try scalar(editor.text, "assets", "vehicles", "1", "purpose"), "老干部活动中心组织老干部活动和走访慰问")
    }

    func testEconomicCodeListsOfPlainScalarsTakeAmounts() throws {
        var editor = try YAMLTextEditor(text: Self.miyi)
        let personnel = try editor.mergeList(at: ["basic_expenditure", "personnel", "items"], items: [
            [("code", "\"30101\""), ("amount", "300")],
            [("code", "\"30102\"")],
            [("code", "\"30199\""), ("amount", "5")],
        ], identity: ["code"], scalarItemKey: "code", preferFlow: false)
        XCTAssertEqual(personnel, .init(updated: 1, added: 1, removed: ["30103"]))
        let publicItems = try editor.mergeList(at: ["basic_expenditure", "public", "items"], items: [
            [("code", "\"30201\""), ("amount", "1.2")],
            [("code", "\"30211\"")],
            [("code", "\"30299\"")],
        ], identity: ["code"], scalarItemKey: "code", preferFlow: false)
        XCTAssertEqual(publicItems, .init(updated: 1, added: 1, removed: []))
        XCTAssertEqual(Array(lines(editor.text)[34...45]), [
            "  personnel:",
            "    total: 489.84",
            "    items:",
            "      - {code: \"30101\", amount: 300} # 基本工资",
            "      - \"30102\"   # 津贴补贴；原文另列“购房补贴”，",
            "                  #   购房补贴在 30102 津贴补贴中反映，故不另列编码",
            "      - {code: \"30199\", amount: 5}",
            "  public:",
            "    label: 公用经费",
            "    total: 44.43",
            "    items: [{code: \"30201\", amount: 1.2}, \"30211\", \"30299\"] # 办公费、差旅费",
            "three_public:",
        ])
        let items = try XCTUnwrap(try parsed(editor.text)["basic_expenditure"]?["public"]?["items"]?.items)
        XCTAssertEqual(items.map { $0["code"]?.scalar?.text ?? $0.scalar?.text }, ["30201", "30211", "30299"])
        XCTAssertEqual(items[0]["amount"]?.scalar?.text, "1.2")

        let before = editor.text
        let again = try editor.mergeList(at: ["basic_expenditure", "public", "items"], items: [
            [("code", "\"30201\""), ("amount", "1.2")], [("code", "30211")], [("code", "\"30299\"")],
        ], identity: ["code"], scalarItemKey: "code", preferFlow: false)
        XCTAssertEqual(again, .init(updated: 0, added: 0, removed: []))
        XCTAssertEqual(editor.text, before, "merging the same figures again changes nothing")
    }

    func testAnEmptyFlowListIsReplacedInPlaceOrByBlockLinesWhenLong() throws {
        let fund: YAMLTextEditor.ListItem = [("code", "\"2120802\""), ("carryover_beginning", "26.31"), ("income", "22.34"),
                                             ("carryover_ending", "0")]
        var short = try YAMLTextEditor(text: Self.miyi)
        XCTAssertEqual(try short.mergeList(at: ["government_fund", "by_code"], items: [fund], identity: ["code"], preferFlow: false),
                       .init(updated: 0, added: 1, removed: []))
        XCTAssertEqual(changedLines(Self.miyi, short.text), [
            49: "  by_code: [{code: \"2120802\", carryover_beginning: 26.31, income: 22.34, carryover_ending: 0}]",
        ])

        var long = try YAMLTextEditor(text: Self.miyi)
        let land: YAMLTextEditor.ListItem = [("code", "\"2120801\""), ("income", "5")]
        _ = try long.mergeList(at: ["government_fund", "by_code"], items: [fund, land], identity: ["code"], preferFlow: false)
        XCTAssertEqual(Array(lines(long.text)[48...56]), [
            "government_fund:",
            "  by_code:",
            "    - code: \"2120802\"",
            "      carryover_beginning: 26.31",
            "      income: 22.34",
            "      carryover_ending: 0",
            "    - code: \"2120801\"",
            "      income: 5",
            "assets:",
        ])
        XCTAssertEqual(try scalar(long.text, "government_fund", "by_code", "1", "income"), "5")
    }

    func testAMissingOrNullListIsCreatedUnderItsKey() throws {
        var editor = try YAMLTextEditor(text: Self.skeleton)
        _ = try editor.mergeList(at: ["basic_expenditure", "personnel", "items"], items: [[("code", "\"30101\"")], [("code", "\"30102\"")]],
                                 identity: ["code"], scalarItemKey: "code", preferFlow: false)
        _ = try editor.mergeList(at: ["assets", "vehicles"], items: [[("type", "其他用车"), ("count", "1")]], identity: ["type"],
                                 preferFlow: true)
        XCTAssertEqual(Array(lines(editor.text)[16...19]), [
            "    items:                      # 经济分类科目；列表，每项一行，以“- ”开头",
            "      - \"30101\"",
            "      - \"30102\"",
            "government_fund:                # 政府性基金预算",
        ])
        XCTAssertEqual(Array(lines(editor.text).suffix(4)), ["assets:", "  vehicles:", "    - {type: 其他用车, count: 1}", ""])
        XCTAssertEqual(try scalar(editor.text, "assets", "vehicles", "0", "count"), "1")
    }

    func testUnmatchedItemsStayWhenAskedAndAnEmptiedListSaysSo() throws {
        var editor = try YAMLTextEditor(text: Self.miyi)
        let kept = try editor.mergeList(at: ["functional"], items: [[("code", "\"213\""), ("basic", "0"), ("project", "6.50")]],
                                        identity: ["code", "fund"], defaults: ["fund": "general_budget"], preferFlow: true,
                                        removeUnmatched: false)
        XCTAssertEqual(kept, .init(updated: 0, added: 1, removed: []))
        XCTAssertEqual(lines(editor.text)[31], "  - code: \"213\"", "block items get a block item even when flow is preferred")
        XCTAssertEqual(try parsed(editor.text)["functional"]?.items?.count, 5)

        let emptied = try editor.mergeList(at: ["assets", "equipment"], items: [], identity: ["type"], preferFlow: false)
        XCTAssertEqual(emptied, .init(updated: 0, added: 0, removed: ["单价50万元以上通用设备"]))
        XCTAssertEqual(Array(lines(editor.text).suffix(3)), ["    - {type: 其他用车, count: 1, purpose: 老干部活动中心组织老干部活动和走访慰问}",
                                                             "  equipment: []", ""])
    }

    // MARK: - Errors

    func testTextThatIsNotYAMLOrAPathThroughAListIsRefused() throws {
        XCTAssertThrowsError(try YAMLTextEditor(text: "income: [1, 2\n")) {
            guard case .unparsable = $0 as? YAMLTextEditor.EditError else { return XCTFail("\($0)") }
        }
        var editor = try YAMLTextEditor(text: Self.miyi)
        XCTAssertThrowsError(try editor.setScalar(at: ["functional", "code"], to: "\"201\"")) {
            XCTAssertEqual($0 as? YAMLTextEditor.EditError, .notAMapping(path: "functional"))
        }
        XCTAssertThrowsError(try editor.setScalar(at: ["income"], to: "0")) {
            XCTAssertEqual($0 as? YAMLTextEditor.EditError, .notAMapping(path: "income"))
        }
        XCTAssertThrowsError(try editor.mergeList(at: ["income", "total"], items: [], identity: ["code"], preferFlow: false)) {
            XCTAssertEqual($0 as? YAMLTextEditor.EditError, .notAMapping(path: "income.total"))
        }
        XCTAssertEqual(editor.text, Self.miyi, "a refused edit changes nothing")
    }
}
