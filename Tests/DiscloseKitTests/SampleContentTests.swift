import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// The bundled sample content (the three seed disclosures) and the artefacts generated from the schema.
final class SampleContentTests: XCTestCase {
    func testTheSampleContentChecksWithoutErrors() {
        let result = Checker.check(content: repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content")
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
        XCTAssertFalse(result.ioFailure)
    }

    func testTheSampleContentHoldsTheFourSeedReports() throws {
        let tree = try XCTUnwrap(Checker.check(content: repositoryRoot.appendingPathComponent("Content")).load.tree)
        XCTAssertEqual(tree.reports.map { "\($0.unitID)/\($0.year)" },
                       ["luzhou-zzb/2020", "miyi-zzb/2020", "panzhihua-xiqu-zzb/2023", "putuo-shgzb/2024"])
        // The fourth, a Shanghai district report, under the shanghai profile its unit.yaml names.
        let putuo = try XCTUnwrap(tree.reports.first { $0.unitID == "putuo-shgzb" })
        XCTAssertEqual(putuo.profile.id, "shanghai")
        XCTAssertEqual(putuo.tableSetID, "shanghai")
        XCTAssertEqual(putuo.accounts.basic.publicExpenses.total.value, DecimalNumber("10.22")!, "corrected: the items' sum")
        let luzhou = try XCTUnwrap(tree.reports.first { $0.unitID == "luzhou-zzb" })
        XCTAssertEqual(luzhou.accounts.income.total.value, DecimalNumber("3474.81")!)
        XCTAssertEqual(luzhou.accounts.expenditure.amount(.basic).value, DecimalNumber("1615.46")!)
        XCTAssertEqual(ReportFigures(luzhou).threePublicActual.total.shown, DecimalNumber("7.58")!)
        XCTAssertEqual(luzhou.kind, .department)
        XCTAssertEqual(luzhou.tableSetID, "sichuan-2020")
        let xiqu = try XCTUnwrap(tree.reports.first { $0.unitID == "panzhihua-xiqu-zzb" })
        XCTAssertEqual(xiqu.kind, .unit)
        XCTAssertEqual(xiqu.accounts.income.grandTotal.value, DecimalNumber("350.64")!)
        XCTAssertEqual(xiqu.performance?.projects.count, 10)
        XCTAssertEqual(xiqu.accounts.agencyOperatingCost.previous?.value, DecimalNumber("24.65")!)
        // Every figure knows where it was written.
        XCTAssertEqual(xiqu.accounts.income.total.location.file, "\(repositoryRoot.path)/Content/panzhihua-xiqu-zzb/2023/accounts.yaml")
        XCTAssertGreaterThan(xiqu.accounts.income.total.location.line, 0)
    }

    func testTheShippedJSONSchemasAreUpToDate() throws {
        for file in ContentFile.allCases {
            let name = file.rawValue.replacingOccurrences(of: ".yaml", with: ".schema.json")
            let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("schema/\(name)"), encoding: .utf8)
            XCTAssertEqual(shipped, JSONSchemaExporter.document(for: file), "schema/\(name) is stale: run `make schema`")
        }
    }

    func testTheJSONSchemaDescribesRequiredFieldsAndForbidsUnknownOnes() throws {
        let json = JSONSchemaExporter.document(for: .accounts)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["additionalProperties"] as? Bool, false)
        XCTAssertTrue((object["required"] as? [String])?.contains("functional") ?? false)
        let properties = try XCTUnwrap(object["properties"] as? [String: Any])
        let income = try XCTUnwrap(properties["income"] as? [String: Any])
        XCTAssertEqual(income["title"] as? String, "收入")
    }
}

final class GeneratedDocsTests: XCTestCase {
    func testRulesDocumentIsUpToDate() throws {
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        XCTAssertEqual(shipped, RulesDocument.markdown(), "docs/rules.md is stale: run `make schema`")
        for rule in ReconciliationRules.all {
            XCTAssertTrue(shipped.contains("`\(rule.id)`"), "\(rule.id) missing from docs/rules.md")
        }
    }
}
