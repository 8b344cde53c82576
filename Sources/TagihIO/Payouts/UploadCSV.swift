/// RFC 4180 lines for upload files: every value exactly as given. Unlike `CSVWriter`, no `'`
/// goes in front of text a spreadsheet would run as a formula: a bank or payout service would
/// take the `'` as part of the name. Such values are refused before they get here
/// (`PayoutProblem.formulaLike`). Fields with a comma, a quote, a line break or blanks at
/// either end are quoted, quotes doubled. Lines end in CRLF, as RFC 4180 and Excel (which
/// operators fill these templates with) write them.
enum UploadCSV {
    static func line(_ fields: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = field.utf8
            let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
                || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            if quoted { bytes.append(UInt8(ascii: "\"")) }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
        return bytes
    }
}
