import DiscloseCore
import Foundation

/// The fields a Mustache template reads, to tell a site whose own templates were written for an older
/// disclose: a field no bundled template uses any more was renamed or removed, and the page would show
/// nothing where it stood.
enum TemplateFields {
    /// Every name a template refers to: variables and sections (each part of a dotted name), the
    /// argument of a transform (`empty(list)`), and partials as `>name`.
    static func names(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag.removeFirst() }
            guard let sigil = tag.first else { continue }
            if sigil == "!" || sigil == "/" || sigil == "=" { continue }
            if sigil == ">" {
                names.insert(">" + tag.dropFirst().trimmingCharacters(in: .whitespaces))
                continue
            }
            if "#^&".contains(sigil) { tag.removeFirst() }
            tag = tag.trimmingCharacters(in: .whitespaces)
            if let paren = tag.firstIndex(of: "("), tag.hasSuffix(")") {
                tag = String(tag[tag.index(after: paren)..<tag.index(before: tag.endIndex)])
            }
            for part in tag.split(separator: ".") where !part.isEmpty { names.insert(String(part)) }
        }
        return names
    }

    /// Every name the bundled templates refer to.
    static let bundled: Set<String> = {
        var all = Set<String>()
        for file in BundledTemplates.all where file.path.hasSuffix(".mustache") {
            all.formUnion(names(in: String(decoding: file.data, as: UTF8.self)))
        }
        return all
    }()

    /// Warnings for the site's own templates that refer to fields or partials the bundled ones do not.
    static func stale(own: [String: Data], display: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let partials = Set(BundledTemplates.all.map(\.path).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
            .union(own.keys.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        for path in own.keys.sorted() where path.hasSuffix(".mustache") {
            let used = names(in: String(decoding: own[path]!, as: UTF8.self))
            for name in used.sorted() {
                if name.hasPrefix(">") {
                    let partial = String(name.dropFirst())
                    if !partials.contains(partial) {
                        warnings.append(.warning("TEMPLATE-FIELD", at: .file("\(display)/\(path)"),
                            zh: "模板 \(path) 引用的子模板“\(partial)”不存在。", en: "template \(path) includes '\(partial)', which does not exist."))
                    }
                } else if !bundled.contains(name) {
                    warnings.append(.warning("TEMPLATE-FIELD", at: .file("\(display)/\(path)"),
                        zh: "模板 \(path) 使用的字段“\(name)”在当前版本的内置模板中已没有（可能已改名或删除），页面上这里会是空的；请对照 disclose templates eject 取出的新模板修改。",
                        en: "template \(path) uses the field '\(name)', which the built-in templates no longer use (renamed or removed): it will render empty; compare with a freshly ejected template."))
                }
            }
        }
        return warnings
    }
}
