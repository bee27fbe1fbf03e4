import DiscloseCore
import Foundation

/// `disclose init`: a new site folder that builds with no further setup — Content/site.yaml with every
/// field and a Chinese comment, an empty content folder, a .gitignore for what builds produce, and a
/// short README on the yearly steps. Templates come from the binary until the office ejects its own.
public enum SiteInitializer {
    public struct Fields: Sendable {
        public var title: String?
        public var publisher: String?
        public var baseURL: String?

        public init(title: String? = nil, publisher: String? = nil, baseURL: String? = nil) {
            self.title = title
            self.publisher = publisher
            self.baseURL = baseURL
        }
    }

    public enum Failure: Error, Equatable {
        /// The folder already holds a site (its Content/site.yaml): nothing was written.
        case alreadyASite(String)
        case notAFolder(String)
    }

    /// Creates the site in `folder` (made if missing) and returns the paths written, relative to it.
    public static func create(at folder: URL, fields: Fields) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDir), !isDir.boolValue { throw Failure.notAFolder(folder.path) }
        let siteFile = folder.appendingPathComponent("Content/site.yaml")
        if fm.fileExists(atPath: siteFile.path) { throw Failure.alreadyASite(siteFile.path) }
        var presets: ReportSkeleton.Presets = ["language": "zh-CN"]
        if let title = fields.title { presets["title"] = quoted(title) }
        if let publisher = fields.publisher { presets["publisher"] = quoted(publisher) }
        if let base = fields.baseURL { presets["base_url"] = quoted(base) }
        let site = ReportSkeleton.yaml(for: .site, title: fields.title ?? "本站", presets: presets, header: [
            "站点信息：网站标题、发布单位、网址等。各单位的报告放在本文件夹下的 <单位标识>/<年度>/ 中，",
            "用 disclose new <单位标识> <年度> 创建。",
        ]).replacingOccurrences(of: "# 由 disclose new 生成的模板", with: "# 由 disclose init 生成的模板")
        var written: [String] = []
        func write(_ relative: String, _ text: String, keepExisting: Bool) throws {
            let url = folder.appendingPathComponent(relative)
            if keepExisting, fm.fileExists(atPath: url.path) { return }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            written.append(relative)
        }
        try write("Content/site.yaml", site, keepExisting: false)
        try write(".gitignore", gitignore, keepExisting: true)
        try write("README.md", readme(title: fields.title), keepExisting: true)
        return written
    }

    /// A YAML double-quoted scalar: any text (colons, #, quotes) stays one value.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static let gitignore = """
    # disclose 生成的文件：网站和生成记录，不必放进版本库
    Output/
    .disclose-cache/

    """

    static func readme(title: String?) -> String {
        """
        # \(title ?? "部门决算公开网站")

        本文件夹是用 disclose 制作的决算公开网站。内容在 `Content/` 中，生成的网站在 `Output/` 中。

        ## 每年的步骤

        1. **新建报告**：`disclose new <单位标识> <年度>`（例如 `disclose new czj 2024`）。有上年报告时，
           上年数自动填好，文字结转后待核对；没有时生成带注释的空白文件。
        2. **填数字**：在 `Content/<单位标识>/<年度>/accounts.yaml` 中填写，或从财务软件导出的附表导入：
           `disclose import 附表.xlsx --unit <单位标识> --year <年度>`。
        3. **写文字**：`Content/<单位标识>/<年度>/` 中的 `.md` 文件（职能、机构、绩效等）。
        4. **检查**：`disclose check`。按提示（文件:行:列）逐项改正，直到没有错误。
        5. **预览**：`disclose preview --open`，在浏览器中查看，改动保存后自动刷新。按 Ctrl-C 结束。
        6. **生成网站**：`disclose build`（加 `--search` 建立站内搜索，加 `--xlsx` 附带 Excel 附表），
           把 `Output/` 整个上传到网站服务器。

        ## 模板

        网页的样式和文字模板已内置在 disclose 中。要修改时，先取出：`disclose templates eject`
        （或只取一个：`disclose templates eject --only report`），再编辑 `Templates/` 中的文件；
        生成时会列出哪些模板使用了本站的版本。

        """
    }
}
