import Foundation
import TagihCore

public struct MailAddress: Sendable, Equatable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// A file sent with a message: a PDF of the invoice, receipt or credit note.
public struct MailAttachment: Sendable {
    public var fileName: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(fileName: String, contentType: String = "application/pdf", bytes: [UInt8]) {
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// An RFC 5322 message with a text and an HTML part (`multipart/alternative`), UTF-8,
/// quoted-printable, CRLF line ends, and any attachments after them (`multipart/mixed`,
/// base64). Every header value is cleaned of line breaks before it is written, so no name,
/// address or subject can add a header.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var date: Instant
    /// The sender's UTC offset at `date`, for the Date header.
    public var utcOffsetSeconds: Int
    /// Without angle brackets: `INV-2026-11-00031.invoice@nusanet.example`.
    public var messageId: String
    public var text: String
    public var html: String
    public var attachments: [MailAttachment] = []

    public init(from: MailAddress, to: MailAddress, subject: String, date: Instant, utcOffsetSeconds: Int, messageId: String, text: String, html: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
        self.messageId = messageId
        self.text = text
        self.html = html
    }

    /// The message as it goes in a `.eml` file.
    public func rendered() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// The message's bytes, built in one buffer.
    public func bytes() -> [UInt8] {
        let boundary = "=_tagih_" + MailMessage.boundaryToken(messageId)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + html.utf8.count * 11 / 10 + 1024)
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(0x0D)
            out.append(0x0A)
        }
        line(Header.fold("From: " + Header.address(from)))
        line(Header.fold("To: " + Header.address(to)))
        line(Header.fold("Subject: " + Header.encodedText(subject)))
        line("Date: " + MailMessage.rfc5322Date(date, offsetSeconds: utcOffsetSeconds))
        line("Message-ID: <" + Header.without("<> ", Header.clean(messageId)) + ">")
        line("MIME-Version: 1.0")
        let mixed = "=_tagih_mixed_" + MailMessage.boundaryToken(messageId)
        if !attachments.isEmpty {
            line("Content-Type: multipart/mixed; boundary=\"\(mixed)\"")
            line("")
            line("This is a message with attachments.")
            line("--" + mixed)
        }
        line("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        line("")
        if attachments.isEmpty { line("This is a message in two parts: text and HTML.") }
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            line("--" + boundary)
            line("Content-Type: \(type); charset=UTF-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            QuotedPrintable.encode(body, into: &out)
            out.append(0x0D)
            out.append(0x0A)
        }
        line("--" + boundary + "--")
        guard !attachments.isEmpty else { return out }
        for attachment in attachments {
            // The file name is tagih's own (an invoice number made safe), so plain ASCII.
            let name = Header.clean(attachment.fileName).filter { $0 != "\"" && $0 != "\\" }
            line("--" + mixed)
            // Parameters on lines of their own (folded), so long file names stay within 78.
            line("Content-Type: \(attachment.contentType);")
            line(" name=\"\(name)\"")
            line("Content-Disposition: attachment;")
            line(" filename=\"\(name)\"")
            line("Content-Transfer-Encoding: base64")
            line("")
            let encoded = Data(attachment.bytes).base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            out.append(contentsOf: encoded)
            out.append(0x0D)
            out.append(0x0A)
        }
        line("--" + mixed + "--")
        return out
    }

    /// `Sun, 01 Nov 2026 08:00:00 +0700`.
    public static func rfc5322Date(_ instant: Instant, offsetSeconds: Int) -> String {
        let local = instant.seconds + Int64(offsetSeconds)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let seconds = Int(local - days * 86400)
        let date = CivilDate(daysSinceEpoch: Int32(days))
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offset = abs(offsetSeconds)
        return "\(weekdays[date.isoWeekday - 1]), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) \(sign)\(two(offset / 3600))\(two(offset / 60 % 60))"
    }

