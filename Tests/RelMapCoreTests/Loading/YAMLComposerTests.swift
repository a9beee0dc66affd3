import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// relmap's own composer over libyaml's events: the tree, the marks, aliases, and the
/// errors it gives, and the loader behaviour that rests on them.
struct YAMLComposerTests {
    /// The document in `text`; fails the test when there is none or it does not parse.
    private func compose(_ text: String, maxDepth: Int = 64) throws -> YAMLDocument {
        try #require(try YAMLComposer.compose(text, maxDepth: maxDepth))
    }

    /// The syntax error `text` gives, if it gives one.
    private func syntaxError(_ text: String) -> YAMLSyntaxError? {
        do {
            _ = try YAMLComposer.compose(text, maxDepth: 64)
            return nil
        } catch {
            if case .syntax(let e) = error { return e }
            return nil
        }
    }

    /// A node as compact text: scalars with a style letter, collections in flow style.
    private func shape(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, let style):
            let letter =
                switch style {
                case .plain: ""
                case .singleQuoted: "s:"
                case .doubleQuoted: "d:"
                case .literal: "l:"
                case .folded: "f:"
                }
            return letter + text
        case .sequence(let items): return "[" + items.map(shape).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\(shape($0.key)): \(shape($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = node.content else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    private func id(_ node: YAMLNode?) -> Int? {
        guard let node, !node.isScalar else { return nil }
        return node.id
    }

    // MARK: Scalars

    @Test func everyScalarStyleIsKeptWithItsText() throws {
        let doc = try compose(
            """
            plain: a b
            single: 'it''s'
            double: "tab\\there\\u00e9"
            literal: |
              one
              two
            folded: >
              one
              two
            """)
        #expect(
            shape(doc.root)
                == "{plain: a b, single: s:it's, double: d:tab\there\u{e9}, literal: l:one\ntwo\n, folded: f:one two}")
    }

    @Test func aTextLongerThanItsSourceIsKeptWhole() throws {
        // `\L` (U+2028) is two characters in the file and three bytes in the text, so these
        // texts outgrow the room the composer makes from the file's size.
        let line = String(repeating: "\\L", count: 40)
        let doc = try compose("a: \"\(line)\"\nb: [\"\(line)\", \"\(line)x\"]\nc: z\n")
        let long = String(repeating: "\u{2028}", count: 40)
        #expect(value(doc.root, "a")?.scalarText == long)
        #expect(shape(try #require(value(doc.root, "b"))) == "[d:\(long), d:\(long)x]")
        #expect(value(doc.root, "c")?.scalarText == "z")
    }

    @Test func onlyPlainScalarsCanBeNull() throws {
        let doc = try compose("- ~\n- null\n- Null\n- NULL\n-\n- 'null'\n- \"\"\n- nul\n")
        guard case .sequence(let items) = doc.root.content else { throw Failure("not a list") }
        #expect(items.map(\.isNull) == [true, true, true, true, true, false, false, false])
    }

    @Test func aByteOrderMarkOpeningAValueIsDroppedAndKeptElsewhere() throws {
        let doc = try compose("a: \"\\uFEFFx\"\nb: \"y\\uFEFFz\"\n")
        #expect(value(doc.root, "a")?.scalarText == "x")
        #expect(value(doc.root, "b")?.scalarText == "y\u{FEFF}z")
    }

    // MARK: Collections and marks

    @Test func flowAndBlockComposeToTheSameTree() throws {
        let block = try compose("a:\n  - x\n  - y: 1\nb: {}\n")
        let flow = try compose("{a: [x, {y: 1}], b: {}}")
        #expect(shape(block.root) == "{a: [x, {y: 1}], b: {}}")
        #expect(shape(flow.root) == shape(block.root))
    }

    @Test func marksCountCharactersFromOne() throws {
        let doc = try compose("name: 赵建国\n赵: [钱, 孙]\n")
        #expect(value(doc.root, "name")?.mark == YAMLMark(line: 1, column: 7))
        let list = try #require(value(doc.root, "赵"))
        #expect(list.mark == YAMLMark(line: 2, column: 4))
        guard case .sequence(let items) = list.content else { throw Failure("not a list") }
        #expect(items.map(\.mark) == [YAMLMark(line: 2, column: 5), YAMLMark(line: 2, column: 8)])
    }

    @Test func aBlockMappingStartsAtItsFirstKeyAndAFlowOneAtItsBrace() throws {
        let doc = try compose("people:\n  - id: a\n    name: A\n  - {id: b}\n")
        #expect(doc.root.mark == YAMLMark(line: 1, column: 1))
        let people = try #require(value(doc.root, "people"))
        #expect(people.mark == YAMLMark(line: 2, column: 3))
        guard case .sequence(let items) = people.content else { throw Failure("not a list") }
        #expect(items.map(\.mark) == [YAMLMark(line: 2, column: 5), YAMLMark(line: 4, column: 5)])
    }

    @Test func nodesAreNumberedInTheOrderTheyStart() throws {
        let doc = try compose("{a: [x], b: {c: [d]}}")
        // root 0, key a 1, [x] 2, x 3, key b 4, {c: [d]} 5
        #expect(id(doc.root) == 0)
        #expect(id(value(doc.root, "a")) == 2)
        #expect(id(value(doc.root, "b")) == 5)
        #expect(doc.collectionCount == 4)
    }

    @Test func theDocumentCountsWhatTreeSizeNeeds() throws {
        let doc = try compose("a: [xy, {b: long text}]\nc: &k 1\nd: *k\n")
        #expect(doc.nodeCount == 10)  // 2 collections and 8 scalars (the alias is no node)
        #expect(doc.aliasCount == 1)
        #expect(doc.depth == 3)  // b's value: mapping in a list in the root mapping
        #expect(doc.longestScalarBytes == 9)
    }

    @Test func jsonComposesWithMarks() throws {
        let doc = try compose("{\n \"relmap\": 1,\n \"people\": [{\"id\": \"a\", \"level\": null}]\n}")
        #expect(shape(doc.root) == "{d:relmap: 1, d:people: [{d:id: d:a, d:level: null}]}")
        #expect(value(doc.root, "people")?.mark == YAMLMark(line: 3, column: 12))
    }

    // MARK: Anchors and aliases

    @Test func anAliasIsTheAnchoredNodeItself() throws {
        let doc = try compose("a: &std {member: wang, strength: strong}\nb: *std\nc: &s text\nd: *s\n")
        let a = try #require(value(doc.root, "a")), b = try #require(value(doc.root, "b"))
        #expect(id(a) != nil && id(a) == id(b))
        #expect(b.mark == YAMLMark(line: 1, column: 4))
        #expect(shape(b) == "{member: wang, strength: strong}")
        #expect(value(doc.root, "d")?.scalarText == "text")
        #expect(value(doc.root, "d")?.mark == YAMLMark(line: 3, column: 4))
    }

    @Test func aLaterAnchorOfTheSameNameWins() throws {
        let doc = try compose("a: &x 1\nb: &x 2\nc: *x\n")
        #expect(value(doc.root, "c")?.scalarText == "2")
    }

    @Test func anUndefinedOrSelfContainingAliasIsAnError() {
        let undefined = syntaxError("a: *nope\n")
        #expect(undefined?.problem == "found undefined alias")
        #expect(undefined?.mark == YAMLMark(line: 1, column: 4))
        #expect(syntaxError("a: &x [*x]\n")?.problem == "found undefined alias")
    }

    // MARK: Merge keys

    @Test func aMergeKeyCopiesEntriesAndWrittenKeysWin() throws {
        let doc = try compose(
            """
            x-defaults: &p {department: 总经办, stance: neutral}
            zhao:
              stance: supporter
              <<: *p
              name: 赵总
            """)
        let zhao = try #require(value(doc.root, "zhao"))
        // The merged entries take the merge key's place; `stance` is written, so it wins.
        #expect(shape(zhao) == "{stance: supporter, department: 总经办, name: 赵总}")
        // A merged value is the anchor's node, marked where the anchor wrote it.
        #expect(value(zhao, "department")?.mark == YAMLMark(line: 1, column: 29))
        #expect(value(zhao, "stance")?.mark == YAMLMark(line: 3, column: 11))
    }

    @Test func anEarlierMappingInAMergeListWinsOverALaterOne() throws {
        let doc = try compose(
            """
            a: &a {x: 1, y: a}
            b: &b {y: b, z: b}
            c: {<<: [*a, *b], z: c}
            d: {<<: [*b, *a]}
            e: {<<: {w: inline}}
            """)
        #expect(shape(try #require(value(doc.root, "c"))) == "{x: 1, y: a, z: c}")
        #expect(shape(try #require(value(doc.root, "d"))) == "{y: b, z: b, x: 1}")
        #expect(shape(try #require(value(doc.root, "e"))) == "{w: inline}")
    }

    @Test func aMergedMappingCanItselfMerge() throws {
        let doc = try compose("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, x: 3}\n")
        #expect(shape(try #require(value(doc.root, "b"))) == "{x: 1, y: 2}")
        #expect(shape(try #require(value(doc.root, "c"))) == "{y: 2, x: 3}")
    }

    @Test func onlyAPlainDoubleAngleIsAMergeKey() throws {
        let doc = try compose("a: &a {x: 1}\nb: {'<<': *a}\nc: {\"<<\": 2}\n")
        #expect(shape(try #require(value(doc.root, "b"))) == "{s:<<: {x: 1}}")
        #expect(shape(try #require(value(doc.root, "c"))) == "{d:<<: 2}")
    }

    @Test(arguments: [
        (
            "a: {<<: 5}\n",
            "the merge key '<<' takes a mapping or a list of mappings (<<: *defaults or <<: [*a, *b]), found the text '5'",
            YAMLMark(line: 1, column: 9)
        ),
        (
            "x: &x {k: 1}\na: {<<: [*x, [1]]}\n",
            "the merge key '<<' takes a mapping or a list of mappings (<<: *defaults or <<: [*a, *b]), found a list",
            YAMLMark(line: 2, column: 14)
        ),
        (
            "a:\n  <<: {k: 1}\n  <<: {j: 2}\n",
            "the merge key '<<' appears twice in this mapping; merge several mappings with one list: <<: [*a, *b]",
            YAMLMark(line: 3, column: 3)
        ),
    ])
    func aMergeThatCannotMergeIsAnError(text: String, problem: String, mark: YAMLMark) {
        do {
            _ = try YAMLComposer.compose(text, maxDepth: 64)
            Issue.record("no error for \(text)")
        } catch {
            guard case .merge(let p, let m, let first) = error else { Issue.record("\(error)"); return }
            #expect(p == problem)
            #expect(m == mark)
            // A repeated merge key points at the first one too (a note in the finding).
            #expect(first == (problem.contains("twice") ? YAMLMark(line: 2, column: 3) : nil))
        }
    }

    /// 300 generated documents of anchored mappings merging earlier ones (one alias, a
    /// list of them, or a mapping in place; block or flow style; written keys before or
    /// after the merge key) compose to the same mappings as PyYAML's safe_load gives.
    @Test func mergeKeysReadAsPyYAMLReadsThem() throws {
        var rng = SplitMix64(seed: 19)
        let words = ["a", "b", "c", "d", "e", "f"]
        var documents: [String] = []
        for _ in 0..<300 {
            var text = ""
            for i in 0..<Int.random(in: 2...6, using: &rng) {
                var entries = words.shuffled(using: &rng).prefix(Int.random(in: 0...4, using: &rng)).map {
                    "\($0): v\(i)\($0)"
                }
                if i > 0, Int.random(in: 0..<4, using: &rng) > 0 {
                    let earlier = (0..<i).shuffled(using: &rng).prefix(Int.random(in: 1...min(i, 3), using: &rng)).map {
                        "*m\($0)"
                    }
                    let merge =
                        switch Int.random(in: 0..<5, using: &rng) {
                        case 0: "<<: {\(words.randomElement(using: &rng) ?? "a"): inline\(i)}"
                        case 1, 2: "<<: \(earlier[0])"
                        default: "<<: [\(earlier.joined(separator: ", "))]"
                        }
                    entries.insert(merge, at: Int.random(in: 0...entries.count, using: &rng))
                }
                if entries.isEmpty || Bool.random(using: &rng) {
                    text += "m\(i): &m\(i) {\(entries.joined(separator: ", "))}\n"
                } else {
                    text += "m\(i): &m\(i)\n" + entries.map { "  \($0)\n" }.joined()
                }
            }
            documents.append(text)
        }
        let dir = TempFolder()
        let input = dir.write("documents.json", String(decoding: try JSONEncoder().encode(documents), as: UTF8.self))
        let script =
            "import json, sys, yaml; print(json.dumps([yaml.safe_load(d) for d in json.load(open(sys.argv[1]))]))"
        let reference = try JSONDecoder().decode(
            [[String: [String: String]]].self, from: try PythonRunner.run(["-c", script, input]))
        try #require(reference.count == documents.count)
        for (text, expected) in zip(documents, reference) {
            let root = try compose(text).root
            guard case .mapping(let pairs) = root.content else { throw Failure("not a mapping") }
            var actual: [String: [String: String]] = [:]
            for pair in pairs {
                guard case .mapping(let entries) = pair.value.content else { throw Failure("not a mapping") }
                #expect(Set(entries.compactMap(\.key.scalarText)).count == entries.count, "a key twice in \(text)")
                actual[pair.key.scalarText ?? ""] = Dictionary(
                    entries.map { ($0.key.scalarText ?? "", $0.value.scalarText ?? "") },
                    uniquingKeysWith: { first, _ in first })
            }
            #expect(actual == expected, "\(text)")
        }
    }

    // MARK: Errors

    @Test func nothingButCommentsIsNoDocument() throws {
        #expect(try YAMLComposer.compose("", maxDepth: 64) == nil)
        #expect(try YAMLComposer.compose("# just a note\n\n", maxDepth: 64) == nil)
    }

    @Test func aSyntaxErrorCarriesLibyamlsProblemAndContext() throws {
        let error = try #require(syntaxError("relmap: 1\naccount: {id: a, name: [unclosed\n"))
        #expect(error.stage == .syntax)
        #expect(error.problem == "did not find expected ',' or ']'")
        #expect(error.mark == YAMLMark(line: 3, column: 1))
        #expect(error.context?.text == "while parsing a flow sequence")
        #expect(error.context?.mark == YAMLMark(line: 2, column: 24))
    }

    @Test func aSecondDocumentIsAnError() throws {
        let error = try #require(syntaxError("a: 1\n---\nb: [\n"))
        #expect(error.problem == "but found another document")
        #expect(error.mark == YAMLMark(line: 2, column: 1))
        #expect(error.context?.text == "expected a single document in the stream")
    }

    @Test func aControlCharacterIsAReaderErrorAtTheStart() throws {
        let error = try #require(syntaxError("a: b\u{1B}\n"))
        #expect(error.stage == .reader)
        #expect(error.problem == "control characters are not allowed")
        #expect(
            findings(load("relmap: 1\u{1B}\n")) == ["1:1: error: not valid YAML: control characters are not allowed"])
    }

