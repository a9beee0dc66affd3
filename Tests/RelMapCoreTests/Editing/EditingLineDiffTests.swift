import Foundation
import Testing
@testable import RelMapCore

/// The `--dry-run` diff: the same hunks `git diff` prints for the same two files.
@Suite struct EditingLineDiffTests {
    func gitDiff(_ old: String, _ new: String) throws -> String {
        let folder = TempFolder()
        let a = folder.write("a.yaml", old), b = folder.write("b.yaml", new)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "diff", "--no-index", "--no-color", "-U3", a, b]
        let out = Pipe()
        git.standardOutput = out
        try git.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        // From the first hunk on: the header names the temporary files.
        // git adds the enclosing "function" (the last unindented line) after a hunk's
        // second @@; diff does not, nor does relmap.
        let text = String(decoding: data, as: UTF8.self).replacing(/(?m)^(@@ [^@]* @@).*$/) { $0.output.1 }
        return hunks(text)
    }

    func hunks(_ unified: String) -> String {
        unified.range(of: "\n@@").map { String(unified[unified.index(after: $0.lowerBound)...]) } ?? ""
    }

    @Test func theHunksAreGitsForEachEditKind() throws {
        let text = try String(contentsOfFile: Repo.path("graphs/north-steel.yaml"), encoding: .utf8)
        let edits: [[AccountEdit]] = [
            [
                .log(
                    InteractionLog(
                        date: Day(iso: "2026-11-03")!, member: "wang", people: ["zhao", "qian"], kind: "visit",
                        note: "首次拜访"))
            ],
            [.setPerson("zhao", [.stance(.supporter), .title("总经理、董事")])],
            [.removePerson("sun-fz")],
            [
                .addPerson(Person(id: "new", name: "新人", department: "采购部")),
                .removeContact(member: "chen-se", person: "qian"),
            ],
        ]
        for edit in edits {
            let new = try AccountEditor.apply(edit, to: text, path: "x.yaml", options: testOptions()).text
            let mine = LineDiff(old: text, new: new).unified(path: "x.yaml")
            #expect(mine.hasPrefix("--- a/x.yaml\n+++ b/x.yaml\n@@ "))
            #expect(hunks(mine) == (try gitDiff(text, new)), "\(edit)")
        }
    }

    @Test func countsAndEdgeCases() {
        #expect(LineDiff(old: "a\nb\n", new: "a\nb\n").unified(path: "f") == "")
        #expect(LineDiff(old: "", new: "x\n").unified(path: "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n")
        #expect(LineDiff(old: "a\nb\nc\n", new: "a\nc\n").lines == [.same("a"), .removed("b"), .same("c")])
        #expect(LineDiff(old: "a\nb\nc\n", new: "x\nb\ny\n").changedLineCount == 4)
        #expect(
            LineDiff(old: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", new: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n").unified(
                path: "/abs/f")
                == "--- a/abs/f\n+++ b/abs/f\n@@ -8,3 +8,4 @@\n 8\n 9\n 10\n+11\n")
    }
}
