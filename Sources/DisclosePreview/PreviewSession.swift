import Dispatch
import Foundation
import Hummingbird

/// Runs the preview until Ctrl-C or SIGTERM, and then quits within two seconds whatever browsers are
/// connected: the live-reload streams are closed (a graceful server shutdown would otherwise wait
/// for them for ever), the watcher stops, the server is cancelled, and if it has still not let go
/// after `grace` the process exits anyway, which frees the port. A second signal exits at once.
public struct PreviewSession: Sendable {
    public let server: PreviewServer
    /// How long the server may take to close its connections after the streams are closed.
    public var grace: Duration = .milliseconds(1500)
    /// Printed when the preview has stopped.
    public var stoppedMessage = "预览已停止。\n"

    public init(server: PreviewServer) {
        self.server = server
    }

    /// Serves `app` and watches for changes from `initial` until a signal arrives or the server fails.
    public func run(_ app: some ApplicationProtocol, watchingSince initial: [String: String]) async throws {
        let stop = Latch()
        let failure = ErrorBox()
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let message = stoppedMessage
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.fire() { return }
                // Second signal: the user insists.
                FileHandle.standardOutput.write(Data(message.utf8))
                exit(130)
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }

        let serving = Task {
            do { try await app.runService(gracefulShutdownSignals: []) } catch { failure.set(error) }
            _ = stop.fire()
        }
        let watcher = Task { await server.watch(since: initial) }
        await stop.wait()

        watcher.cancel()
        await server.state.closeAllListeners()
        serving.cancel()
        let finished = Latch()
        Task { await serving.value; _ = finished.fire() }
        Task { try? await Task.sleep(for: grace); _ = finished.fire() }
        await finished.wait()
        FileHandle.standardOutput.write(Data(message.utf8))
        if let error = failure.error, !(error is CancellationError) { throw error }
        // Connections that outlived the grace period (a client that never reads) end with the process.
        exit(0)
    }
}

/// Fires once; `wait` returns once it has fired.
final class Latch: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Fires; returns whether it had already fired.
    func fire() -> Bool {
        lock.lock()
        let was = fired
        fired = true
        let waiting = waiters
        waiters = []
        lock.unlock()
        waiting.forEach { $0.resume() }
        return was
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if fired {
                lock.unlock()
                continuation.resume()
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ error: Error) { lock.lock(); if stored == nil { stored = error }; lock.unlock() }
}
