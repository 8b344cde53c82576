/// The invoice-number pattern from settings, e.g. `INV/{YYYY}/{MM}/{SEQ:5}`: `{YYYY}`, `{YY}`,
/// `{MM}`, `{DD}` come from the issue date, `{SEQ:n}` is the sequence zero-padded to at least n.
public struct NumberPattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case literal(String)
        case year4, year2, month, day
        case sequence(width: Int)
    }

    let tokens: [Token]
    public let description: String

    public static let `default` = try! NumberPattern("INV/{YYYY}/{MM}/{SEQ:5}")
    /// The credit notes' own series.
    public static let creditNotes = try! NumberPattern("CN/{YYYY}/{MM}/{SEQ:5}")

    public struct ParseError: Error, Equatable, Sendable {
        public let message: String
    }

    public init(_ text: String) throws(ParseError) {
        var tokens: [Token] = []
        var literal = ""
        var rest = Substring(text)
        var sequences = 0
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw ParseError(message: "has a { without a closing }")
            }
            let name = rest[rest.index(after: open)..<close]
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
            switch name {
            case "YYYY": tokens.append(.year4)
            case "YY": tokens.append(.year2)
            case "MM": tokens.append(.month)
            case "DD": tokens.append(.day)
            case "SEQ": tokens.append(.sequence(width: 1)); sequences += 1
            default:
                if name.hasPrefix("SEQ:"), let width = Int(name.dropFirst(4)), (1...12).contains(width) {
                    tokens.append(.sequence(width: width))
                    sequences += 1
                } else {
                    throw ParseError(message: "has an unknown field {\(name)}; use {YYYY}, {YY}, {MM}, {DD} or {SEQ:n}")
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        guard sequences == 1 else { throw ParseError(message: "must contain {SEQ} or {SEQ:n} exactly once") }
        self.tokens = tokens
        self.description = text
    }

    /// The number for sequence `sequence` issued on `date`.
    public func format(sequence: Int, issued date: CivilDate) -> String {
        let (year, month, day) = date.components
        var result = ""
        for token in tokens {
            switch token {
            case .literal(let text): result += text
            case .year4: result += String(year)
            case .year2: result += twoDigits(year % 100)
            case .month: result += twoDigits(month)
            case .day: result += twoDigits(day)
            case .sequence(let width):
                let digits = String(sequence)
                result += String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }
        return result
    }
}
