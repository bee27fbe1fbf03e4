import DiscloseCore
import Foundation

/// The report profiles a site can name: those bundled with disclose, and the site's own
/// `Profiles/<id>.json` (or `<id>.yaml`) beside its content folder (a file with a bundled id replaces it).
public struct SiteProfiles: Sendable {
    public let profiles: [String: ReportProfile]
    /// Problems with the site's own profile files.
    public let diagnostics: [Diagnostic]

    /// The Profiles/ folder of the site whose content folder is `content`.
    public static func folder(forContent content: URL) -> URL {
        content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Profiles")
    }

    /// How the Profiles/ folder is shown in messages, beside the content folder as given.
    /// (Plain string work: Foundation's path functions trap on some inputs, such as ".", on Linux.)
    public static func display(forContent shown: String) -> String {
        var path = Substring(shown)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "Profiles" }
        let parent = path[..<slash]
        return parent.isEmpty ? "/Profiles" : "\(parent)/Profiles"
    }

    /// A hash of the site's profile files (names and bytes), for the build record.
    public static func fingerprint(content: URL) -> UInt64 {
        let folder = folder(forContent: content)
        var hash = FNV1a()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(isProfileFile).sorted()
        for name in names {
            hash.add(name)
            hash.add(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
        }
        return hash.value
    }

    public static func load(content: URL, display shownContent: String) -> SiteProfiles {
        let folder = folder(forContent: content)
        let shown = display(forContent: shownContent)
        var profiles = ReportProfile.bundled
        var problems: [Diagnostic] = []
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter(isProfileFile).sorted()
        for name in names {
            let url = folder.appendingPathComponent(name)
            let type = (try? fm.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            guard type != .typeSymbolicLink, let data = fm.contents(atPath: url.path), data.count < 1_000_000 else {
                problems.append(.error(.unknownProfile, at: .file("\(shown)/\(name)"),
                                       zh: "无法读取版式文件（不读取符号链接，文件应小于 1 MB）。", en: "cannot read the profile file (links are not followed; at most 1 MB)."))
                continue
            }
            do {
                let json: Data
                if name.hasSuffix(".json") {
                    json = data
                } else {
                    // A YAML profile: the same fields, read through the content loader's YAML reader.
                    let (node, syntax) = YAMLDocument.parse(String(decoding: data, as: UTF8.self), file: ContentPath(outside: "\(shown)/\(name)"))
                    problems += syntax
                    guard let node else { continue }
                    let object = Self.plain(node)
                    guard object is [String: Any], JSONSerialization.isValidJSONObject(object) else {
                        problems.append(.error(.unknownProfile, at: node.location, zh: "版式文件应是一个映射（id、title、tables、outline…）。",
                                               en: "a profile file is a mapping (id, title, tables, outline…)."))
                        continue
                    }
                    json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                }
                let profile = try ReportProfile.decode(json)
                let expected = String(name.prefix { $0 != "." })
                guard profile.id == expected else {
                    problems.append(.error(.unknownProfile, at: .file("\(shown)/\(name)"),
                        zh: "版式文件 \(name) 的 id 是“\(profile.id)”，应与文件名一致（\(expected)）。",
                        en: "the profile file \(name) has id '\(profile.id)'; it must match the file name (\(expected)).",
                        expected: expected, actual: profile.id))
                    continue
                }
                guard TableSet.bundled[profile.tables] != nil else {
                    problems.append(.error(.unknownProfile, at: .file("\(shown)/\(name)"),
                        zh: "版式“\(profile.id)”的附表套表“\(profile.tables)”不存在；可用：\(TableSet.bundled.keys.sorted().joined(separator: "、"))。",
                        en: "profile '\(profile.id)' names the unknown table set '\(profile.tables)'.", actual: profile.tables))
                    continue
                }
                profiles[profile.id] = profile
            } catch {
                problems.append(.error(.unknownProfile, at: .file("\(shown)/\(name)"),
                    zh: "版式文件格式有误：\(Self.describe(error))", en: "the profile file is malformed: \(Self.describe(error))"))
            }
        }
        return SiteProfiles(profiles: profiles, diagnostics: problems)
    }

    static func isProfileFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".json") || name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    /// A YAML tree as JSON values: integers where a plain scalar is one (years, figure numbers), else text.
    static func plain(_ node: Node) -> Any {
        switch node.kind {
        case .scalar(let scalar):
            if scalar.style == .plain, let number = Int(scalar.text) { return number }
            return scalar.text
        case .mapping(let entries):
            var out: [String: Any] = [:]
            for entry in entries { out[entry.key] = plain(entry.value) }
            return out
        case .sequence(let items):
            return items.map(plain)
        }
    }

    /// A decoding error in a sentence: what is wrong, and where in the JSON.
    static func describe(_ error: Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : "（\(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)）"
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "缺少字段 \(key.stringValue)\(path(context))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?: return "类型不对\(path(context))"
        case .dataCorrupted(let context)?: return "\(context.debugDescription)\(path(context))"
        default: return "不是有效的 JSON"
        }
    }
}
