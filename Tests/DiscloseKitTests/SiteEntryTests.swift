@testable import DiscloseKit
import Foundation
import Mustache
import XCTest

/// A report's site-wide entry is kept as one string: it must read back every field as given.
final class SiteEntryTests: XCTestCase {
    func testFieldsReadBackAsGivenWhateverTheyHold() {
        let fields = ["unitName": "中共米易县委组织部", "year": "2020", "grandTotal": "1,234.56", "empty": "", "url": "miyi-zzb/2020/index.html",
                      "otherNames": "[\"组织部\",\"县委组织部\"]", "a": "x", "ab": "y", "b": "含\u{1F}分隔\u{1E}符"]
        let entry = SiteEntry(fields)
        for (key, value) in fields where key != "b" { XCTAssertEqual(entry[key], value, key) }
        // The two separator characters cannot be kept inside a value: they become spaces.
        XCTAssertEqual(entry["b"], "含 分隔 符")
        XCTAssertNil(entry["missing"])
        XCTAssertNil(entry["yea"], "a prefix of a key is not the key")
        XCTAssertEqual(entry.fields.count, fields.count)
        XCTAssertEqual(SiteEntry(entry.fields), entry, "read as a dictionary and made again")
        XCTAssertEqual(SiteEntry(encoded: entry.encoded), entry, "the record's round trip")
        XCTAssertEqual(SiteEntry(encoded: entry.encoded)["grandTotal"], "1,234.56")
        XCTAssertEqual(SiteEntry([:])["x"], nil)
    }

    func testTemplatesReadAnEntryLikeADictionary() throws {
        var library = MustacheLibrary()
        try library.register("{{#reports}}<a href=\"{{url}}\">{{unitName}} {{year}}</a>{{/reports}}|{{title}}", named: "t")
        let entries = [SiteEntry(["url": "a/2023/index.html", "unitName": "甲", "year": "2023"]), SiteEntry(["url": "b/2022/index.html", "unitName": "乙<&>", "year": "2022"])]
        let dictionaries = entries.map(\.fields)
        let withEntries = library.render(TemplateValues.clean(["reports": entries, "title": "T"] as [String: Any]), withTemplate: "t")
        let withDictionaries = library.render(TemplateValues.clean(["reports": dictionaries, "title": "T"] as [String: Any]), withTemplate: "t")
        XCTAssertEqual(withEntries, withDictionaries)
        XCTAssertEqual(withEntries, "<a href=\"a/2023/index.html\">甲 2023</a><a href=\"b/2022/index.html\">乙&lt;&amp;&gt; 2022</a>|T")
    }

    func testTheSitesTemplatesReadEntriesAsTheyReadDictionaries() throws {
        guard case .success(let templates) = TemplateSet.load(URL(fileURLWithPath: "/nonexistent-templates"), display: "Templates") else {
            return XCTFail("the bundled templates load")
        }
        let entries = [SiteEntry(["url": "a/2023/index.html", "unitURL": "a/index.html", "unitName": "甲", "year": "2023", "kind": "部门",
                                  "grandTotal": "1,234.00", "expenditureTotal": "1,000.00", "threePublic": "3.00"]),
                       SiteEntry(["url": "b/2023/index.html", "unitURL": "b/index.html", "unitName": "乙<&>", "year": "2023", "kind": "单位",
                                  "grandTotal": "2.00", "expenditureTotal": "1.00", "threePublic": "0.00"])]
        func home(_ reports: Any) -> [String: Any] {
            ["site": ["title": "站"], "unitCount": 2, "reportCount": 2, "years": [["year": 2023, "reports": reports] as [String: Any]]]
        }
        let withEntries = templates.render("index", home(entries))
        XCTAssertEqual(withEntries, templates.render("index", home(entries.map(\.fields))))
        XCTAssertTrue(withEntries.contains("<a href=\"b/index.html\">乙&lt;&amp;&gt;</a>"), withEntries)
        XCTAssertTrue(withEntries.contains("<td class=\"num\">1,234.00</td>"))
    }
}
