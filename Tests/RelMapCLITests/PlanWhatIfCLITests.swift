import Foundation
import Testing

/// `relmap plan` and `relmap whatif` as a user runs them: an id the account does not have
/// names the flag it came from, a change written wrongly is a usage error naming its flag,
/// and every format prints.
struct PlanWhatIfCLITests {
    static let northSteel = "graphs/north-steel.yaml"

    @Test func anIdTheAccountLacksNamesItsFlagAndExits64() throws {
        let leave = try CLI.run(["whatif", Self.northSteel, "--leave", "zhaoo"])
        #expect(leave.status == 64)
        #expect(leave.stdout == "")
        #expect(
            leave.stderr == "relmap: --leave zhaoo: no person or team member with id 'zhaoo'; did you mean 'zhao'?\n")
        let contact = try CLI.run(["whatif", Self.northSteel, "--contact", "zhao:zhao"])
        #expect(
            contact.stderr == "relmap: --contact zhao: 'zhao' is a person in the account; name a member of our team\n")
        let capacity = try CLI.run(["plan", Self.northSteel, "--capacity", "zhao=1"])
        #expect(capacity.status == 64)
        #expect(
            capacity.stderr == "relmap: --capacity zhao: 'zhao' is a person in the account; name a member of our team\n"
        )
        let member = try CLI.run(["plan", Self.northSteel, "--member", "zhao"])
        #expect(
            member.stderr == "relmap: --member zhao: 'zhao' is a person in the account; name a member of our team\n")
    }

    @Test func aChangeWrittenWronglyIsAUsageErrorNamingItsFlag() throws {
        let form = try CLI.run(["whatif", Self.northSteel, "--stance", "zhao"])
        #expect(form.status == 64)
        #expect(
            form.stderr.hasPrefix(
                "Error: The value 'zhao' is invalid for '--stance <id=stance>': expected ID=STANCE, e.g. zhao=supporter\n"
            ))
        #expect(form.stderr.contains("\nUsage: relmap whatif "))
        let word = try CLI.run(["whatif", Self.northSteel, "--contact", "wang:zhao:strnog"])
        #expect(word.status == 64)
        #expect(
            word.stderr.contains(
                "'--contact <member:id[:strength]>': 'strnog' is not a strength "
                    + "(weak, medium, strong, or a number above 0 and at most 1); did you mean 'strong'?\n"))
        let stance = try CLI.run([
            "whatif", Self.northSteel, "--stance", "zhao=Supporter", "--contact", "wang:zhao:0.5",
        ])
        #expect(stance.status == 0, "\(stance.stderr)")
    }

    @Test func everyFormatPrintsToStandardOutput() throws {
        let expected: [(String, String)] = [
            ("table", "华北钢铁集团 (north-steel)"), ("markdown", "## 华北钢铁集团 (north-steel)"),
            ("csv", "account,section,subject,before,after,detail"), ("json", "{"),
        ]
        for (format, start) in expected {
            let r = try CLI.run(["whatif", Self.northSteel, "--leave", "zhao", "--format", format])
            #expect(r.status == 0)
            #expect(r.stdout.hasPrefix(start), "\(format)")
            #expect(r.stdout.utf8.last == UInt8(ascii: "\n"), "\(format)")
        }
    }
}
