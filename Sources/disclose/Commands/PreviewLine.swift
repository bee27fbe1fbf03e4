import DiscloseCore
import DiscloseKit
import DisclosePreview
import Foundation

/// The one line `disclose preview` prints after each build: when, what changed, what was rendered,
/// and the first error's place, so a clerk watching the terminal sees at once what a save did.
enum PreviewLine {
    static func text(_ r: PreviewServer.Rebuild) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        var line = formatter.string(from: r.at) + " "
        line += r.changedFiles == 0 ? "生成" : "\(r.changedFiles) 个文件有变化，重新生成"
        line += "：\(r.rendered) 份报告，用时 \(String(format: "%.1f", r.seconds)) 秒；\(r.errors) 个错误，\(r.warnings) 个警告"
        if let error = r.firstError {
            line += "。第一个错误：\(TerminalText.escaped(error.location.description)) \(TerminalText.escaped(error.message.zh))"
        }
        return line.hasSuffix("。") ? line : line + "。"
    }
}
