@testable import DiscloseKit
import XCTest

/// Narrative goes through libcmark's safe mode: nothing a clerk pastes can run script on the page.
final class MarkdownRendererTests: XCTestCase {
    func testParagraphsListsAndEmphasis() {
        let html = MarkdownRenderer.html("### 主要职能\n\n1. 负责**组织**建设。\n2. 负责干部工作。\n")
        XCTAssertTrue(html.contains("<h3>主要职能</h3>"), html)
        XCTAssertTrue(html.contains("<ol>\n<li>负责<strong>组织</strong>建设。</li>"), html)
    }

    func testRawHTMLAndJavascriptLinksDoNotPassThrough() {
        let html = MarkdownRenderer.html("<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertFalse(html.contains("onerror"), html)
        XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), html)
    }

    func testInlineMarkdownHasNoParagraph() {
        XCTAssertEqual(MarkdownRenderer.inlineHTML("人员*增加*"), "人员<em>增加</em>")
    }
}
