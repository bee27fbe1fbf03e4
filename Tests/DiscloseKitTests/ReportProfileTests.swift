import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Report profiles (docs/provinces.md): how a province lays its report out is data — the outline, the
/// headings, the Part 2 wording folder, the table set, what may be left out, the vehicle categories and
/// the rules that do not apply.
final class ReportProfileTests: XCTestCase {
    var templates: URL { repositoryRoot.appendingPathComponent("Templates") }

    func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("disclose-profile-\(UUID().uuidString)")
    }

    func page(_ files: [String: Data]?, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(files?[path], path), as: UTF8.self)
    }

    /// The positions of `texts` in `page`, failing for one that is missing.
    func positions(_ texts: [String], in page: String, file: StaticString = #filePath, line: UInt = #line) -> [Int] {
        texts.map { text in
            guard let range = page.range(of: text) else {
                XCTFail("missing: \(text)", file: file, line: line)
                return -1
            }
            return page.distance(from: page.startIndex, to: range.lowerBound)
        }
    }

    // MARK: The bundled profiles

    func testEveryBundledProfileNamesATableSetAndTemplatesThatExist() throws {
        XCTAssertEqual(ReportProfile.bundled.keys.sorted(), ["mof-9", "shanghai", "sichuan-2020", "sichuan-2023"])
        let bundled = Set(BundledTemplates.all.map(\.path))
        for profile in ReportProfile.bundled.values {
            XCTAssertNotNil(TableSet.bundled[profile.tables], profile.id)
            for variant in profile.tableVariants { XCTAssertNotNil(TableSet.bundled[variant], "\(profile.id) \(variant)") }
            for part in profile.outline {
                XCTAssertTrue(bundled.contains("parts/\(part.template).mustache"), "\(profile.id): parts/\(part.template)")
            }
            for slot in profile.explanationSections.flatMap(\.allParagraphs) {
                XCTAssertTrue(bundled.contains("\(profile.paragraphs)/\(slot.rawValue).mustache") || bundled.contains("part2/\(slot.rawValue).mustache"),
                              "\(profile.id): \(slot.rawValue)")
            }
        }
        // Shanghai: 概况, the nine tables, the 情况说明, 名词解释 — no 附件 part; its own vehicle category.
        let shanghai = try XCTUnwrap(ReportProfile.bundled["shanghai"])
        XCTAssertEqual(shanghai.outline.map(\.kind), [.overview, .tables, .explanation, .glossary])
        XCTAssertEqual(shanghai.explanationSections.map(\.heading).last, "十一、其他重要事项的情况说明")
        XCTAssertTrue(shanghai.vehicleCategories.contains("部级领导干部用车"))
        XCTAssertEqual(TableSet.bundled[shanghai.tables]?.tables.count, 9)
    }

    func testANewYearsTableSetFollowsTheProfileFamily() {
        XCTAssertEqual(ReportProfile.tableSet(for: 2019, carriedFrom: nil), "sichuan-2020")
        XCTAssertEqual(ReportProfile.tableSet(for: 2024, carriedFrom: nil), "sichuan-2023")
        XCTAssertEqual(ReportProfile.tableSet(for: 2023, carriedFrom: "sichuan-2020"), "sichuan-2023")
        XCTAssertEqual(ReportProfile.tableSet(for: 2021, carriedFrom: "sichuan-2020-15"), "sichuan-2020-15", "a variant of the year's set is kept")
        XCTAssertEqual(ReportProfile.tableSet(for: 2023, carriedFrom: "sichuan-2020-15"), "sichuan-2023")
        XCTAssertEqual(ReportProfile.tableSet(for: 2024, carriedFrom: "mof-9"), "mof-9")
        XCTAssertEqual(ReportProfile.tableSet(for: 2025, carriedFrom: "shanghai"), "shanghai")
        XCTAssertEqual(ReportProfile.tableSet(for: 2025, carriedFrom: nil, profile: ReportProfile.bundled["shanghai"]), "shanghai")
        XCTAssertEqual(ReportProfile.standard(tableSet: "shanghai", year: 2024).id, "shanghai")
        XCTAssertEqual(ReportProfile.standard(tableSet: "sichuan-2020-15", year: 2020).id, "sichuan-2020")
    }

    func testAProfileFileWithoutAnOutlineIsRefused() {
        XCTAssertThrowsError(try ReportProfile.decode(Data(#"{"id":"x","title":"x","tables":"mof-9","outline":[]}"#.utf8)))
        XCTAssertThrowsError(try ReportProfile.decode(Data(#"{"id":"x","title":"x","tables":"mof-9","outline":[{"id":"p","kind":"explanation","title":"t","sections":[{"id":"s","heading":"h","paragraphs":["nonsense"]}]}]}"#.utf8)))
    }

    // MARK: Choosing a profile

    func testTheProfilesFolderIsShownBesideTheContentFolderAsGiven() {
        XCTAssertEqual(SiteProfiles.display(forContent: "Content"), "Profiles")
        XCTAssertEqual(SiteProfiles.display(forContent: "."), "Profiles")
        XCTAssertEqual(SiteProfiles.display(forContent: "site/Content/"), "site/Profiles")
        XCTAssertEqual(SiteProfiles.display(forContent: "/Content"), "/Profiles")
        XCTAssertEqual(SiteProfiles.display(forContent: ""), "Profiles")
    }

    func testAnUnknownProfileIsAnErrorAtItsLine() throws {
        var site = FixtureSite()
        site.files["test-zzb/unit.yaml"] = FixtureSite.unit + "\nprofile: shanghia\n"
        let diagnostics = try site.check().filter { $0.rule == .unknownProfile }
        XCTAssertEqual(diagnostics.map { "\($0.location.file):\($0.location.line) \($0.actual ?? "")" }, ["Content/test-zzb/unit.yaml:5 shanghia"])
        XCTAssertTrue(diagnostics[0].message.zh.contains("是否应为“shanghai”"), diagnostics[0].message.zh)
    }

    func testTheShanghaiProfileLetsAReportLeaveOutWhatShanghaiDoesNotPublish() throws {
        // The Sichuan fixture without 内设机构: required under sichuan-2023, not under the shanghai profile.
        var site = FixtureSite()
        site.edit("test-zzb/2023/report.yaml", replacing: "  internal_divisions: 3\n", with: "")
        XCTAssertEqual(try site.check().filter { $0.rule == .missingField }.map(\.path), ["organization.internal_divisions"])
        site.files["site.yaml"] = FixtureSite.site + "\nprofile: shanghai\n"
        XCTAssertEqual(try site.check().filter { $0.rule == .missingField }.map(\.path), [])
    }

    func testAVehicleCategoryTheProfileDoesNotListIsAWarning() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let clean = Checker.check(content: content, displayRoot: "Content").diagnostics.filter { $0.rule == .vehicleCategory }
        XCTAssertEqual(clean.map(\.message.zh), [])
        // Sichuan's profiles do not know Shanghai's 部级领导干部用车; the shanghai profile does.
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "{type: 其他用车, count: 0}", with: "{type: 部级领导干部用车, count: 0}")
        let warnings = try site.check().filter { $0.rule == .vehicleCategory }
        XCTAssertEqual(warnings.map { "\($0.severity) \($0.location.file):\($0.location.line) \($0.actual ?? "")" },
                       ["warning Content/test-zzb/2023/accounts.yaml:48 部级领导干部用车"])
        site.files["test-zzb/unit.yaml"] = FixtureSite.unit + "\nprofile: shanghai\n"
        XCTAssertEqual(try site.check().filter { $0.rule == .vehicleCategory }.count, 0)
    }

    /// The categories are the profile's: a site's own profile may add one that no bundled profile lists,
    /// and one that no profile knows is refused at its line.
    func testASiteProfileMayAddAVehicleCategoryNoBundledProfileKnows() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "{type: 其他用车, count: 0}", with: "{type: 无人机巡查保障用车, count: 0}")
        XCTAssertFalse(ContentSchemas.vehicleUses.contains("无人机巡查保障用车"))
        let refused = try site.check().filter { $0.actual == "无人机巡查保障用车" }
        XCTAssertEqual(refused.map { "\($0.severity) \($0.rule) \($0.location.file):\($0.location.line) \($0.path)" },
                       ["error SCHEMA-ENUM Content/test-zzb/2023/accounts.yaml:48 assets.vehicles[0].type"])
        XCTAssertTrue(refused.first?.message.zh.contains("版式“sichuan-2023”") ?? false, refused.first?.message.zh ?? "")

        site.files["test-zzb/unit.yaml"] = FixtureSite.unit + "\nprofile: drone-province\n"
        let content = try site.write()
        let root = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        let yaml = """
        id: drone-province
        title: 增设车辆类别的版式
        tables: sichuan-2023
        vehicle_categories: [主要领导干部用车, 无人机巡查保障用车, 其他用车]
        outline:
          - {id: part-5, kind: tables, title: 附表}
        """
        try Data(yaml.utf8).write(to: root.appendingPathComponent("Profiles/drone-province.yaml"))
        let accepted = Checker.check(content: content, displayRoot: "Content")
        XCTAssertEqual(accepted.diagnostics.filter { $0.actual == "无人机巡查保障用车" || $0.rule == .notAllowed }.map(\.message.zh), [])
        XCTAssertEqual(accepted.load.tree?.reports.first?.profile.id, "drone-province")

        // Under that profile a typo is still refused, with the profile's category it most resembles.
        try Data(String(contentsOf: content.appendingPathComponent("test-zzb/2023/accounts.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "无人机巡查保障用车", with: "无人机巡察保障用车").utf8)
            .write(to: content.appendingPathComponent("test-zzb/2023/accounts.yaml"))
        let typo = Checker.check(content: content, displayRoot: "Content").diagnostics.filter { $0.rule == .notAllowed }
        XCTAssertEqual(typo.map(\.severity), [.error])
        XCTAssertTrue(typo.first?.message.zh.contains("是否应为“无人机巡查保障用车”") ?? false, typo.first?.message.zh ?? "")
    }

    /// The JSON Schema does not pretend the categories are a fixed list: it says they come from the profile.
    func testTheSchemaLeavesVehicleCategoriesToTheProfile() throws {
        let schema = JSONSchemaExporter.document(for: .accounts)
        let vehicles = try XCTUnwrap(schema.range(of: "\"vehicles\"").map { String(schema[$0.lowerBound...].prefix(1200)) })
        XCTAssertFalse(vehicles.contains("\"enum\""), vehicles)
        XCTAssertTrue(vehicles.contains("由报告所用版式的 vehicle_categories 决定"), vehicles)
        XCTAssertTrue(vehicles.contains("部级领导干部用车"), "the bundled profiles' categories are named as examples")
    }

    /// Editors validate with the JSON Schema, which knows no profile: a field one bundled profile does
    /// not publish (Shanghai's 内设机构 count, 接待批次) is not required there, and its description says why.
    func testTheSchemaDoesNotRequireWhatAProfileLeavesOut() throws {
        func object(_ file: ContentFile) throws -> [String: Any] {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONSchemaExporter.document(for: file).utf8)) as? [String: Any])
        }
        func node(_ root: [String: Any], _ path: [String]) -> [String: Any]? {
            var here: [String: Any]? = root
            for name in path {
                let props = (here?["properties"] as? [String: Any]) ?? ((here?["items"] as? [String: Any])?["properties"] as? [String: Any])
                here = props?[name] as? [String: Any]
            }
            return here
        }
        let report = try object(.report)
        let organization = try XCTUnwrap(node(report, ["organization"]))
        XCTAssertFalse((organization["required"] as? [String] ?? []).contains("internal_divisions"))
        XCTAssertTrue((organization["required"] as? [String] ?? []).contains(where: { $0 != "internal_divisions" }),
                      "the fields every profile publishes stay required")
        XCTAssertTrue((node(report, ["organization", "internal_divisions"])?["description"] as? String ?? "").contains("版式"))
        let accounts = try object(.accounts)
        let domestic = try XCTUnwrap(node(accounts, ["three_public", "reception", "domestic"]))
        XCTAssertFalse((domestic["required"] as? [String] ?? []).contains("batches"))
    }

    // MARK: Rendering follows the profile

    func testTheShanghaiSampleRendersInShanghaisOrderAndWording() throws {
        let (files, result) = SiteBuilder(options: .init(content: repositoryRoot.appendingPathComponent("Content"), contentDisplay: "Content",
                                                         templates: templates, templatesDisplay: "Templates", output: temporary())).render()
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message.zh), [])
        let html = try page(files, "putuo-shgzb/2024/index.html")
        let order = positions([
            "<h2 id=\"part-1-title\">第一部分 中共上海市普陀区委社会工作部概况</h2>",
            "<h3 id=\"p1-2-title\">二、部门决算单位构成</h3>",
            "<h2 id=\"part-5-title\">第二部分 中共上海市普陀区委社会工作部2024年度部门决算表</h2>",
            "id=\"table-income-expenditure-summary\"",
            "id=\"table-state-capital\"",
            "<h2 id=\"part-2-title\">第三部分 中共上海市普陀区委社会工作部2024年度部门决算情况说明</h2>",
            "七、财政拨款“三公”经费支出决算情况说明",
            "十、预算绩效管理情况",
            "十一、其他重要事项的情况说明",
            "<h2 id=\"part-3-title\">第四部分 名词解释</h2>",
        ], in: html)
        XCTAssertEqual(order, order.sorted(), "\(order)")
        XCTAssertFalse(html.contains("第五部分"))
        XCTAssertFalse(html.contains("id=\"part-4\""), "Shanghai publishes no 附件 part")
        // Item sentences in Shanghai's shape, from the figures (the budgets are 全年预算: budget_basis).
        XCTAssertTrue(html.contains("一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：部本级（行政单位）的人员经费和日常公用经费。全年预算为52.00万元，支出决算为51.32万元，完成全年预算的98.69%。决算数小于全年预算数的主要原因："), html)
        XCTAssertTrue(html.contains("一般公共预算财政拨款支出全年预算为321.02万元，支出决算为307.82万元，完成全年预算的95.89%。"))
        XCTAssertTrue(html.contains("住房保障支出（类）29.42万元，占9.56%"))
        XCTAssertTrue(html.contains("共有车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆"))
        // The table of contents follows the outline.
        let toc = positions(["<li><a href=\"#part-1\">", "<li><a href=\"#part-5\">", "<li><a href=\"#part-2\">", "<li><a href=\"#part-3\">"], in: html)
        XCTAssertEqual(toc, toc.sorted())
        // The 附表 are listed inside the tables part's entry (第二部分), before 第三部分.
        let tableEntries = positions(["<li><a href=\"#part-5\">第二部分", "<ol class=\"toc-tables\" aria-label=\"附表目录\">",
                                      "<li><a href=\"#table-income-expenditure-summary\">", "<li><a href=\"#table-state-capital\">",
                                      "</ol></li>", "<li><a href=\"#part-2\">第三部分"], in: html)
        XCTAssertEqual(tableEntries, tableEntries.sorted(), "\(tableEntries)")
        XCTAssertEqual(html.components(separatedBy: "class=\"toc-tables\"").count - 1, 1)
    }

    /// The issue's test: a province added with data and templates only, in the site's own folders.
    func testANewProfileNeedsOnlyDataAndTemplates() throws {
        let site = temporary()
        defer { try? FileManager.default.removeItem(at: site) }
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let fm = FileManager.default
        try fm.moveItem(at: content.deletingLastPathComponent(), to: site)
        let siteContent = site.appendingPathComponent("Content")
        // site.yaml picks the profile; the profile and its templates live beside Content/.
        let siteYAML = siteContent.appendingPathComponent("site.yaml")
        try Data((try String(contentsOf: siteYAML, encoding: .utf8) + "\nprofile: test-province\n").utf8).write(to: siteYAML)
        let profile = """
        {"id": "test-province", "title": "测试省格式", "tables": "sichuan-2023", "paragraphs": "part2-test",
         "vehicle_categories": ["主要领导干部用车", "其他用车"],
         "outline": [
           {"id": "part-5", "kind": "tables", "title": "甲篇 {year}年度附表"},
           {"id": "part-2", "kind": "explanation", "title": "乙篇 {unit}情况说明", "sections": [
             {"id": "s-income", "heading": "（壹）收入", "paragraphs": ["income"]},
             {"id": "s-total", "heading": "（贰）总体", "paragraphs": ["total"], "figure": 1},
             {"id": "s-more", "heading": "（叁）其他", "children": [
               {"id": "s-more-1", "heading": "之一 采购", "paragraphs": ["procurement"]}]}]},
           {"id": "part-1", "kind": "overview", "title": "丙篇 概况", "template": "overview-test"}
         ]}
        """
        try fm.createDirectory(at: site.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        try Data(profile.utf8).write(to: site.appendingPathComponent("Profiles/test-province.json"))
        let own = site.appendingPathComponent("Templates")
        try fm.createDirectory(at: own.appendingPathComponent("parts"), withIntermediateDirectories: true)
        try fm.createDirectory(at: own.appendingPathComponent("part2-test"), withIntermediateDirectories: true)
        try Data("<section class=\"part\" id=\"{{part.id}}\"><h2>{{part.title}}</h2><p>职能：{{{part1.duties}}}</p></section>\n".utf8)
            .write(to: own.appendingPathComponent("parts/overview-test.mustache"))
        try Data("<p>测试省口径：收支总计{{grandTotal}}{{unit}}。</p>\n".utf8).write(to: own.appendingPathComponent("part2-test/total.mustache"))

        let (files, result) = SiteBuilder(options: .init(content: siteContent, contentDisplay: "Content", templates: own,
                                                         templatesDisplay: "Templates", output: site.appendingPathComponent("Output"))).render()
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
        let html = try page(files, "test-zzb/2023/index.html")
        let order = positions(["<h2 id=\"part-5-title\">甲篇 2023年度附表</h2>", "<section class=\"appendix-table\" id=\"table-income-expenditure-summary\"",
                               "<h2 id=\"part-2-title\">乙篇 中国共产党测试县委员会组织部情况说明</h2>",
                               "<h3 id=\"s-income-title\">（壹）收入</h3>", "<h3 id=\"s-total-title\">（贰）总体</h3>", "测试省口径：收支总计",
                               "<h3 id=\"s-more-title\">（叁）其他</h3>", "<h4 id=\"s-more-1-title\">之一 采购</h4>", "<h2>丙篇 概况</h2>", "<p>职能："], in: html)
        XCTAssertEqual(order, order.sorted(), "\(order)")
        let toc = positions(["<a href=\"#part-5\">甲篇", "<a href=\"#part-2\">乙篇", "<a href=\"#part-1\">丙篇"], in: html)
        XCTAssertEqual(toc, toc.sorted())
        // Slots the profile's folder does not word fall back to the standard wording; sections it leaves out are absent.
        XCTAssertTrue(html.contains("2023年度本年收入合计"), html)
        XCTAssertFalse(html.contains("id=\"part-3\""), "no glossary part in this outline")
        XCTAssertFalse(html.contains("三公”经费财政拨款支出决算总体情况说明"))
        XCTAssertEqual(ReportProfile.bundled["test-province"], nil, "nothing bundled changed")
    }

    func testABrokenSiteProfileIsReportedWithItsFile() throws {
        let site = temporary()
        defer { try? FileManager.default.removeItem(at: site) }
        let content = try FixtureSite().write()
        try FileManager.default.moveItem(at: content.deletingLastPathComponent(), to: site)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        try Data(#"{"id": "other", "title": "x", "tables": "mof-9", "outline": [{"id": "p", "kind": "tables", "title": "t"}]}"#.utf8)
            .write(to: site.appendingPathComponent("Profiles/broken.json"))
        try Data("{not json".utf8).write(to: site.appendingPathComponent("Profiles/worse.json"))
        let diagnostics = Checker.check(content: site.appendingPathComponent("Content"), displayRoot: "Content").diagnostics.filter { $0.rule == .unknownProfile }
        XCTAssertEqual(diagnostics.map(\.location.file), ["Profiles/broken.json", "Profiles/worse.json"])
    }

    func testASiteProfileMayBeWrittenInYAML() throws {
        var site = FixtureSite()
        site.files["test-zzb/unit.yaml"] = FixtureSite.unit + "\nprofile: yaml-province\n"
        let content = try site.write()
        let root = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        let yaml = """
        id: yaml-province
        title: YAML 写的版式
        tables: sichuan-2023
        from_year: 2020
        outline:
          - {id: part-5, kind: tables, title: 附表在前}
          - id: part-2
            kind: explanation
            title: 说明
            sections:
              - {id: s-1, heading: 总体, paragraphs: [total], figure: 1}
        """
        try Data(yaml.utf8).write(to: root.appendingPathComponent("Profiles/yaml-province.yaml"))
        try Data("- just a list\n".utf8).write(to: root.appendingPathComponent("Profiles/listy.yaml"))
        let load = Checker.check(content: content, displayRoot: "Content")
        XCTAssertEqual(load.diagnostics.filter { $0.rule == .unknownProfile }.map(\.location.file), ["Profiles/listy.yaml"])
        let report = try XCTUnwrap(load.load.tree?.reports.first)
        XCTAssertEqual(report.profile.id, "yaml-province")
        XCTAssertEqual(report.profile.fromYear, 2020)
        XCTAssertEqual(report.profile.explanationSections.map(\.heading), ["总体"])
    }

    // MARK: disclose new

    func testNewWritesASkeletonForTheProfile() throws {
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        guard case .success = ReportCreator.create(content: content, unitID: "sh-unit", year: 2025, blank: true, profile: "shanghai") else {
            return XCTFail("created")
        }
        let report = try String(contentsOf: content.appendingPathComponent("sh-unit/2025/report.yaml"), encoding: .utf8)
        XCTAssertTrue(report.contains("tables: shanghai"), report)
        XCTAssertFalse(report.contains("internal_divisions"), "Shanghai does not publish 内设机构")
        let accounts = try String(contentsOf: content.appendingPathComponent("sh-unit/2025/accounts.yaml"), encoding: .utf8)
        XCTAssertTrue(accounts.contains("版式 shanghai 的类别：部级领导干部用车"), accounts)
        XCTAssertFalse(accounts.contains("batches:"), "Shanghai does not publish 接待批次")
        if case .failure(let failure) = ReportCreator.create(content: content, unitID: "sh-other", year: 2025, blank: true, profile: "nowhere") {
            XCTAssertTrue(failure.message(.zh).contains("没有名为“nowhere”的版式"))
        } else {
            XCTFail("an unknown profile is refused")
        }
    }

    // MARK: disclose import

    func testImportingIntoANewUnitOfAShanghaiSiteStartsAShanghaiReport() throws {
        var site = FixtureSite()
        site.files["site.yaml"] = FixtureSite.site + "\nprofile: shanghai\n"
        let content = try site.write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let workbook = repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/shanghai-9.xlsx")
        let outcome = try ReportImport.run(input: workbook, content: content, unitID: "putuo-czj", year: 2024, newUnit: true)
        XCTAssertTrue(outcome.changed)
        let report = try String(contentsOf: content.appendingPathComponent("putuo-czj/2024/report.yaml"), encoding: .utf8)
        XCTAssertTrue(report.contains("tables: shanghai"), report)
        XCTAssertFalse(report.contains("internal_divisions"), report)
        let accounts = try String(contentsOf: content.appendingPathComponent("putuo-czj/2024/accounts.yaml"), encoding: .utf8)
        XCTAssertTrue(accounts.contains("reception: 0.95"), "the workbook's figures are in")
    }
}
