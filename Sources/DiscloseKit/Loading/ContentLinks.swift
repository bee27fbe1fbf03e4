import DiscloseCore
import Foundation

/// Symbolic links to folders inside Content/. They are never followed: a unit or report folder that
/// is a link would let `check`/`build` publish whatever it points to, and `import`/`new` write there.
/// (Links to files are refused only when they leave the content folder; see `ContentLoader`.)
public enum ContentLinks {
    /// Whether the entry itself (not what it points to) is a symbolic link.
    public static func isLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The first folder on the way from `root` down to `relative` (both included except the root
    /// itself) that is a symbolic link, as a path relative to `root`; nil when there is none.
    public static func linkedFolder(under root: URL, _ relative: String) -> String? {
        var path = ""
        for part in relative.split(separator: "/") {
            path = path.isEmpty ? String(part) : path + "/" + part
            if isLink(root.appendingPathComponent(path)) { return path }
        }
        return nil
    }

    public static func diagnostic(_ shown: ContentPath) -> Diagnostic {
        .error("FILE-SYMLINK", at: .file(shown),
               zh: "这是指向文件夹的符号链接，出于安全考虑不会读取或写入；请把文件夹本身放进内容目录。",
               en: "a symbolic link to a folder is neither read nor written, for safety; put the folder itself in the content folder.")
    }

    /// The message for commands that would write through such a link (`import`, `new`).
    public static func refusal(_ shown: String) -> String {
        "\(TerminalText.escaped(shown)) 是指向文件夹的符号链接，出于安全考虑不会写入；请把文件夹本身放进内容目录。"
    }
}