    /// A short token from the message id, so the boundary is fixed by the data.
    static func boundaryToken(_ seed: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Header values: cleaned, encoded when not plain ASCII, folded to stay under 78 characters.
public enum Header {
    /// Line breaks and other control characters become spaces: they can never start a header.
    public static func clean(_ text: String) -> String {
        // Most values (ids, addresses, names) have no control characters: returned as they are.
        // UTF-8 continuation bytes are all 0x80 or more, so bytes decide it as scalars would.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// `"Klinik \"Sehat\"" <a@b.example>`, or an RFC 2047 encoded name when it is not ASCII.
    public static func address(_ address: MailAddress) -> String {
        let email = without(" <>,", clean(address.email))
        let name = clean(address.name).trimmingCharacters()
        guard !name.isEmpty else { return "<\(email)>" }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let needsEscape = name.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }
            let escaped = needsEscape ? name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") : name
            return "\"\(escaped)\" <\(email)>"
        }
        return encodedWords(name).joined(separator: " ") + " <\(email)>"
    }

    /// `text` without the ASCII characters in `characters` (which are never part of a
    /// multi-byte character, so bytes can be dropped one by one).
    static func without(_ characters: StaticString, _ text: String) -> String {
        let drop = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        guard text.utf8.contains(where: { drop.contains($0) }) else { return text }
        return String(decoding: text.utf8.filter { !drop.contains($0) }, as: UTF8.self)
    }

    /// Plain when ASCII, else RFC 2047 encoded words.
    public static func encodedText(_ text: String) -> String {
        let cleaned = clean(text)
        if cleaned.utf8.allSatisfy({ $0 < 0x80 }) && !startsEncodedWord(cleaned) { return cleaned }
        return encodedWords(cleaned).joined(separator: " ")
    }

    /// Whether `text` holds `=?`, which a reader would take for the start of an encoded word.
    /// (Bytes compared: Foundation's `contains` on strings took a second a month.)
    static func startsEncodedWord(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// `=?UTF-8?B?...?=` words of at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 45 bytes encode to 60 base64 characters: with "=?UTF-8?B?" and "?=" that is 72.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk.removeAll()
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// Folds a header line at spaces so no line exceeds 78 characters where it can be helped.
    public static func fold(_ line: String) -> String {
        // No more bytes than 78 means no more characters: most headers end here uncounted.
        guard line.utf8.count > 78, line.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}

public enum QuotedPrintable {
    /// RFC 2045 quoted-printable of UTF-8 text: lines of at most 76 characters, CRLF line
    /// ends, `=` and bytes outside printable ASCII encoded, trailing blanks encoded, and a
    /// leading `.` encoded so no transport mistakes a line for the end of the message.
    public static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        encode(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The same, appended to `output` as bytes (how messages are built: no String per line).
    public static func encode(_ text: String, into output: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var copy = text
        copy.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + bytes.count / 8)
            var length = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                // Line ends (LF, CR or CRLF) become CRLF.
                if byte == 0x0A || byte == 0x0D {
                    output.append(0x0D)
                    output.append(0x0A)
                    length = 0
                    index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    continue
                }
                // A run of bytes that stand for themselves, copied at once: most of a message.
                var end = index
                let room = 75 - length
                while end < count && end - index < room {
                    let run = bytes[end]
                    if run >= 33 && run <= 126 && run != UInt8(ascii: "=") && !(run == UInt8(ascii: ".") && length == 0 && end == index) {
                        end += 1
                    } else if run == 0x20 || run == 0x09, end + 1 < count, bytes[end + 1] != 0x0A && bytes[end + 1] != 0x0D {
                        end += 1
                    } else {
                        break
                    }
                }
                if end > index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    length += end - index
                    index = end
                    continue
                }
                let next = index + 1 < count ? bytes[index + 1] : 0x0A
                let atLineEnd = next == 0x0A || next == 0x0D
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=") && !(byte == UInt8(ascii: ".") && length == 0))
                    || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
                let width = literal ? 1 : 3
                if length + width > 75 {
                    output.append(UInt8(ascii: "="))
                    output.append(0x0D)
                    output.append(0x0A)
                    length = 0
                }
                if literal && !(byte == UInt8(ascii: ".") && length == 0) {
                    output.append(byte)
                    length += 1
                } else {
                    output.append(UInt8(ascii: "="))
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 15)])
                    length += 3
                }
                index += 1
            }
        }
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}

/// A file name made from data (an invoice number) that stays inside its folder:
/// `INV/2026/11/00001` becomes `INV-2026-11-00001`; no `/`, no `..`, no leading dot.
public enum SafeFileName {
    public static func make(_ text: String) -> String {
        // Bytes, not characters: every byte of a multi-byte character becomes `-`, and a run
        // of them one `-`, as the character would have. (One name per mail: 392,000 a month.)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let keep = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            let kept = keep ? byte : UInt8(ascii: "-")
            // Runs of `-` and of `.` become one: no `..` is left to climb out of the folder.
            if kept == UInt8(ascii: "-") || kept == UInt8(ascii: "."), bytes.last == kept { continue }
            bytes.append(kept)
        }
        let trimmed = { (byte: UInt8) in byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") }
        var start = 0, end = bytes.count
        while start < end, trimmed(bytes[start]) { start += 1 }
        while end > start, trimmed(bytes[end - 1]) { end -= 1 }
        guard start < end else { return "unnamed" }
        return String(decoding: bytes[start..<min(end, start + 120)], as: UTF8.self)
    }
}
