import TagihCore

/// RFC 4180 output with CRLF line ends. In files meant for spreadsheets, text that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) gets a leading `'`; machine files (`guardFormulas: false`) carry values exactly.
/// Amounts are plain numbers in the currency's minor-unit rules (`1500000`, `12.50`).
public final class CSVWriter: RowSink {
    private let writer: BufferedWriter
    private let currencies: Currencies
    private let guardFormulas: Bool
    private var line: [UInt8] = []

    public init(path: String, header: [String], currencies: Currencies, guardFormulas: Bool = true) throws {
        writer = try BufferedWriter(path: path)
        self.currencies = currencies
        self.guardFormulas = guardFormulas
        try writeLine(header.map { Cell.text($0) })
    }

    public convenience init(path: String, layout: SheetLayout, currencies: Currencies) throws {
        try self.init(path: path, header: layout.columns.map(\.title), currencies: currencies)
    }

    public func append(_ row: [Cell]) throws { try writeLine(row) }

    public func close() throws { try writer.close() }

    private func writeLine(_ row: [Cell]) throws {
        line.removeAll(keepingCapacity: true)
        for (index, cell) in row.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            switch cell {
            case .empty: break
            case .text(let text): appendText(text)
            case .integer(let value): line.append(contentsOf: String(value).utf8)
            case .money(let money):
                let minorUnits = currencies(money.currency)?.minorUnits ?? 2
                line.append(contentsOf: ExactDecimal(units: money.minor, scale: minorUnits).description.utf8)
            case .date(let date): line.append(contentsOf: date.description.utf8)
            case .dateTime(let seconds):
                let text = Instant(seconds: seconds).description // local wall-clock time, written without a zone
                line.append(contentsOf: String(text.dropLast()).replacing("T", with: " ").utf8)
            case .decimal(let value): line.append(contentsOf: value.description.utf8)
            case .percent(let fraction):
                let percent = fraction * Fraction(Int128(100))
                let hundredths = (percent * Fraction(Int128(100))).roundedHalfUp()
                line.append(contentsOf: (ExactDecimal(units: Int64(hundredths), scale: 2).description + "%").utf8)
            }
        }
        line.append(0x0D)
        line.append(0x0A)
        try line.withUnsafeBytes { try writer.write(bytes: $0) }
    }

    private func appendText(_ text: String) {
        let neutralise = guardFormulas && CSVWriter.looksLikeFormula(text)
        let needsQuotes = neutralise || text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || text.first == " " || text.last == " "
        if needsQuotes { line.append(UInt8(ascii: "\"")) }
        if neutralise { line.append(UInt8(ascii: "'")) }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { line.append(byte) }
            line.append(byte)
        }
        if needsQuotes { line.append(UInt8(ascii: "\"")) }
    }

    /// Whether a spreadsheet opening the CSV would treat the text as a formula.
    public static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }
}
