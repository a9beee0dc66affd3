import Foundation
import RelMapCore
import RelMapGraphviz

/// The served folder: which file holds which account, the diagrams drawn so far (by the
/// file's content hash), the texts pages were made from (so a conflict can show what
/// changed), and the one place saves happen, one at a time.
actor Workspace {
    let options: ServeOptions
    private var paths: [String: String] = [:]
    /// Diagrams by content hash, drawn or being drawn: requests for a version being drawn
    /// wait for that drawing instead of starting another.
    private var diagrams: [String: Task<Diagram, Never>] = [:]
    private var texts: [String: String] = [:]
    private static let cacheLimit = 512

    init(options: ServeOptions) {
        self.options = options
    }

    /// Every account file of the folder, loaded now (other tools' changes show at once).
    func loadAll() throws -> LoadReport {
        let report = try AccountLoader.load(paths: [options.folder], options: options.loadOptionsToday)
        var found: [String: String] = [:]
        for file in report.files {
            if let account = file.account, found[account.id] == nil { found[account.id] = file.path }
        }
        paths = found
        return report
    }

    /// The file of the account with this id, from a scan of the folder; nil for an id no
    /// file there holds. Ids are `[A-Za-z0-9_-]+` (as the loader requires), so anything
    /// else (`..`, slashes, percent signs) is unknown without looking.
    func path(for id: String) -> String? {
        guard Self.isAccountId(id) else { return nil }
        if let p = paths[id], FileManager.default.fileExists(atPath: p) { return p }
        _ = try? loadAll()
        return paths[id]
    }

    static func isAccountId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 200 && id.utf8.allSatisfy { c in
            (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == 45 || c == 95
        }
    }

    func remember(text: String, hash: String) {
        if texts.count >= Self.cacheLimit { texts.removeAll() }
        texts[hash] = text
    }

    func text(for hash: String) -> String? { texts[hash] }

    typealias Diagram = (svg: String?, problem: String?)

    /// The diagram of the file version `hash`, drawn once. Drawing blocks (Graphviz in a
    /// child process), so it runs on a Dispatch thread, never on one of the few threads
    /// Swift's concurrency runs every request on.
    func diagram(_ hash: String, _ analysis: AccountAnalysis, _ renderer: @escaping DiagramRenderer) -> Task<Diagram, Never> {
        if let task = diagrams[hash] { return task }
        if diagrams.count >= Self.cacheLimit { diagrams.removeAll() }
        let task = Task { await Blocking.run { renderer(analysis) } }
        diagrams[hash] = task
        return task
    }

    enum SaveOutcome: Sendable {
        case saved(EditResult, before: AccountFileSnapshot, commitProblem: String?)
        /// The file is no longer the version the page was made from.
        case conflict(current: AccountFileSnapshot, pageText: String?)
        case refused(EditError)
    }

    /// Saves run one at a time, in order, on this queue (file and git work blocks).
    private let saves = DispatchQueue(label: "relmap.serve.saves")

    /// Applies `edits` to the account's file if it still hashes to `pageHash`, writes it
    /// atomically, and commits it when asked. One save at a time.
    nonisolated func save(path: String, pageHash: String, edits: [AccountEdit], summary: String, author: String?) async -> SaveOutcome {
        let outcome = await withCheckedContinuation { (done: CheckedContinuation<SaveOutcome, Never>) in
            saves.async { done.resume(returning: self.saveNow(path: path, pageHash: pageHash, edits: edits, summary: summary, author: author)) }
        }
        if case .conflict(let current, _) = outcome {
            await remember(text: current.text, hash: current.hash)
            return .conflict(current: current, pageText: await text(for: pageHash))
        }
        return outcome
    }

    private nonisolated func saveNow(path: String, pageHash: String, edits: [AccountEdit], summary: String, author: String?) -> SaveOutcome {
        let loadOptions = options.loadOptionsToday
        let snapshot: AccountFileSnapshot
        do { snapshot = try AccountFileSnapshot.read(path, options: loadOptions) } catch { return .refused(error) }
        guard snapshot.hash == pageHash else { return .conflict(current: snapshot, pageText: nil) }
        let result: EditResult
        do {
            result = try AccountEditor.apply(edits, to: snapshot.text, path: path, options: loadOptions)
            if result.text != snapshot.text { try AccountFile.write(result.text, over: snapshot) }
        } catch {
            return .refused(error)
        }
        var commitProblem: String?
        if options.commit, result.text != snapshot.text {
            commitProblem = GitCommit.commit(path: path, message: summary, author: author ?? options.author)
        }
        return .saved(result, before: snapshot, commitProblem: commitProblem)
    }
}

/// Runs blocking work on a Dispatch thread and waits for it without holding a thread of
/// Swift's concurrency pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: work()) }
        }
    }
}
