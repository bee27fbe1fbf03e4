import DiscloseCore
import Foundation
import Mustache

/// The user-editable Mustache templates of Templates/ (pages, partials, Part 2 wording) and its assets.
public struct TemplateSet: @unchecked Sendable {
    public let directory: URL
    let library: MustacheLibrary
    /// Static files copied as they are (Templates/assets → Output/assets).
    public let assets: [(path: String, data: Data)]
    /// Changes when any template or asset changes.
    public let fingerprint: UInt64

    public enum LoadError: Error {
        case diagnostics([Diagnostic])
    }

    /// Loads every `*.mustache` under the directory (names are paths without the extension).
    public static func load(_ directory: URL, display: String) -> Result<TemplateSet, LoadError> {
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        var assets: [(String, Data)] = []
        var hash = FNV1a()
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: directory.path) else {
            return .failure(.diagnostics([.error("TEMPLATE", at: .file(display), zh: "找不到模板目录“\(display)”。", en: "templates directory '\(display)' not found.")]))
        }
        var paths: [String] = []
        for case let path as String in enumerator { paths.append(path) }
        for path in paths.sorted() {
            let url = directory.appendingPathComponent(path)
            // Symbolic links are not followed: a link to a file outside Templates/ must never be published.
            let type = (try? fm.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeSymbolicLink || path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            if path.hasPrefix("assets/") {
                if let data = try? Data(contentsOf: url) {
                    assets.append((path, data))
                    hash.add(path)
                    hash.add(data)
                }
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                hash.add(path)
                hash.add(text)
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error("TEMPLATE", at: SourceLocation(file: "\(display)/\(path)", line: error.context.lineNumber, column: error.context.columnNumber),
                                       zh: "模板语法错误：\(error.error)", en: "template syntax error: \(error.error)"))
            } catch {
                problems.append(.error("TEMPLATE", at: .file("\(display)/\(path)"), zh: "无法读取模板：\(error)", en: "cannot read the template: \(error)"))
            }
        }
        if !problems.isEmpty { return .failure(.diagnostics(problems)) }
        return .success(TemplateSet(directory: directory, library: library, assets: assets, fingerprint: hash.value))
    }

    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a template; a missing template renders as an empty string (checked at build start).
    public func render(_ name: String, _ context: Any) -> String {
        library.render(TemplateValues.clean(context), withTemplate: name) ?? ""
    }

    /// The templates a build needs; a site cannot be built when one is missing.
    public static let required = ["layout", "index", "unit", "report", "chart", "404", "sitemap", "partials/table", "partials/figure"]
        + ParagraphSlot.allCases.map { "part2/\($0.rawValue)" }
}
