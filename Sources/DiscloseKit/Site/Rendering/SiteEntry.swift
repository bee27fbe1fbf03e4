import Foundation
import Mustache

/// One report's line on the site-wide pages — the home page, the comparisons, the open-data index and
/// the search names — as text fields. A province has 100,000 reports, and a build keeps every entry
/// until those pages are made, so an entry is one string (`key␟value␞…`, keys sorted) rather than a
/// dictionary: a third of the memory. Looked up by key like a dictionary, also from templates.
struct SiteEntry: Sendable, Equatable, MustacheParent {
    private static let fieldEnd: Character = "\u{1E}"
    private static let keyEnd: Character = "\u{1F}"
    private let storage: String

    /// The fields, without the two separator characters (they are replaced by spaces: entries hold
    /// names, figures and paths, never those).
    init(_ fields: [String: String]) {
        func clean(_ s: String) -> String {
            s.contains(where: { $0 == Self.fieldEnd || $0 == Self.keyEnd })
                ? String(s.map { $0 == Self.fieldEnd || $0 == Self.keyEnd ? " " : $0 }) : s
        }
        var text = ""
        for key in fields.keys.sorted() {
            text += clean(key)
            text.append(Self.keyEnd)
            text += clean(fields[key]!)
            text.append(Self.fieldEnd)
        }
        storage = text
    }

    subscript(key: String) -> String? {
        var utf8 = storage.utf8[...]
        let wanted = key.utf8
        // Fields are "key US value RS": compare each key's bytes, skip its value otherwise.
        while !utf8.isEmpty {
            guard let keyEnd = utf8.firstIndex(of: 0x1F) else { return nil }
            let valueStart = utf8.index(after: keyEnd)
            let fieldEnd = utf8[valueStart...].firstIndex(of: 0x1E) ?? utf8.endIndex
            if utf8[..<keyEnd].elementsEqual(wanted) {
                return String(Substring(storage.utf8[valueStart..<fieldEnd]))
            }
            utf8 = fieldEnd == utf8.endIndex ? utf8[fieldEnd...] : utf8[utf8.index(after: fieldEnd)...]
        }
        return nil
    }

    /// Every field (the entry read as a dictionary).
    var fields: [String: String] {
        var out: [String: String] = [:]
        for field in storage.split(separator: Self.fieldEnd) {
            let parts = field.split(separator: Self.keyEnd, maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }

    /// The entry as one string (for the build record: serialised as a string, not as a dictionary
    /// of its fields — at 100,000 reports the record's home entries took most of a minute to write).
    var encoded: String { storage }

    /// An entry from `encoded`.
    init(encoded: String) {
        storage = encoded
    }

    func child(named: String) -> Any? { self[named] }
}
