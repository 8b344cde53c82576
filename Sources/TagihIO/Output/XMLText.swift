/// Element text for XML files tagih writes itself: markup characters escaped, and characters
/// XML 1.0 cannot carry at all (control characters, U+FFFE, U+FFFF) replaced by U+FFFD, so no
/// value (a tenant named `A & B <Cabang>`) can break the document or its parser.
public enum XMLText {
    /// Appends `text` as escaped UTF-8 to `bytes`.
    public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            // A raw CR would come back as a line feed from any parser.
            case "\r": bytes.append(contentsOf: "&#13;".utf8)
            case "\t", "\n": bytes.append(UInt8(scalar.value))
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    bytes.append(contentsOf: "\u{FFFD}".utf8)
                } else if value < 0x80 {
                    bytes.append(UInt8(value))
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
    }

    public static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
