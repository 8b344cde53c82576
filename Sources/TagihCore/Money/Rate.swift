/// A percentage, always written with its sign in the inputs (`11%`, `0.7%`).
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    /// The number before the `%`: 11 for 11%.
    public let percent: ExactDecimal

    public init(percent: ExactDecimal) { self.percent = percent }

    public static let zero = Rate(percent: .zero)

    public var isZero: Bool { percent.isZero }

    /// 11% as 11/100.
    public var fraction: Fraction { percent.fraction * Fraction(Int128(1), Int128(100)) }

    public var description: String { "\(percent)%" }

    public enum ParseError: Error, Equatable, Sendable {
        case missingPercentSign
        case number(DecimalParseError)
        case negative
        case aboveHundred

        public var message: String {
            switch self {
            case .missingPercentSign: return "is a bare number; write a percent with its sign, like 11%"
            case .number(let error): return error.message
            case .negative: return "is a negative percent"
            case .aboveHundred: return "is more than 100%"
            }
        }
    }

    /// Parses `11%` or `0.7 %`; a bare number is refused so `0.11` and `11` cannot be confused.
    /// Every percent tagih reads (tax, fees, commission, vouchers) is a share of an amount, so
    /// one above 100% is a typing mistake, and refusing it keeps every product of amounts exact.
    public static func parse(_ text: String) -> Result<Rate, ParseError> {
        var body = Substring(text)
        while body.last == " " { body.removeLast() }
        guard body.last == "%" else { return .failure(.missingPercentSign) }
        body.removeLast()
        switch ExactDecimal.parse(String(body)) {
        case .failure(let error): return .failure(.number(error))
        case .success(let value):
            guard !value.isNegative else { return .failure(.negative) }
            guard value <= ExactDecimal(units: 100) else { return .failure(.aboveHundred) }
            return .success(Rate(percent: value))
        }
    }
}
