/// How amounts are written in the operator's own tables (`settings.number_locale`).
public enum NumberStyle: String, Sendable {
    /// `1500000.00`: a dot for decimals, no grouping.
    case dot
    /// `1.500.000,00`: dots group thousands, a comma marks decimals (`number_locale: id`).
    case indonesian
}

public enum DecimalParseError: Error, Equatable, Sendable {
    case empty
    case exponent
    case malformed
    case grouping
    case tooManyDigits

    public var message: String {
        switch self {
        case .empty: return "is empty"
        case .exponent: return "is in exponent form; write the digits out"
        case .malformed: return "is not a decimal number"
        case .grouping: return "has misplaced thousands separators"
        case .tooManyDigits: return "has more than \(ExactDecimal.maxDigits) digits"
        }
    }
}

extension ExactDecimal {
    /// Parses `[-]digits[.digits]` (or the Indonesian grouped form), trimming surrounding blanks.
    /// Works on raw UTF-8 so the payment hot loop never builds a String.
    public static func parse(_ text: UnsafeRawBufferPointer, style: NumberStyle = .dot) -> Result<ExactDecimal, DecimalParseError> {
        var start = 0
        var end = text.count
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return .failure(.empty) }

        var negative = false
        if text[start] == UInt8(ascii: "-") {
            negative = true
            start += 1
        } else if text[start] == UInt8(ascii: "+") {
            start += 1
        }
        guard start < end else { return .failure(.malformed) }

        let decimalMark: UInt8 = style == .dot ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let groupMark: UInt8? = style == .indonesian ? UInt8(ascii: ".") : nil

        var units: Int64 = 0
        var digits = 0
        var scale = 0
        var seenPoint = false
        var digitsInGroup = 0
        var sawGroup = false

        var index = start
        while index < end {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits > 0 || byte != UInt8(ascii: "0") || seenPoint { digits += 1 }
                guard digits <= maxDigits else { return .failure(.tooManyDigits) }
                units = units * 10 + Int64(byte - UInt8(ascii: "0"))
                if seenPoint { scale += 1 } else { digitsInGroup += 1 }
            case decimalMark:
                guard !seenPoint, index > start else { return .failure(.malformed) }
                if sawGroup && digitsInGroup != 3 { return .failure(.grouping) }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                return .failure(.exponent)
            default:
                if let groupMark, byte == groupMark, !seenPoint {
                    if sawGroup {
                        guard digitsInGroup == 3 else { return .failure(.grouping) }
                    } else {
                        guard digitsInGroup >= 1 && digitsInGroup <= 3 else { return .failure(.grouping) }
                    }
                    sawGroup = true
                    digitsInGroup = 0
                } else {
                    return .failure(.malformed)
                }
            }
            index += 1
        }
        if sawGroup && !seenPoint && digitsInGroup != 3 { return .failure(.grouping) }
        if seenPoint && scale == 0 { return .failure(.malformed) }
        guard scale <= maxDigits else { return .failure(.tooManyDigits) }
        return .success(ExactDecimal(units: negative ? -units : units, scale: scale))
    }

    public static func parse(_ text: String, style: NumberStyle = .dot) -> Result<ExactDecimal, DecimalParseError> {
        var copy = text
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0), style: style) }
    }
}
