import ArgumentParser
import Foundation

/// Writes a Salesforce Data Export of one big account (seeded, once): a 72-column
/// Contact.csv in Windows-1252 with accented names (one row in 200 deleted), a Task.csv
/// of list e-mails, open tasks, calls and e-mails, and a User.csv without Name.
/// benchmarks/run times `relmap import salesforce` on it under /usr/bin/time.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-export",
        abstract: "Write a generated Salesforce export for the import benchmark and print its size.")

    @Option var dir: String
    @Option var contacts: Int = 50_000
    @Option var tasks: Int = 200_000

    func run() throws {
        let marker = "\(dir)/.complete-\(contacts)x\(tasks)"
        let fm = FileManager.default
        if !fm.fileExists(atPath: marker) {
            try? fm.removeItem(atPath: dir)
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try write()
            _ = fm.createFile(atPath: marker, contents: Data())
        }
        let bytes = ["Contact.csv", "Task.csv", "User.csv"].reduce(0) { sum, name in
            sum + ((try? fm.attributesOfItem(atPath: "\(dir)/\(name)")[.size] as? Int) ?? 0)
        }
        emit(["bench": "import-export", "dir": dir, "contacts": contacts, "tasks": tasks, "bytes": bytes])
    }

    /// A small linear congruential generator: the same export on every machine.
    struct Seeded {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    func write() throws {
        var rng = Seeded(state: 17)
        let given = [
            "Hélène", "François", "Jürgen", "José", "Zoë", "Søren", "Cécile", "Anne", "Marc", "Björn", "Inès", "Paul",
        ]
        let family = [
            "Dupré", "Lefèvre", "Müller", "Núñez", "Åkesson", "Kjærgaard", "Bœuf", "Martin", "Weiß", "Garçon", "Roux",
        ]
        let titles = [
            "Directeur financier", "Head of IT", "Responsable achats", "Chef de projet", "Ingénieur", "Acheteur",
        ]
        let departments = ["Finance", "Informatique", "Achats", "Opérations", "Direction générale", "Qualité"]
        let account = "0018a00001BigAcAAA"
        let owners = (0..<20).map { String(format: "0058a00000U%04dAAA", $0) }
        func cid(_ i: Int) -> String { String(format: "003%012dAAA", i) }

        var header = ["Id", "IsDeleted", "MasterRecordId", "AccountId", "LastName", "FirstName", "Salutation", "Name"]
        header += (header.count..<72).map { "Extra\($0)__c" }
        header[30] = "ReportsToId"; header[31] = "Email"; header[32] = "Title"; header[33] = "Department"
        var text = header.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
        for i in 0..<contacts {
            var row = [String](repeating: "", count: 72)
            // Numbered family names: no two contacts are one person (a name and title again would merge them).
            let g = given[rng.next(given.count)], f = "\(family[rng.next(family.count)]) \(i)"
            row[0] = cid(i); row[1] = i % 200 == 0 ? "true" : "false"; row[3] = account
            row[4] = f; row[5] = g; row[7] = "\(g) \(f)"
            row[30] = i < 50 ? "" : cid(rng.next(i))
            row[31] = "c\(i)@client.example"; row[32] = titles[rng.next(titles.count)]
            row[33] = departments[rng.next(departments.count)]
            for c in 8..<30 { row[c] = "v\(rng.next(1000))" }
            text += row.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
        }
        guard let latin = text.data(using: .windowsCP1252) else { throw ValidationError("cannot encode the contacts") }
        try latin.write(to: URL(fileURLWithPath: "\(dir)/Contact.csv"))

        var tasksText =
            "Id,WhoId,WhatId,Subject,ActivityDate,Status,OwnerId,Type,IsDeleted,AccountId,IsClosed,TaskSubtype,CompletedDateTime\n"
        for i in 0..<tasks {
            let who = cid(rng.next(contacts)), owner = owners[rng.next(owners.count)]
            let day = String(format: "2023-%02d-%02d", 1 + rng.next(6), 1 + rng.next(28))
            let kind = rng.next(20)
            // 8 in 20 list e-mails, 4 open, 5 calls, 3 e-mails.
            let (subtype, type, status, subject) =
                kind < 8
                ? ("ListEmail", "Email", "Completed", "List Email: Newsletter \(day)")
                : kind < 12
                    ? ("Call", "Call", "Not Started", "Rappeler")
                    : kind < 17
                        ? ("Call", "Call", "Completed", "Appel de suivi")
                        : ("Email", "Email", "Completed", "Email: proposition \(i % 97)")
            let closed = status == "Completed" ? "true" : "false"
            tasksText +=
                "00T\(String(format: "%012d", i))AAA,\(who),\(account),\(subject),\(day),\(status),\(owner),\(type),false,\(account),\(closed),\(subtype),\(day)T10:00:00.000Z\n"
        }
        try Data(tasksText.utf8).write(to: URL(fileURLWithPath: "\(dir)/Task.csv"))
        var users = "Id,FirstName,LastName\n"
        for (i, o) in owners.enumerated() { users += "\(o),User\(i),Team\n" }
        try Data(users.utf8).write(to: URL(fileURLWithPath: "\(dir)/User.csv"))
    }
}
