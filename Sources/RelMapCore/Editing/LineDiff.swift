/// The lines that differ between two texts (Myers' O(ND) algorithm, "An O(ND)
/// Difference Algorithm and Its Variations", 1986) and the unified diff of them, as
/// `git diff` prints it: what `--dry-run` shows and what the edit tests count.
public struct LineDiff: Sendable {
    /// One line of the diff: kept, removed from the old text, or added in the new one.
    public enum Line: Sendable, Equatable {
        case same(String), removed(String), added(String)
    }

    /// Every line of both texts in order: a shortest edit script, kept lines included.
    public let lines: [Line]

    /// The diff from `old` to `new`, compared line by line.
    public init(old: String, new: String) {
        lines = Self.diff(Self.split(old), Self.split(new))
    }

    /// Removed plus added lines: what `git diff --numstat` adds up.
    public var changedLineCount: Int { removedCount + addedCount }
    /// Lines only in the old text.
    public var removedCount: Int { lines.count { if case .removed = $0 { true } else { false } } }
    /// Lines only in the new text.
    public var addedCount: Int { lines.count { if case .added = $0 { true } else { false } } }

    /// A unified diff with `context` lines around each change; empty when nothing changed.
    public func unified(path: String, context: Int = 3) -> String {
        guard changedLineCount > 0 else { return "" }
        let name = path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path
        var out = "--- a/\(name)\n+++ b/\(name)\n"
        var oldLine = 1, newLine = 1
        var i = 0
        // Positions in `lines` with their old and new line numbers.
        var numbers: [(old: Int, new: Int)] = []
        for line in lines {
            numbers.append((oldLine, newLine))
            switch line {
            case .same: oldLine += 1; newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        while i < changed.count {
            var last = i
            while last + 1 < changed.count, changed[last + 1] - changed[last] <= 2 * context + 1 { last += 1 }
            let from = max(0, changed[i] - context), to = min(lines.count, changed[last] + context + 1)
            let hunk = lines[from..<to]
            let oldCount = hunk.count { if case .added = $0 { false } else { true } }
            let newCount = hunk.count { if case .removed = $0 { false } else { true } }
            let oldStart = oldCount == 0 ? numbers[from].old - 1 : numbers[from].old
            let newStart = newCount == 0 ? numbers[from].new - 1 : numbers[from].new
            // As diff and git write it: a count of one is left out.
            func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for line in hunk {
                switch line {
                case .same(let s): out += " " + s + "\n"
                case .removed(let s): out += "-" + s + "\n"
                case .added(let s): out += "+" + s + "\n"
                }
            }
            i = last + 1
        }
        return out
    }

    /// Lines without their breaks; a text ending in a line break has no empty last line.
    static func split(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Myers' greedy forward search for the shortest edit script, then a walk back
    /// through the saved frontiers. O((N+M)·D) time and memory, D the number of changed
    /// lines: an edit changes a handful, so this stays linear in the file.
    private static func diff(_ a: [Substring], _ b: [Substring]) -> [Line] {
        let n = a.count, m = b.count, offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { trace.append(v); break search }
            }
        }
        var result: [Line] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
            let prevK = down ? k + 1 : k - 1
            let prevX = v[offset + prevK], prevY = prevX - prevK
            while x > prevX, y > prevY { x -= 1; y -= 1; result.append(.same(String(a[x]))) }
            if d > 0 {
                if down {
                    y -= 1; result.append(.added(String(b[y])))
                } else {
                    x -= 1; result.append(.removed(String(a[x])))
                }
            }
        }
        while x > 0, y > 0 { x -= 1; y -= 1; result.append(.same(String(a[x]))) }
        return result.reversed()
    }
}
