import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest
import ZIPFoundation

/// The portal bundle: what a portal editor pastes into a CMS whose editor strips <style>, <script>,
/// <iframe> and class attributes, and the files the editor uploads.
final class PortalBundleTests: XCTestCase {
    static let files: [String: Data] = {
        let builder = SiteBuilder(options: .init(
            content: repositoryRoot.appendingPathComponent("Content"), contentDisplay: "Content",
            templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
            output: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"), portal: true))
        return builder.render().files ?? [:]
    }()

    /// What a UEditor-like rich-text editor does to pasted HTML.
    static func sanitise(_ html: String) -> String {
        var s = html
        for tag in ["style", "script", "iframe"] {
            s = s.replacingOccurrences(of: "<\(tag)\\b[^>]*>[\\s\\S]*?</\(tag)>", with: "", options: [.regularExpression, .caseInsensitive])
            s = s.replacingOccurrences(of: "<\(tag)\\b[^>]*/?>", with: "", options: [.regularExpression, .caseInsensitive])
        }
        return s.replacingOccurrences(of: "\\sclass=(\"[^\"]*\"|'[^']*'|[^\\s>]+)", with: "", options: [.regularExpression, .caseInsensitive])
    }

    func article(_ folder: String = "luzhou-zzb/2020") throws -> String {
        let data = try XCTUnwrap(Self.files["\(folder)/portal/article.html"], "no article.html")
        return String(decoding: data, as: UTF8.self)
    }

    func testEveryReportHasAFolderAndAZipWithArticlePNGsWorkbookAndMetadata() throws {
        let reports = Set(Self.files.keys.filter { $0.hasSuffix("/report.json") }.map { String($0.dropLast("/report.json".count)) })
        XCTAssertEqual(reports.count, 4)
        for folder in reports {
            let zipData = try XCTUnwrap(Self.files["\(folder)/portal.zip"], folder)
            let archive = try Archive(data: zipData, accessMode: .read)
            let names = Set(archive.map(\.path))
            let unitYear = folder.replacingOccurrences(of: "/", with: "-")
            for name in ["article.html", "metadata.txt", "1-total.png", "7-three-public.png", "\(unitYear)-tables.xlsx"] {
                XCTAssertTrue(names.contains(name), "\(folder): \(name) missing from the zip (\(names.sorted()))")
                XCTAssertNotNil(Self.files["\(folder)/portal/\(name)"], "\(folder): \(name) missing from the folder")
            }
            // The zip holds the same bytes as the folder.
            for entry in archive where entry.path == "article.html" {
                var extracted = Data()
                _ = try archive.extract(entry) { extracted.append($0) }
                XCTAssertEqual(extracted, Self.files["\(folder)/portal/article.html"])
            }
            let page = String(decoding: Self.files["\(folder)/index.html"]!, as: UTF8.self)
            XCTAssertTrue(page.contains("href=\"portal.zip\""), "the report page links its bundle")
        }
    }

    func testTheArticleSurvivesAnEditorThatStripsStylesScriptsIframesAndClasses() throws {
        let html = try article()
        XCTAssertEqual(Self.sanitise(html), html, "nothing in the fragment is stripped by the editor")
        for forbidden in ["<script", "<style", "<iframe", "class=", "<svg", "<textarea", "<link", "data-"] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
    }

    func testTheArticleKeepsEveryPartTableFigureAndNumber() throws {
        let html = try article()
        let page = String(decoding: Self.files["luzhou-zzb/2020/index.html"]!, as: UTF8.self)
        for part in ["第一部分", "第二部分", "第三部分 名词解释", "第四部分", "第五部分 附表"] {
            XCTAssertTrue(html.contains(part), part)
        }
        // Every 附表 of the page, as a plain table with the same cells.
        func count(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }
        XCTAssertEqual(count("<table", in: html), count("<table", in: page))
        XCTAssertEqual(count("<td", in: html), count("<td", in: page))
        XCTAssertEqual(count("<th", in: html), count("<th", in: page))
        // Every amount of the page's 附表 appears in the article.
        let numbers = Set(page.matches(of: /<td class="number[^"]*"[^>]*>([0-9,.\-]+)<\/td>/).map { String($0.1) })
        XCTAssertFalse(numbers.isEmpty)
        for n in numbers { XCTAssertTrue(html.contains(">\(n)<"), n) }
        // Ruled cells and right-aligned amounts are written as style attributes.
        XCTAssertTrue(html.contains("<td style=\"border:1px solid #333333"))
        XCTAssertTrue(html.contains("text-align:right"))
        // Each chart is its PNG, with every figure, the unit and the source in the alt text.
        let images = html.matches(of: /<img src="([^"]+)" alt="([^"]+)"/).map { (String($0.1), String($0.2)) }
        XCTAssertEqual(images.map(\.0), ["1-total.png", "2-income.png", "3-expenditure.png", "4-appropriation.png",
                                         "5-general-budget.png", "6-general-budget-structure.png", "7-three-public.png"])
        for (_, alt) in images {
            XCTAssertTrue(alt.contains("中国共产党泸州市委员会组织部2020年度"), alt)
            XCTAssertTrue(alt.contains("来源：中国共产党泸州市委员会组织部《2020年度部门决算》"), alt)
        }
    }

    func testMetadataCarriesTheGovernmentSiteFields() throws {
        let text = String(decoding: try XCTUnwrap(Self.files["luzhou-zzb/2020/portal/metadata.txt"]), as: UTF8.self)
        for field in ["ArticleTitle: 中国共产党泸州市委员会组织部2020年度部门决算", "ContentSource: 中国共产党泸州市委员会组织部",
                      "ColumnName: 部门决算", "Keywords: 泸州市委组织部,2020年度,部门决算", "PubDate:"] {
            XCTAssertTrue(text.contains(field), field)
        }
    }

    func testTheBundleIsTheSameFromBuildToBuild() throws {
        let again = SiteBuilder(options: .init(
            content: repositoryRoot.appendingPathComponent("Content"), contentDisplay: "Content",
            templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
            output: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"), portal: true)).render().files ?? [:]
        XCTAssertEqual(again["miyi-zzb/2020/portal.zip"], Self.files["miyi-zzb/2020/portal.zip"])
    }
}
