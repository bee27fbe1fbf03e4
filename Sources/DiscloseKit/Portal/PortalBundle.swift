import DiscloseCore
import Foundation
import ZIPFoundation

/// `disclose build --portal`: per report, what a portal editor pastes and uploads into the county
/// portal's CMS, as a folder (`<unit>/<year>/portal/`) and as one zip (`<unit>/<year>/portal.zip`):
/// `article.html` (the whole report as a style-attribute-only fragment, see `PortalArticle`), the
/// chart PNGs, the 附表 workbook, any PDF of the report folder, and `metadata.txt` with the 政府网站
/// page metadata fields.
enum PortalBundle {
    struct Metadata {
        var articleTitle: String
        var pubDate: String?
        var contentSource: String
        var columnName: String
        var keywords: [String]
        var description: String

        /// `Name: value` lines, in the order and with the names of the 政府网站 metadata (ArticleTitle …).
        var text: String {
            var lines = [
                "# 政府网站页面元数据（发布到门户网站时填入对应栏目；各字段名与 <meta name=\"…\"> 相同）",
                "ArticleTitle: \(articleTitle)",
                "PubDate: \(pubDate ?? "")" + (pubDate == nil ? "    # report.yaml 未填 published_on（公开日期），发布时填写" : ""),
                "ContentSource: \(contentSource)",
                "ColumnName: \(columnName)",
                "Keywords: \(keywords.joined(separator: ","))",
                "Description: \(description)",
            ]
            lines.append("")
            return lines.joined(separator: "\n")
        }
    }

    static let folderName = "portal"
    static let zipName = "portal.zip"

    /// Files keyed by path under the report folder (`portal/…` and `portal.zip`).
    static func files(articleHTML: String, title: String, charts: [ChartSpec], pngs: [String: Data], workbook: Data?,
                      workbookName: String, pdfs: [(name: String, data: Data)], metadata: Metadata) throws -> [String: Data] {
        var images: [String: PortalArticle.Image] = [:]
        for spec in charts {
            images[spec.id] = PortalArticle.Image(file: ChartPNG.fileName(spec.id, scale: 1), alt: spec.fullDescription,
                                                  width: SVGChart.width, height: SVGChart.height(of: spec))
        }
        let fragment = PortalArticle.fragment(articleHTML, images: images)
        var bundle: [(String, Data)] = []
        // A byte-order mark so that a browser opening the file alone reads it as UTF-8 (a fragment has no <meta charset>).
        bundle.append(("article.html", Data("\u{FEFF}<!-- \(PortalArticle.escape(title))：可复制到门户网站编辑器；图片请上传同一文件夹中的 PNG -->\n".utf8) + Data(fragment.utf8)))
        for (name, data) in pngs.sorted(by: { $0.key < $1.key }) { bundle.append((name, data)) }
        if let workbook { bundle.append((workbookName, workbook)) }
        for pdf in pdfs { bundle.append((pdf.name, pdf.data)) }
        bundle.append(("metadata.txt", Data(metadata.text.utf8)))

        var files: [String: Data] = [:]
        for (name, data) in bundle { files["\(folderName)/\(name)"] = data }
        files[zipName] = try zip(bundle)
        return files
    }

    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time stamp keeps the zip byte-identical from build to build.
        let stamp = Date(timeIntervalSince1970: 946_684_800)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: path.hasSuffix(".png") || path.hasSuffix(".xlsx") ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
