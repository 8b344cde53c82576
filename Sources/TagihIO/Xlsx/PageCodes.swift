import TagihCore

/// A printed page's header and footer in the codes spreadsheets use (`&L`, `&C`, `&R` for
/// the three parts, `&P` and `&N` for page and pages). Text is escaped (`&` doubled) so a
/// name like `Klinik Ibu & Anak` is printed, not read as a code, and cut so the whole stays
/// within Excel's 255 characters.
enum PageCodes {
    static let limit = 255

    /// Operator on the left, the file's title in the middle, the period on the right.
    static func header(_ frame: PrintFrame) -> String {
        "&L" + text(frame.operatorName, 80) + "&C" + text(frame.title, 80) + "&R" + text(frame.period, 60)
    }

    /// The sheet's name on the left, `Page 1 of 3` on the right.
    static func footer(_ frame: PrintFrame) -> String {
        let words = text(frame.pageNumbers, 120)
        return "&L&A&R" + words.replacing("{page}", with: "&P").replacing("{pages}", with: "&N")
    }

    /// Escaped and cut to at most `bytes` UTF-8 bytes, at a character boundary and never
    /// between the two `&` of an escaped one. Line breaks would end the part, so they become spaces.
    static func text(_ value: String, _ bytes: Int) -> String {
        var out = ""
        var used = 0
        for character in value {
            let piece: String
            switch character {
            case "&": piece = "&&"
            case "\n", "\r", "\r\n", "\t": piece = " "
            default: piece = String(character)
            }
            if character.unicodeScalars.contains(where: { $0.value < 0x20 }) && piece != " " { continue }
            guard used + piece.utf8.count <= bytes else { break }
            out += piece
            used += piece.utf8.count
        }
        return out
    }
}
