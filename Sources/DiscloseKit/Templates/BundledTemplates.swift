import Foundation

/// The templates and assets compiled into the disclose binary: Templates/ of the disclose source as it
/// was built (generated into `BundledTemplates+Files.swift` by scripts/bundle-templates.py). A site
/// without a Templates/ folder is built with these; a site's own files override them one by one.
public enum BundledTemplates {
    enum Contents {
        case text(String)
        /// Base64, for files that are not plain UTF-8 text.
        case data(String)

        var bytes: Data {
            switch self {
            case .text(let text): return Data(text.utf8)
            case .data(let base64): return Data(base64Encoded: base64) ?? Data()
            }
        }
    }

    /// Every bundled file by path relative to Templates/ (`report.mustache`, `assets/site.css`…), sorted.
    public static var all: [(path: String, data: Data)] { files.map { ($0.path, $0.contents.bytes) } }

    public static func data(_ path: String) -> Data? { files.first { $0.path == path }?.contents.bytes }
}
