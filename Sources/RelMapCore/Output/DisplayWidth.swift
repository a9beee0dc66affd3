/// How many terminal columns text takes: CJK and other wide characters take two,
/// combining marks and format characters none. Enough of Unicode's East Asian Width
/// for the text account files hold; Foundation has no `wcwidth`.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ c: Unicode.Scalar) -> Int {
        let v = c.value
        if v == 0 { return 0 }
        switch c.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Text safe to print on a terminal: control characters (which could move the
    /// cursor, change colours or retitle the window) become U+FFFD, and bidirectional
    /// overrides are dropped so they cannot reorder the rest of the line.
    public static func terminalSafe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c.value {
            case 0x00...0x1F, 0x7F...0x9F: out.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: continue
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for c in text.unicodeScalars {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        out.append("…")
        return String(out)
    }
}
