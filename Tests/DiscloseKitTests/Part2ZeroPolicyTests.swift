import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Part 2 writes no sentence about a class that spent 0.00 (with no budget and no reason), and prints
/// shares at the precision that shows a non-zero part; the 附表 still list every row.
final class Part2ZeroPolicyTests: XCTestCase {
    func testNoSentenceAboutAZeroClassButTheTableKeepsIt() throws {
        let page = String(decoding: try XCTUnwrap(PortalBundleTests.files["luzhou-zzb/2020/index.html"]), as: UTF8.self)
        // 泸州 2020: 科学技术支出 and 文化旅游体育与传媒支出 are 0.00 in the general-budget table.
        XCTAssertFalse(page.contains("科学技术支出（类）：支出决算为0.00万元"))
        XCTAssertFalse(page.contains("文化旅游体育与传媒支出（类）：支出决算为0.00万元"))
        XCTAssertTrue(page.contains("一般公共服务支出（类）组织事务（款）行政运行（项）：支出决算为1074.28万元"), "non-zero rows keep their sentence")
        XCTAssertTrue(page.contains("<th scope=\"row\" class=\"label level-0\">科学技术支出</th>"), "the 附表 keeps the zero row")
        // 0.14 of 3,474.81 is not “0.00%”.
        XCTAssertTrue(page.contains("其他收入0.14万元，占0.004%"))
        XCTAssertFalse(page.contains("0.14万元，占0.00%"))
    }

    func testNoItemSentenceStatesAZeroAmount() throws {
        let page = String(decoding: try XCTUnwrap(PortalBundleTests.files["luzhou-zzb/2020/index.html"]), as: UTF8.self)
        let items = page.matches(of: /<li>([^<：]+)：支出决算为([0-9.,]+)万元/).map { (String($0.1), String($0.2)) }
        XCTAssertFalse(items.isEmpty)
        XCTAssertFalse(items.contains { $0.1 == "0.00" }, "\(items.filter { $0.1 == "0.00" })")
    }
}
