import Foundation

/// Makes the short ASCII ids an account file uses (`zhao-jg`, `john-smith`) from the
/// names a CRM holds, unique across people and team (they share one namespace).
///
/// A Chinese name becomes the pinyin of the surname and the initials of the given name
/// (赵建国 -> zhao-jg), the habit of the sample accounts; other names become their words
/// without accents (José Núñez -> jose-nunez). The pinyin comes from ICU's Han-Latin
/// transliteration through Foundation, so it is the same on every run. A name that
/// gives nothing usable falls back to `fallback` (a CRM id), and a repeated id gets
/// -2, -3, ... in the order names are offered, which is file order.
struct ImportedIds {
    private var taken = Set<String>()

    /// Compound surnames, which take two characters (欧阳修 -> ouyang-x).
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "夏侯",
        "公孙", "司徒", "轩辕", "端木", "独孤", "南宫", "西门", "申屠", "澹台", "呼延", "百里", "东郭",
    ]

    /// Claims an id for a person or team member.
    mutating func make(surname: String = "", given: String = "", fullName: String, fallback: String) -> String {
        let base =
            Self.base(surname: surname, given: given, fullName: fullName)
            ?? Self.sanitize(fallback) ?? "person"
        return claim(base)
    }

    /// Claims `id` as it is when it is free, else with a number.
    mutating func claim(_ base: String) -> String {
        var id = base, n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }

    func isTaken(_ id: String) -> Bool { taken.contains(id) }

    /// The id a name suggests, before uniqueness; nil when it has nothing usable.
    static func base(surname: String, given: String, fullName: String) -> String? {
        let name = fullName.trimmingCharacters(in: .whitespaces)
        if isChinese(name) {
            var family = surname.trimmingCharacters(in: .whitespaces)
            var rest = given.trimmingCharacters(in: .whitespaces)
            if family.isEmpty || !isChinese(family) || (rest.isEmpty && family == name) {
                // One field holds the whole name: split off the surname.
                let two = String(name.prefix(2))
                let cut = compoundSurnames.contains(two) && name.count > 2 ? 2 : 1
                family = String(name.prefix(cut))
                rest = String(name.dropFirst(cut))
            }
            let surnameWords = latinWords(family)
            let initials = latinWords(rest).compactMap(\.first).map(String.init).joined()
            let joined = [surnameWords.joined(), initials].filter { !$0.isEmpty }.joined(separator: "-")
            return sanitize(joined)
        }
        return sanitize(latinWords(name).joined(separator: "-"))
    }

    /// Lower-case ASCII words of a name, through pinyin for Chinese characters.
    static func latinWords(_ text: String) -> [String] {
        // ICU's transforms are slow; Latin text needs at most the marks stripped, ASCII nothing.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let isLatin = isASCII || text.unicodeScalars.allSatisfy { $0.value < 0x250 }
        let latin = isLatin ? text : text.applyingTransform(.toLatin, reverse: false) ?? text
        let plain = isASCII ? latin : latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        // Letters that are not a base letter with a mark, so stripping marks leaves them.
        let ascii = plain.lowercased().map { unaccented[$0] ?? String($0) }.joined()
        return
            ascii
            .split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            .map(String.init)
    }

    static let unaccented: [Character: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// Letters, digits and single `-` only, at most 40 characters; nil when nothing is left.
    static func sanitize(_ raw: String) -> String? {
        var out = ""
        for c in raw.lowercased().unicodeScalars {
            if NodeReader.isIdentifierScalar(c) && c != "_" {
                if c == "-" && (out.isEmpty || out.hasSuffix("-")) { continue }
                out.unicodeScalars.append(c)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 40 { out = String(out.prefix(40)); while out.hasSuffix("-") { out.removeLast() } }
        return out.isEmpty ? nil : out
    }

    /// True when the name is mostly Chinese characters.
    static func isChinese(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        let han = scalars.filter { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
        return !han.isEmpty && han.count * 2 >= scalars.count
    }
}

/// Salesforce ids are 15 characters, case-sensitive, or 18 with a 3-character checksum;
/// reports export the first form and Data Loader the second. Both name one record.
enum SalesforceId {
    static func key(_ raw: String) -> String {
        let id = CSVRecord.trimmed(raw)
        return id.utf8.count == 18 ? String(id.prefix(15)) : id
    }
}
