/// How many terminal columns text takes: CJK and other wide characters take two,
/// combining marks and format characters none. Enough of Unicode's East Asian Width
/// for the text account files hold; Foundation has no `wcwidth`.
public enum DisplayWidth {
    /// The columns `text` takes in a terminal: the sum of its scalars' widths.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// 2 for wide scalars (CJK, Hangul, fullwidth forms, emoji); 0 for NUL, combining marks and format
    /// characters; else 1.
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
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
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

    /// `text` broken into lines of at most `width` columns, nothing cut: at spaces, and
    /// between two wide (CJK) characters or next to one, which Chinese text breaks at;
    /// inside a word only when the word alone is wider than a line. The spaces a line
    /// breaks at are dropped. At least one line (empty for empty text).
    public static func wrap(_ text: String, to width: Int) -> [String] {
        let width = max(1, width)
        guard of(text) > width else { return [text] }
        // Pieces no line breaks inside: runs of narrow characters, and each wide one alone;
        // `spaced` when spaces came before the piece.
        var pieces: [(text: String.UnicodeScalarView, width: Int, spaced: Bool)] = []
        var spaced = false
        for c in text.unicodeScalars {
            if c == " " {
                spaced = true
                continue
            }
            let w = of(c)
            // A combining mark stays with what it marks, closing punctuation with what it
            // closes (no line starts with "）" or "、"); narrow characters run together.
            if !spaced, let end = pieces.last?.text.last,
                w == 0 || closing.contains(c) || (w < 2 && of(end) < 2)
            {
                pieces[pieces.count - 1].text.append(c)
                pieces[pieces.count - 1].width += w
            } else {
                pieces.append((String.UnicodeScalarView([c]), w, spaced))
            }
            spaced = false
        }
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var used = 0
        for piece in pieces {
            let gap = piece.spaced && used > 0 ? 1 : 0
            if used > 0, used + gap + piece.width > width {
                lines.append(String(line))
                (line, used) = (String.UnicodeScalarView(), 0)
            }
            if used > 0, gap == 1 {
                line.append(" ")
                used += 1
            }
            // A piece wider than a whole line is cut where the line ends.
            for c in piece.text {
                let w = of(c)
                if used > 0, used + w > width {
                    lines.append(String(line))
                    (line, used) = (String.UnicodeScalarView(), 0)
                }
                line.append(c)
                used += w
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(line)) }
        return lines
    }

    /// Punctuation a line must not start with.
    private static let closing: Set<Unicode.Scalar> = Set("、。，．）」』】〉》；：！？,.;:!?)]}".unicodeScalars)

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
