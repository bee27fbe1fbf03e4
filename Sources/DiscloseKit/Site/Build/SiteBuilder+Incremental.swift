import DiscloseCore
import Foundation

/// `disclose build` after an earlier build: with the record of that build (`BuildRecord`), only the
/// units whose files changed are read, checked and rendered, only the reports whose inputs changed
/// are rendered again, and only the files whose bytes changed are written (each by an atomic rename).
/// Files count as changed when their stamp (size, time, inode) and then their content hash differ.
/// Anything the record cannot vouch for — no record, other templates or binary or options, a touched
/// output folder, a changed site.yaml — makes it a full build, which replaces the output as a whole.
extension SiteBuilder {
    public func buildIncrementally(progress: @escaping @Sendable (String) -> Void = { _ in }) -> Result {
        // One build at a time per output folder: the record, the staging folder and the swap are shared.
        OutputLock.holding(options.output, waiting: { progress(Self.waitingMessage($0)) }) { buildHoldingLock(progress: progress) }
    }

    private func buildHoldingLock(progress: @escaping @Sendable (String) -> Void) -> Result {
        MemoryTrace.note("build starts")
        let folder = BuildRecord.folder(for: options)
        let key = BuildRecord.key(for: options)
        let templates = FileStamps.scan(options.templates, hidden: false)
        let stampsFile = BuildRecord.stampsFile(in: folder)
        // Changed by stamp and by content: a file saved without a change is not a change.
        guard let record = BuildRecord.load(from: folder), record.key == key, record.templates == templates,
              let stampCheck = StampCheck(stamps: stampsFile.path, content: options.content, output: options.output) else {
            return fullBuild(record: folder, key: key, templates: templates, progress: progress)
        }
        MemoryTrace.note("build record read and its stamps checked")
        let changedPaths = stampCheck.changedContent
        if stampCheck.outputTouched || changedPaths.contains(where: { !$0.contains("/") }) {
            return fullBuild(record: folder, key: key, templates: templates, progress: progress)
        }

        // Which units, and which reports within them, changed.
        var changedUnits = Set<String>()
        var changedFolders = Set<String>()
        for path in changedPaths {
            let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            changedUnits.insert(parts[0])
            changedFolders.insert(parts.count == 3 ? "\(parts[0])/\(parts[1])" : parts[0])
        }
        var result = Result(diagnostics: [], sources: SourceStore(), written: false)
        // The earlier diagnostics of the units not checked again (only units that had any are read).
        let earlierUnits = { record.noted.subtracting(changedUnits).sorted().compactMap(record.unit) }
        result.earlier = Self.earlier([record.site] + earlierUnits())
        MemoryTrace.note("earlier diagnostics read (\(record.noted.count) units noted)")
        if changedUnits.isEmpty {
            result.incremental = .unchanged
            result.written = true
            result.reports = record.reportCount
            return result
        }

        progress("[1/4] 检查有变化的单位：\(changedUnits.sorted().joined(separator: "、"))…")
        // The changed units' stamps as they are read (a file saved during the build makes the next one
        // read it again), with the content folder's own and its top-level files'.
        var contentLines: [UInt8] = []
        var present = Set<String>()
        if let own = FileStamps.stamp(options.content.path) { StampFile.append(StampFile.contentFolder, own, hash: 0, path: "", to: &contentLines) }
        for (name, info) in StampFile.entries(of: options.content.path, hidden: false) where (info.st_mode & S_IFMT) != S_IFDIR {
            StampFile.append(StampFile.contentFile, FileStamps.Stamp(info), hash: FileStamps.hash(options.content.path + "/" + name) ?? 0,
                             path: name, to: &contentLines)
        }
        for id in changedUnits.sorted() {
            let unitFolder = options.content.appendingPathComponent(id)
            guard let own = FileStamps.stamp(unitFolder.path) else { continue }
            StampFile.append(StampFile.contentFolder, own, hash: 0, path: id, to: &contentLines)
            for (name, info) in StampFile.entries(of: unitFolder.path, hidden: false) {
                StampFile.collect(unitFolder.path + "/" + name, path: "\(id)/\(name)", info: info, into: &contentLines)
            }
            if !FileStamps.scan(unitFolder, hidden: false).files.isEmpty { present.insert(id) }
        }
        MemoryTrace.note("changed units' stamps taken")
        let check = Checker.check(content: options.content, displayRoot: options.contentDisplay, units: present, publishing: true)
        MemoryTrace.note("changed units checked")
        result.diagnostics = check.diagnostics
        result.sources = check.load.sources
        result.ioFailure = check.ioFailure
        // The site-level diagnostics are those of this check; the record's are replaced.
        result.earlier = Self.earlier(earlierUnits())
        result.incremental = .units(changedUnits.sorted())
        guard let pages = pages(for: check, result: &result, pngCache: ChartPNGCache(folder: BuildRecord.pngFolder(for: options)),
                                progress: progress) else { return result }
        let renders = { (report: Report) -> Bool in
            changedFolders.contains(report.unitID) || changedFolders.contains("\(report.unitID)/\(report.year)")
                || changedFolders.contains("\(report.unitID)/\(report.year - 1)")
                || !FileManager.default.fileExists(atPath: options.output.appendingPathComponent("\(report.unitID)/\(report.year)").path)
        }
        let fresh = pages.unitOutputs(progress: progress, renders: renders)
        MemoryTrace.note("changed reports rendered")
        let grouped = BuildRecord.units(of: check.diagnostics, sources: check.load.sources)
        var updated: [String: BuildRecord.Unit] = [:]
        for id in changedUnits {
            guard let output = fresh[id] else { continue }
            updated[id] = .from(grouped, id, output)
        }
        // The home, sitemap, comparison, open-data and search pages are made from every unit's entries
        // and URLs: when the changed units' are as recorded (a narrative edit), they are as published.
        let entriesChanged = changedUnits.contains { id in
            let old = record.unit(id)
            return old?.home != updated[id]?.home || old?.urls != updated[id]?.urls
        }
        var files: [String: Data] = [:]
        if entriesChanged {
            let order = record.unitIDs.subtracting(changedUnits).union(updated.keys).sorted()
            let entries = order.compactMap { id -> (String, SitePages.UnitOutput)? in
                if let output = fresh[id] { return (id, output) }
                return record.unit(id).map { (id, SitePages.UnitOutput(files: [:], home: $0.home, urls: $0.urls)) }
            }
            // A unit's share of the record that cannot be read: the record cannot vouch for the site.
            if entries.count < order.count {
                return fullBuild(record: folder, key: key, templates: templates, progress: progress)
            }
            files = pages.siteFiles(units: entries)
        }

        // The files this build owns: the site files (when they changed), and in each changed unit
        // everything but the folders of the reports that were not rendered again.
        for id in changedUnits { files.merge(fresh[id]?.files ?? [:]) { a, _ in a } }
        let kept = Set(pages.tree.reports.filter { changedUnits.contains($0.unitID) && !renders($0) }.map { "\($0.unitID)/\($0.year)/" })
        var published = FileStamps()
        for id in changedUnits { published.files.merge(FileStamps.scan(options.output.appendingPathComponent(id)).files.map { ("\(id)/\($0.key)", $0.value) }) { a, _ in a } }
        var stale = published.files.keys.filter { path in
            guard let unit = path.split(separator: "/").first.map(String.init), changedUnits.contains(unit), files[path] == nil else { return false }
            return !kept.contains { path.hasPrefix($0) }
        }
        // Site-level pages made from every unit's entries (a region or 主管部门 that no unit has any more).
        for folder in ["compare"] where entriesChanged {
            stale += FileStamps.scan(options.output.appendingPathComponent(folder)).files.keys.map { "\(folder)/\($0)" }.filter { files[$0] == nil }
        }
        // The sitemaps an index pointed to, when the site has fewer addresses now.
        if entriesChanged {
            stale += ((try? FileManager.default.contentsOfDirectory(atPath: options.output.path)) ?? []).filter { SitePages.isSitemapPart($0) && files[$0] == nil }
        }
        let links = LinkChecker(baseURL: pages.site.baseURL, deferredPNGs: !pages.chartPNGs)
        links.add(files)
        // Written by the open-data step after the update (from every report's rows).
        links.add(OpenData.assembledFiles(in: nil))
        let dead = links.dead(existingUnder: options.output, removed: Set(stale))
        MemoryTrace.note("links checked")
        if !dead.isEmpty {
            result.diagnostics += LinkChecker.diagnostics(dead, output: options.output.lastPathComponent)
            return result
        }
        progress("[4/4] 更新 \(options.output.lastPathComponent)/…")
        var output = OutputRestamp()
        let rewritten: [String]
        do {
            rewritten = try Self.update(options.output, files: files, remove: stale, units: changedUnits, stamps: &output)
        } catch {
            result.diagnostics.append(.error("OUTPUT", at: .file(options.output.path),
                zh: "无法写入输出目录：\(error.localizedDescription)；下次生成将完整重建。",
                en: "cannot write the output folder: \(error.localizedDescription); the next build starts afresh."))
            result.ioFailure = true
            try? FileManager.default.removeItem(at: folder)
            return result
        }
        result.written = true
        MemoryTrace.note("output updated")
        result.pdf = pages.pdf?.result
        result.rendered = pages.renderedReports
        var next = record
        next.update(changedUnits, with: updated)
        result.reports = next.reportCount
        result.files = files.count
        result.pages = files.keys.filter { $0.hasSuffix(".html") }.count
        do {
            // The package is assembled again only when a report's rows were written or removed.
            if (rewritten + stale).contains(where: OpenData.isReportRows) {
                try OpenData.assemble(site: options.output, title: pages.site.title)
                output.bundle("data", in: options.output)
            }
        } catch {
            result.diagnostics.append(.error("OUTPUT", at: .file(options.output.path),
                zh: "无法写入开放数据（data/）：\(error.localizedDescription)；下次生成将完整重建。",
                en: "cannot write the open data (data/): \(error.localizedDescription); the next build starts afresh."))
            result.ioFailure = true
            try? FileManager.default.removeItem(at: folder)
            return result
        }
        if options.search {
            result.search = SearchIndexer.index(site: options.output)
            output.bundle(SearchIndexer.bundleFolder, in: options.output)
        }
        let siteUnit = grouped[""] ?? .empty
        next.key = key
        next.templates = templates
        next.site = siteUnit
        do {
            MemoryTrace.note("open data and search updated")
            try next.save(to: folder, changed: changedUnits) {
                guard StampFile.record(stampsFile.path, superseded: Superseded(units: changedUnits, output: output), content: contentLines, output: output) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stampsFile.path])
                }
            }
        } catch {
            // Without its stamps the record cannot vouch for anything: the next build is a full one.
            try? FileManager.default.removeItem(at: folder)
        }
        MemoryTrace.note("build record saved")
        Self.forgetOnPDFFailure(result, record: folder)
        return result
    }

    /// Whether the record of the last build was made by this binary with these options and templates
    /// (the next build can be incremental; the content and output are looked at by the build itself).
    public var lastBuildApplies: Bool {
        guard let record = BuildRecord.load(from: BuildRecord.folder(for: options)) else { return false }
        return record.key == BuildRecord.key(for: options) && record.templates == FileStamps.scan(options.templates, hidden: false)
    }

    /// Forgets the record of the last build: the next incremental build is a full one.
    public func forgetLastBuild() {
        try? FileManager.default.removeItem(at: BuildRecord.folder(for: options))
    }

    /// Empties the chart PNGs kept between builds: the next build rasterises every chart (benchmarks).
    public func forgetChartPNGs() {
        try? FileManager.default.removeItem(at: BuildRecord.pngFolder(for: options))
    }

    /// A build from scratch that leaves a record for the next one.
    private func fullBuild(record folder: URL, key: String, templates: FileStamps,
                           progress: @escaping @Sendable (String) -> Void) -> Result {
        try? FileManager.default.removeItem(at: folder)
        // Stamps of the content as it is about to be read (a file saved during the build makes the next
        // one read it again), written to the record's folder as they are taken, not kept in memory.
        let stampsFile = BuildRecord.stampsFile(in: folder)
        let partial = stampsFile.path + ".partial"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stamps = StampFile.Writer(path: partial)
        stamps?.scan(options.content.path, fileKind: StampFile.contentFile, folderKind: StampFile.contentFolder, hidden: false)
        stamps?.flush()
        MemoryTrace.note("content stamps taken")
        let pngCache = ChartPNGCache(folder: BuildRecord.pngFolder(for: options))
        var (result, outputs, grouped) = buildAll(pngCache: pngCache, progress: progress)
        result.incremental = .full
        guard let outputs else { return result }
        // Every chart of the site was drawn or found: the others are no longer on it.
        pngCache.pruneUnused()
        if options.search { result.search = SearchIndexer.index(site: options.output) }
        // Stamps of the content as it was read: a file saved during the build makes the next one re-read it.
        var units: [String: BuildRecord.Unit] = [:]
        for (id, output) in outputs { units[id] = .from(grouped, id, output) }
        MemoryTrace.note("output swapped in; build record next")
        do {
            try BuildRecord(key: key, templates: templates, site: grouped[""] ?? .empty, units: units).save(to: folder) {
                guard let stamps else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partial]) }
                stamps.scan(options.output.path, fileKind: nil, folderKind: StampFile.outputFolder, hidden: true)
                MemoryTrace.note("output folders stamped")
                guard stamps.finish(), rename(partial, stampsFile.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stampsFile.path])
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
        }
        MemoryTrace.note("build record saved")
        Self.forgetOnPDFFailure(result, record: folder)
        return result
    }

    /// The full build, streamed one group of units at a time so that memory does not grow with the
    /// site: each unit is loaded, checked and — while no unit has had an error — rendered, its files
    /// written into the staging folder and its links settled, then forgotten but for its diagnostics
    /// (with the lines they quote), its home-page entries and its URLs. Then the home page, the
    /// sitemap, the comparison and open-data pages are made from those entries, and the staging folder
    /// is swapped in. Nil (with the reasons in `result`) when the content has errors or writing fails:
    /// the published site is untouched.
    func stream(result: inout Result, pngCache: ChartPNGCache?, progress: @escaping @Sendable (String) -> Void)
        -> [String: SitePages.UnitOutput]? {
        let check = Checker.Units(content: options.content, displayRoot: options.contentDisplay, publishing: true)
        result.ioFailure = check.ioFailure
        var diagnostics = check.siteDiagnostics
        var sources = check.site.sources.kept(for: diagnostics)
        // What rendering needs, once the site level is sound: templates, a safe output, a staging folder.
        var setupProblems: [Diagnostic] = []
        var setupFailed = false
        var renderer: Renderer?
        var staged: OutputWriter.Staged?
        if let site = check.site.site, !check.ioFailure, diagnostics.errorCount == 0 {
            switch prepare(site: site, pngCache: pngCache, progress: progress) {
            case .failure(let problems, let ioFailure):
                setupProblems = problems
                setupFailed = ioFailure
            case .success(let prepared):
                do {
                    staged = try OutputWriter.Staged(OutputWriter(output: options.output))
                    renderer = prepared
                } catch {
                    setupProblems = [writeFailure(error)]
                    setupFailed = true
                }
            }
        }

        let counts = FileCounts()
        let failure = FailureBox()
        let (writer, unitRenderer) = (staged, renderer)
        let links = LinkChecker(baseURL: renderer?.site.baseURL ?? "", deferredPNGs: !(options.chartPNGs || options.portal))
        let sink: @Sendable ([String: Data]) -> Void = { files in
            counts.add(files)
            links.add(files)
            do { try writer?.write(files) } catch { failure.set(error) }
        }
        // Rendering stops at the first unit with an error (nothing will be published); checking goes on.
        let halted = Flag()
        let ids = check.site.unitIDs
        let total = ids.reduce(0) { $0 + Self.reportFolders(of: $1, in: options.content) }
        let counter = Counter()
        struct UnitDone {
            var diagnostics: [Diagnostic]
            var sources: SourceStore
            var output: SitePages.UnitOutput?
            var loaded: Bool
            var reports: Int
            var rendered: Int
        }
        var outputs: [String: SitePages.UnitOutput] = [:]
        var loadedUnits = 0
        var reports = 0
        var rendered = 0
        // Groups of a few units per core: enough to keep the cores busy, few enough to keep memory flat.
        let group = max(4, ProcessInfo.processInfo.activeProcessorCount * 4)
        for first in stride(from: 0, to: ids.count, by: group) {
            let batch = Array(ids[first..<min(first + group, ids.count)])
            var done = [UnitDone?](repeating: nil, count: batch.count)
            done.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                    let id = batch[index]
                    let unit = check.unit(id)
                    let found = unit.diagnostics
                    var output: SitePages.UnitOutput?
                    var renderedHere = 0
                    if found.errorCount > 0 { halted.set() }
                    if let renderer = unitRenderer, !halted.isSet, let tree = unit.load.tree, !tree.units.isEmpty {
                        var unitSources = check.site.sources
                        unitSources.merge(unit.load.sources)
                        let pages = renderer.pages(tree: tree, sources: unitSources, diagnostics: found)
                        output = pages.unitOutputs(progress: progress, sink: sink, counter: counter, total: total)[id]
                        links.settle(id)
                        writer?.forget(id)
                        renderedHere = pages.renderedReports
                    }
                    slots[index] = UnitDone(diagnostics: found, sources: unit.load.sources.kept(for: found), output: output,
                                            loaded: !(unit.load.tree?.units.isEmpty ?? true), reports: unit.load.tree?.reports.count ?? 0,
                                            rendered: renderedHere)
                }
            }
            if (first / group) % 25 == 0 { MemoryTrace.note("units \(first + batch.count)/\(ids.count)") }
            for (index, unit) in done.enumerated() {
                guard let unit else { continue }
                diagnostics += unit.diagnostics
                sources.merge(unit.sources)
                if let output = unit.output { outputs[batch[index]] = output }
                if unit.loaded { loadedUnits += 1 }
                reports += unit.reports
                rendered += unit.rendered
            }
        }
        if loadedUnits == 0 && diagnostics.errorCount == 0 && !check.ioFailure { diagnostics.append(check.noUnits) }
        result.diagnostics = diagnostics.sortedForOutput()
        result.sources = sources
        guard result.diagnostics.errorCount == 0, let renderer, let staged else {
            staged?.discard()
            if result.diagnostics.errorCount == 0 {
                result.diagnostics += setupProblems
                result.ioFailure = result.ioFailure || setupFailed
            }
            return nil
        }
        result.diagnostics += renderer.templates.warnings
        result.templatesOverridden = renderer.templates.overridden
        do {
            let order = ids.filter { outputs[$0] != nil }
            progress("[4/4] 写入 \(options.output.lastPathComponent)/…")
            let sitePages = renderer.pages(tree: ContentTree(site: renderer.site, units: [], reports: []), sources: check.site.sources, diagnostics: [])
            MemoryTrace.note("every unit written; site pages next")
            // Every unit is on disk now: the site pages' links to the reports are checked there as they come.
            let siteSink: ([String: Data]) -> Void = { files in
                sink(files)
                links.settleOnDisk(staged.staging)
            }
            let units = order.map { ($0, outputs[$0]!) }
            siteSink(sitePages.siteFiles(units: units, sink: siteSink, openDataIndex: false))
            try OpenData.writeSiteFiles(entries: units.flatMap(\.1.home), site: renderer.site, absolute: sitePages.absolute, into: staged.staging)
            counts.add(files: 2, pages: 0)
            MemoryTrace.note("site pages written")
            if let error = failure.error {
                staged.discard()
                throw error
            }
            // The open-data package is assembled from every report's rows now in the staging folder.
            try OpenData.assemble(site: staged.staging, title: renderer.site.title)
            MemoryTrace.note("open-data package assembled")
            links.add(OpenData.assembledFiles(in: staged.staging))
            // A dead internal link is an error of the build: the published site stays as it was.
            let dead = links.dead(existingUnder: staged.staging)
            if !dead.isEmpty {
                staged.discard()
                result.diagnostics += LinkChecker.diagnostics(dead, output: options.output.lastPathComponent)
                return nil
            }
            MemoryTrace.note("links checked")
            try staged.commit()
            result.written = true
            result.pdf = renderer.pdf?.result
            result.rendered = rendered
            result.reports = reports
            result.pages = counts.pages
            result.files = counts.files
            return outputs
        } catch {
            staged.discard()
            result.diagnostics.append(writeFailure(error))
            result.ioFailure = true
            return nil
        }
    }

    private func writeFailure(_ error: Error) -> Diagnostic {
        .error("OUTPUT", at: .file(options.output.path),
               zh: "无法写入输出目录：\(error.localizedDescription)；原有内容未改动。",
               en: "cannot write the output folder: \(error.localizedDescription); the previous site is untouched.")
    }

    /// How many report folders (four-digit names) a unit folder holds: the total of the progress lines.
    static func reportFolders(of unit: String, in content: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(unit).path)) ?? []
        return names.filter { $0.count == 4 && Int($0) != nil }.count
    }

    /// A report whose PDF failed would not be retried by the next incremental build (its content did not
    /// change): the record is dropped, so the next build is a full one.
    static func forgetOnPDFFailure(_ result: Result, record folder: URL) {
        if let pdf = result.pdf, !pdf.failures.isEmpty { try? FileManager.default.removeItem(at: folder) }
    }

    static func earlier(_ units: [BuildRecord.Unit]) -> Result.Earlier {
        var earlier = Result.Earlier()
        for unit in units {
            earlier.diagnostics += unit.diagnostics
            for (file, lines) in unit.lines { for (number, text) in lines { earlier.sources.keep(line: number, of: file, text: text) } }
        }
        return earlier
    }

    /// Writes the files whose bytes differ (to a temporary name, then renamed over the old one) and
    /// removes the stale ones; then the folder stamps of the changed units and of the site level are
    /// taken again. Returns the paths written.
    @discardableResult
    static func update(_ output: URL, files: [String: Data], remove: [String], units: Set<String>, stamps: inout OutputRestamp) throws -> [String] {
        let fm = FileManager.default
        var touched = Set<String>()
        var written: [String] = []
        for path in files.keys.sorted() {
            let target = output.appendingPathComponent(path)
            let data = files[path]!
            if let old = fm.contents(atPath: target.path), old == data { continue }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
            try FileWriting.write(data, to: temporary.path)
            if rename(temporary.path, target.path) != 0 {
                try? fm.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            touched.insert((path as NSString).deletingLastPathComponent)
            written.append(path)
        }
        for path in remove {
            try? fm.removeItem(at: output.appendingPathComponent(path))
            // Folders left empty (a report that is gone) go too.
            var folder = output.appendingPathComponent(path).deletingLastPathComponent()
            while folder.path.count > output.path.count, (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                try? fm.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
            touched.insert((path as NSString).deletingLastPathComponent)
        }
        for unit in units { stamps.unit(unit, in: output) }
        // Every folder from a touched one up to the output itself changed its time (or is gone).
        var folders = Set<String>([""])
        for var folder in touched {
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders { stamps.folder(folder, in: output) }
        return written
    }
}

/// How many files and pages a streamed build wrote.
final class FileCounts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files = 0
    private(set) var pages = 0

    func add(_ batch: [String: Data]) {
        add(files: batch.count, pages: batch.keys.filter { $0.hasSuffix(".html") }.count)
    }

    func add(files: Int, pages: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.files += files
        self.pages += pages
    }
}

/// A flag set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        defer { lock.unlock() }
        value = true
    }
}
