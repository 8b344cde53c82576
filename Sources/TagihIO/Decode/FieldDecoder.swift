import TagihCore

/// Turns a row's slots into typed values. Every problem becomes a diagnostic naming the
/// field, its value and its position, and decoding goes on so one pass reports them all.
public struct FieldDecoder {
    public let row: RowValues
    public let style: NumberStyle
    public private(set) var diagnostics: [Diagnostic] = []
    /// The largest amount `money` takes, in minor units: `Money.largestMinorUnits` for inputs;
    /// the state, whose balances add up many of them, takes up to `Money.largestRunTotal`.
    let amountLimit: Int64

    public init(row: RowValues, style: NumberStyle = .dot, amountLimit: Int64 = Money.largestMinorUnits) {
        self.row = row
        self.style = style
        self.amountLimit = amountLimit
    }

    public var isValid: Bool { diagnostics.isEmpty }

    public mutating func fail(_ slot: Int, _ message: String) {
        diagnostics.append(Diagnostic(row.location(slot), value: row.rawText(slot), "\(row.schema.name(of: slot)) \(message)"))
    }

    public mutating func failRow(_ message: String) {
        diagnostics.append(Diagnostic(row.rowLocation, message))
    }

    private mutating func missing(_ slot: Int) {
        diagnostics.append(Diagnostic(row.location(slot), "\(row.schema.name(of: slot)) is required but empty"))
    }

    /// Trimmed text, nil when absent; a required absent field is reported.
    public mutating func text(_ slot: Int, required: Bool = false) -> String? {
        guard row.has(slot) else {
            if required { missing(slot) }
            return nil
        }
        switch row.checkedText(slot) {
        case .success(let text)?: return text
        case .failure(.controlCharacter)?: fail(slot, "contains a line break or control character")
        case .failure(.invalidUTF8)?: fail(slot, "is not valid UTF-8 text")
        case nil: break
        }
        return nil
    }

    /// An identifier: required, one line, no leading or trailing blanks.
    public mutating func identifier(_ slot: Int) -> String? {
        text(slot, required: true)
    }

    public mutating func decimal(_ slot: Int, required: Bool = false, style: NumberStyle? = nil, ignoringCommas: Bool = false) -> ExactDecimal? {
        guard row.has(slot) else {
            if required { missing(slot) }
            return nil
        }
        let result = row.withBytes(slot) { bytes -> Result<ExactDecimal, DecimalParseError> in
            guard ignoringCommas, bytes.contains(UInt8(ascii: ",")) else { return ExactDecimal.parse(bytes, style: style ?? self.style) }
            let kept = bytes.filter { $0 != UInt8(ascii: ",") }
            return kept.withUnsafeBytes { ExactDecimal.parse($0, style: .dot) }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            fail(slot, error.message)
            return nil
        }
    }

    /// An amount in `currency`: no more decimals than ISO 4217 gives it, never negative.
    public mutating func price(_ slot: Int, currency: Currency, required: Bool = false) -> ExactDecimal? {
        guard let value = decimal(slot, required: required) else { return nil }
        if value.isNegative {
            fail(slot, "is negative")
            return nil
        }
        if value.significantScale > currency.isoExponent {
            fail(slot, "has more decimals than \(currency.code) allows (\(currency.isoExponent))")
            return nil
        }
        if value.fraction > Fraction(Int128(Money.largestMinorUnits), Int128(pow10(currency.minorUnits))) {
            fail(slot, FieldDecoder.tooLarge(currency))
            return nil
        }
        return value
    }

    /// The message for a line (price x units x months) above `Money.largestMinorUnits`.
    public static func lineTooLarge(units: Int, months: Int, currency: Currency) -> String {
        "makes a line of price x \(units) unit\(units == 1 ? "" : "s") x \(months) month\(months == 1 ? "" : "s") larger than the largest amount tagih takes (\(currency.code) \(ExactDecimal(units: Money.largestMinorUnits, scale: currency.minorUnits)))"
    }

    /// The message for an amount above `Money.largestMinorUnits`.
    public static func tooLarge(_ currency: Currency, limit: Int64 = Money.largestMinorUnits) -> String {
        "is larger than the largest amount tagih takes (\(currency.code) \(ExactDecimal(units: limit, scale: currency.minorUnits)))"
    }

    /// Money actually moved (a payment, a fee): must be exact in the currency's billing units.
    public mutating func money(
        _ slot: Int, currency: Currency, required: Bool = false, allowNegative: Bool = false, style: NumberStyle? = nil,
        ignoringCommas: Bool = false
    ) -> Money? {
        guard let value = decimal(slot, required: required, style: style, ignoringCommas: ignoringCommas) else { return nil }
        if value.isNegative && !allowNegative {
            fail(slot, "is negative")
            return nil
        }
        guard let minor = value.exactMinorUnits(currency.minorUnits) else {
            if currency.minorUnits == 0 {
                fail(slot, "has a fraction, but \(currency.code) is billed in whole units")
            } else {
                fail(slot, "has more decimals than \(currency.code) allows (\(currency.minorUnits))")
            }
            return nil
        }
        guard minor.magnitude <= amountLimit.magnitude else {
            fail(slot, FieldDecoder.tooLarge(currency, limit: amountLimit))
            return nil
        }
        return Money(minor: minor, currency: currency.code)
    }

