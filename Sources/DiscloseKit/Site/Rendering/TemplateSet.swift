import DiscloseCore
import Foundation
import Mustache

/// The Mustache templates (pages, partials, Part 2 wording) and assets a site is built with: those
/// compiled into disclose (`BundledTemplates`), each replaced by the site's own file of the same path
/// in its Templates/ folder when it has one (see docs/templates.md).
public struct TemplateSet: @unchecked Sendable {
    public let directory: URL
    let library: MustacheLibrary
    /// The same templates for rendering without swift-mustache's dynamic casts (each compiled when first
    /// used; a render it cannot do goes through swift-mustache).
    let compiled: CompiledTemplates?
    /// Static files copied as they are (assets/… → Output/assets/…).
    public let assets: [(path: String, data: Data)]
    /// Changes when any template or asset changes.
    public let fingerprint: UInt64
    /// The site's files that replace a bundled file with other contents (paths relative to Templates/).
    public let overridden: [String]
    /// Differences between the site's templates and the bundled ones that may break its pages: a bundled
    /// template the site's folder lacks (the bundled one is used), a field the bundled templates no longer
    /// provide.
    public let warnings: [Diagnostic]

    public enum LoadError: Error {
        case diagnostics([Diagnostic])
    }

    /// The bundled templates, with the files under `directory` (when it exists) in place of theirs.
    public static func load(_ directory: URL, display: String) -> Result<TemplateSet, LoadError> {
        var files: [String: Data] = [:]
        for file in BundledTemplates.all { files[file.path] = file.data }
        var overridden: [String] = []
        var own: [String: Data] = [:]
        var warnings: [Diagnostic] = []
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let hasFolder = fm.fileExists(atPath: directory.path, isDirectory: &isDir)
        if hasFolder, !isDir.boolValue {
            return .failure(.diagnostics([.error("TEMPLATE", at: .file(display), zh: "模板目录“\(display)”不是文件夹。",
                                                 en: "the templates path '\(display)' is not a folder.")]))
        }
        if hasFolder, let enumerator = fm.enumerator(atPath: directory.path) {
            var paths: [String] = []
            for case let path as String in enumerator { paths.append(path) }
            for path in paths.sorted() {
                let url = directory.appendingPathComponent(path)
                // Symbolic links are not followed: a link to a file outside Templates/ must never be published.
                let type = (try? fm.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
                if type == .typeSymbolicLink || path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                guard path.hasPrefix("assets/") || path.hasSuffix(".mustache"), let data = try? Data(contentsOf: url) else { continue }
                own[path] = data
                if let bundled = files[path], bundled != data { overridden.append(path) }
                files[path] = data
            }
            // A folder of the site's own that lacks a bundled template: the bundled one is used, and said.
            for file in BundledTemplates.all where file.path.hasSuffix(".mustache") && own[file.path] == nil {
                warnings.append(.warning("TEMPLATE-FALLBACK", at: .file("\(display)/\(file.path)"),
                    zh: "站点模板目录中没有 \(file.path)，使用 disclose 内置的版本（可用 disclose templates eject --only \(file.path) 取出后修改）。",
                    en: "the site's templates folder has no \(file.path); the version built into disclose is used (disclose templates eject --only \(file.path) copies it out)."))
            }
            warnings += TemplateFields.stale(own: own.filter { overridden.contains($0.key) }, display: display)
        }

        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        var assets: [(String, Data)] = []
        var hash = FNV1a()
        for path in files.keys.sorted() {
            let data = files[path]!
            hash.add(path)
            hash.add(data)
            if path.hasPrefix("assets/") {
                assets.append((path, data))
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            let where_ = own[path] != nil ? "\(display)/\(path)" : "（内置）\(path)"
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error("TEMPLATE", at: SourceLocation(file: where_, line: error.context.lineNumber, column: error.context.columnNumber),
                                       zh: "模板语法错误：\(error.error)", en: "template syntax error: \(error.error)"))
            } catch {
                problems.append(.error("TEMPLATE", at: .file(where_), zh: "无法读取模板：\(error)", en: "cannot read the template: \(error)"))
            }
        }
        if !problems.isEmpty { return .failure(.diagnostics(problems)) }
        return .success(TemplateSet(directory: directory, library: library, compiled: CompiledTemplates(library: library),
                                    assets: assets, fingerprint: hash.value, overridden: overridden, warnings: warnings))
    }

    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a template; a missing template renders as an empty string (checked at build start).
    public func render(_ name: String, _ context: Any) -> String {
        if let compiled, let html = compiled.render(name, TemplateValue(context)) { return html }
        return library.render(TemplateValues.clean(context), withTemplate: name) ?? ""
    }

    /// A page context worked out once for several renders that each add a few fields (the report's
    /// parts all read the whole page context).
    struct PreparedContext {
        let original: [String: Any]
        let values: [String: TemplateValue]

        init(_ context: [String: Any]) {
            original = context
            values = context.mapValues(TemplateValue.init)
        }
    }

    /// `render(name, context + extra)`, with the context's values worked out already.
    func render(_ name: String, _ base: PreparedContext, adding extra: [String: Any]) -> String {
        var original = base.original
        var values = base.values
        for (key, value) in extra {
            original[key] = value
            values[key] = TemplateValue(value)
        }
        if let compiled, let html = compiled.render(name, .object(values, original: original)) { return html }
        return library.render(TemplateValues.clean(original), withTemplate: name) ?? ""
    }

    /// The same render through swift-mustache alone (what `render` must always equal).
    func renderWithMustache(_ name: String, _ context: Any) -> String {
        library.render(TemplateValues.clean(context), withTemplate: name) ?? ""
    }

    /// The templates a build needs; a site cannot be built when one is missing.
    public static let required = ["layout", "index", "unit", "report", "chart", "404", "sitemap", "sitemap-index", "search", "compare", "compare-index", "data", "quality", "quality-index", "partials/table", "partials/figure",
                                         "parts/overview", "parts/explanation", "parts/glossary", "parts/performance", "parts/tables"]
        + ParagraphSlot.allCases.map { "part2/\($0.rawValue)" }
}
