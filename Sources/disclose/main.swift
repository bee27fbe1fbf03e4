import ArgumentParser
import DiscloseKit
import Foundation

// Usage errors exit with status 2 (ArgumentParser's default is 64).
do {
    var command = try Disclose.parseAsRoot()
    if let preview = command as? Preview {
        try await preview.serve()
    } else {
        try command.run()
    }
} catch {
    let code = Disclose.exitCode(for: error)
    if error is ExitCode || code == .success {
        Disclose.exit(withError: error)
    }
    FileHandle.standardError.write(Data((TerminalText.escaped(Disclose.fullMessage(for: error), keepingLines: true) + "\n").utf8))
    exit(2)
}