    public mutating func date(_ slot: Int, required: Bool = false) -> CivilDate? {
        guard row.has(slot) else {
            if required { missing(slot) }
            return nil
        }
        switch row.withBytes(slot, { CivilDate.parse($0) }) {
        case .success(let date): return date
        case .failure(let error):
            fail(slot, error.message)
            return nil
        }
    }

    /// A timestamp; one without an offset is read in `zone`.
    public mutating func instant(_ slot: Int, zone: Zone, required: Bool = false) -> Instant? {
        guard row.has(slot) else {
            if required { missing(slot) }
            return nil
        }
        switch row.withBytes(slot, { ParsedTimestamp.parse($0) }) {
        case .success(let parsed):
            let instant = parsed.resolve(in: zone)
            let year = zone.date(of: instant).year
            guard CivilDate.validYears.contains(year) else {
                fail(slot, DateParseError.outOfRange.message)
                return nil
            }
            return instant
        case .failure(let error):
            fail(slot, error.message)
            return nil
        }
    }

    /// A whole number in `range`, written with digits only.
    public mutating func integer(_ slot: Int, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard row.has(slot) else {
            if required { missing(slot) }
            return nil
        }
        guard case .success(let value) = row.withBytes(slot, { ExactDecimal.parse($0, style: .dot) }),
              value.significantScale == 0 else {
            fail(slot, "is not a whole number")
            return nil
        }
        let whole = Int(value.units / pow10(value.scale))
        guard range.contains(whole) else {
            fail(slot, "is out of range (\(range.lowerBound) to \(range.upperBound))")
            return nil
        }
        return whole
    }

    /// `true`/`false`, `yes`/`no`, `1`/`0` in any case.
    public mutating func bool(_ slot: Int) -> Bool? {
        guard row.has(slot) else { return nil }
        for word: StaticString in ["true", "yes", "y", "1"] where row.equalsIgnoringCase(slot, word) { return true }
        for word: StaticString in ["false", "no", "n", "0"] where row.equalsIgnoringCase(slot, word) { return false }
        fail(slot, "is not true or false")
        return nil
    }

    /// One of the enum's raw values, case-insensitively (compared on bytes: no String is made).
    public mutating func choice<E: RawRepresentable & CaseIterable>(_ slot: Int, _ type: E.Type, required: Bool = false) -> E? where E.RawValue == String {
        guard row.has(slot) else {
            if required { missing(slot) }
            return nil
        }
        for value in E.allCases where row.equalsIgnoringCase(slot, value.rawValue) { return value }
        fail(slot, "is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// Whether the value is one of `words`, ignoring case.
    public func isWord(_ slot: Int, in words: [StaticString]) -> Bool {
        words.contains { row.equalsIgnoringCase(slot, $0) }
    }

    /// A `|`-separated list (a YAML list arrives joined the same way); blanks dropped.
    public mutating func list(_ slot: Int) -> [String] {
        guard let text = text(slot) else { return [] }
        return text.split(separator: "|").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }

    public mutating func currency(_ slot: Int, in currencies: Currencies) -> CurrencyCode? {
        guard row.has(slot) else { return nil }
        let code = row.withTrimmedBytes(slot) { CurrencyCode(bytes: $0) }
        guard let code, currencies.isKnown(code) else {
            fail(slot, "is not a known ISO 4217 currency code")
            return nil
        }
        return code
    }

    /// An email address fit for a mail header: one `@`, no blanks, no line breaks, no `<>`.
    public mutating func email(_ slot: Int, required: Bool = false) -> String? {
        guard let text = text(slot, required: required) else { return nil }
        guard EmailAddress.isPlausible(text) else {
            fail(slot, "is not an email address")
            return nil
        }
        return text
    }
}

public enum EmailAddress {
    /// Enough to keep bad addresses (and header injection) out; delivery is the mailer's job.
    /// One `@` with something before it and a dotted domain after it; no blanks, controls or
    /// characters that mean something in a mail header.
    public static func isPlausible(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= 254 else { return false }
        var at = -1
        var index = 0
        var dotAfterAt = false
        var last: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "@"):
                if at >= 0 { return false }
                at = index
            case 0x00...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"),
                 UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: "."):
                if at >= 0 {
                    if index == at + 1 { return false }
                    dotAfterAt = true
                }
            default:
                break
            }
            last = byte
            index += 1
        }
        return at > 0 && dotAfterAt && last != UInt8(ascii: ".") && at < index - 1
    }
}