    @Test func nodesDeeperThanTheLimitAreNeverBuilt() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: YAMLComposeError.self) { try YAMLComposer.compose(text, maxDepth: 64) }
        do {
            _ = try YAMLComposer.compose(text, maxDepth: 64)
        } catch {
            guard case .tooDeep(let mark) = error else { Issue.record("\(error)"); return }
            #expect(mark == YAMLMark(line: 1, column: 66))  // the root is at depth 0
        }
    }

    // MARK: Through the loader

    @Test func nestingTheTextScanMissesIsStillRefused() {
        // The scan lets `\"` end a quoted string, so it counts no bracket after it; the
        // composer still refuses the 65th level, before building it.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let text = "relmap: 1\na: \"\\\"\"\nb: \(deep)\nc: \"x\"\naccount: {id: a, name: A}\n"
        #expect(findings(load(text)) == ["3:68: error: the file nests deeper than the limit of 64 levels"])
    }

    @Test func everyRepeatedKeyIsReportedWithItsPath() {
        let text = account(
            people: """
                  - {id: zhao, name: Zhao, name: Z, department: Office}
                  - {id: qian, name: Qian, department: Office, x-crm: 1, x-crm: 2, notes: {likes: golf, likes: tea}}
                """)
        #expect(
            findings(load(text), .error) == [
                "9:28: error: people[0].name: key 'name' appears twice", "9:16: note: first written here",
                "10:58: error: people[1].x-crm: key 'x-crm' appears twice", "10:48: note: first written here",
                "10:89: error: people[1].notes.likes: key 'likes' appears twice", "10:76: note: first written here",
            ])
    }

    @Test func aRepeatedKeyDoesNotHideOtherMistakes() {
        let text = account(rest: "contacts:\n  - {member: wang, person: qian, person: qian}\nrelmap: 1")
        #expect(
            findings(load(text), .error) == [
                "12:34: error: contacts[0].person: key 'person' appears twice", "12:20: note: first written here",
                "13:1: error: relmap: key 'relmap' appears twice", "1:1: note: first written here",
            ])
    }

    @Test func jsonKeepsLinesAndColumnsThroughTheLoader() {
        let json = "{\"relmap\": 1,\n\t\"account\": {\"id\": \"a b\", \"name\": \"A\"}}"
        #expect(
            findings(load(json, path: "a.json"), .error) == [
                "2:20: error: account.id: 'a b' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'"
            ])
    }

    @Test func anAccountReusesABlockThroughMergeKeys() throws {
        let text = """
            relmap: 1
            x-office: &office {department: 总经办, stance: neutral}
            account: {id: acme, name: Acme, as_of: 2026-11-01}
            team: [{id: wang, name: Wang}]
            people:
              - {id: zhao, name: Zhao, <<: *office, roles: [decision-maker]}
              - {id: qian, name: Qian, <<: *office, stance: supporter, reports_to: zhao}
            contacts: [{member: wang, person: qian}]
            """
        let file = load(text)
        #expect(findings(file, .error) == [])
        let people = try #require(file.account?.people)
        #expect(people.map(\.department) == ["总经办", "总经办"])
        #expect(people.map(\.stance) == [.neutral, .supporter])
    }

    @Test func aMistakeInAMergedValueIsReportedWhereTheValueIsWritten() {
        let text =
            "relmap: 1\nx-p: &p {department: D, stance: suporter}\naccount: {id: a, name: A}\npeople:\n  - {id: zhao, name: Z, <<: *p}\n"
        #expect(
            findings(load(text), .error) == [
                "2:33: error: people[0].stance: 'suporter' is not a stance; did you mean 'supporter'?"
            ])
    }

    @Test func mergeKeysCannotCopyABlockPastTenTimesTheFile() {
        // One mapping of 1,000 entries merged into 200 others would be 200,000 copies
        // from a file of about 2,400 values: the 123rd merge (line 126) passes the limit
        // of ten times the values read so far (2,253) plus 100,000.
        let keys = (0..<1000).map { "k\($0): v" }.joined(separator: ", ")
        var text = "relmap: 1\nx-big: &big {\(keys)}\nx-copies:\n"
        for _ in 0..<200 { text += "  - {<<: *big}\n" }
        let start = ContinuousClock.now
        #expect(
            findings(load(text)) == [
                "126:6: error: YAML merge keys (<<: *name copies what &name holds) copy more than 122530 entries into this file's mappings, far more than it holds; refusing to read it"
            ])
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    // MARK: Keys and paths

    @Test(arguments: [
        (TopKey.spellings, TopKey.allCases.count), (AccountKey.spellings, AccountKey.allCases.count),
        (MemberKey.spellings, MemberKey.allCases.count), (PersonKey.spellings, PersonKey.allCases.count),
        (RelationKey.spellings, RelationKey.allCases.count), (ContactKey.spellings, ContactKey.allCases.count),
        (InteractionKey.spellings, InteractionKey.allCases.count),
    ])
    func everyKeySetSpellsEachKeyOnceAndFitsItsFields(spellings: [String], cases: Int) {
        #expect(spellings.count == cases)
        #expect(Set(spellings).count == cases)
        #expect(cases <= 16)  // Fields keeps a slot per key in a SIMD16
        // Keys are matched packed: a spelling that did not pack would never match.
        #expect(spellings.allSatisfy { ShortText($0) != nil })
    }

    @Test func aPackIsTheSameReadInWordsOrByteByByte() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 17), offset = Int(random.next() % 9)
            let bytes = (0..<offset + count + 16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.withUnsafeBufferPointer { buffer in
                let text = UnsafeBufferPointer(rebasing: buffer[offset..<offset + count])
                // With 16 bytes of room the pack is read as two words; without, byte by byte.
                #expect(ShortText(buffer, offset: offset, count: count) == ShortText(text))
                let tight = UnsafeBufferPointer(rebasing: buffer[..<(offset + count)])
                #expect(ShortText(tight, offset: offset, count: count) == ShortText(text))
            }
        }
        // The count is part of the pack: a text and the same text with a zero byte differ.
        #expect(ShortText("id") != ShortText("id\u{0}"))
        #expect(ShortText(String(repeating: "x", count: 17)) == nil)
    }

    @Test func everyWordOfTheFormatReadsAsItself() throws {
        func words<E: FileWord>(_: E.Type) -> [String] { E.allCases.map(\.rawValue) }
        let all =
            words(Tier.self) + words(Stage.self) + words(BuyingRole.self) + words(Stance.self)
            + words(RelationType.self)
        // Matching packs is matching text only for ASCII words of at most 16 bytes.
        #expect(all.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } && ShortText($0) != nil })
        for stance in Stance.allCases {
            for written in [stance.rawValue, "'\(stance.rawValue)'", "\"\(stance.rawValue)\""] {
                let file = load(
                    "relmap: 1\naccount: {id: a, name: A}\npeople:\n  - {id: p, name: P, stance: \(written)}\n")
                #expect(file.account?.people.first?.stance == stance, "\(written)")
            }
        }
        let typo = load("relmap: 1\naccount: {id: a, name: A}\npeople:\n  - {id: p, name: P, stance: supporters}\n")
        #expect(
            findings(typo, .error) == [
                "4:30: error: people[0].stance: 'supporters' is not a stance; did you mean 'supporter'?"
            ])
    }

    @Test func pathsAreWrittenAsMessagesNameThem() {
        #expect("\(ValuePath.topLevel)" == "(top level)")
        #expect("\(ValuePath.topLevel.key("relmap"))" == "relmap")
        #expect("\(ValuePath("account").key("as_of"))" == "account.as_of")
        #expect("\(ValuePath("people").item(3).key("roles").item(1))" == "people[3].roles[1]")
        #expect("\(ValuePath("people").item(0).key("notes").key("likes").item(2))" == "people[0].notes.likes[2]")
    }
}

private struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
