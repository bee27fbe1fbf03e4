import DiscloseCore
import DiscloseKit
import Foundation

/// The site as the preview serves it: built in memory, replaced after each rebuild, with the
/// diagnostics of a failed build and the browsers waiting to be told to reload.
public actor PreviewState {
    public private(set) var files: [String: Data] = [:]
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var sources = SourceStore()
    public private(set) var failed = false
    /// Increases with every rebuild; browsers reload when it changes.
    public private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]

    public init() {}

    public func update(files: [String: Data]?, diagnostics: [Diagnostic], sources: SourceStore) {
        if let files { self.files = files }
        self.failed = files == nil
        self.diagnostics = diagnostics
        self.sources = sources
        generation += 1
        for continuation in listeners.values { continuation.yield(generation) }
    }

    /// Adds files made after a build (the search bundle) to that build's site, unless a newer build
    /// has replaced it meanwhile. Browsers are not told to reload: the pages did not change.
    public func add(_ extra: [String: Data], toGeneration expected: Int) {
        guard generation == expected, !failed else { return }
        files.merge(extra) { _, new in new }
    }

    /// A stream of generations for one browser; ends when the browser goes away.
    /// With a `heartbeat`, the stream also yields `PreviewState.heartbeat` that often: writing it to a
    /// browser that has gone fails, which ends the stream and releases the connection at once
    /// instead of at the next rebuild.
    public func subscribe(heartbeat: Duration? = nil) -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(8))
        listeners[id] = continuation
        let ticker = heartbeat.map { interval in
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    continuation.yield(PreviewState.heartbeat)
                }
            }
        }
        continuation.onTermination = { [weak self] _ in
            ticker?.cancel()
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// Not a generation: a keep-alive for the stream.
    public static let heartbeat = -1

    private func unsubscribe(_ id: UUID) {
        listeners[id] = nil
    }

    public var listenerCount: Int { listeners.count }

    /// Ends every live-reload stream (the preview is stopping): their responses finish and the
    /// connections can close.
    public func closeAllListeners() {
        let open = listeners
        listeners = [:]
        for continuation in open.values { continuation.finish() }
    }
}

/// Watches content and template folders by polling: portable, and a clerk's editor saving a file
/// is seen within the poll interval.
public struct FolderWatcher: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) {
        self.folders = folders
    }

    /// Path, size, modification time and inode of every file (hidden names left out): changes when
    /// anything is saved, added or removed.
    public func snapshot() -> [String: String] {
        WatchedFiles.snapshot(folders)
    }
}
