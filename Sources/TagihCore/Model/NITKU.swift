/// A place of business known to Coretax (NITKU, "ID TKU"): the taxpayer's 16-digit number and a
/// 6-digit suffix, `000000` for the head office. Tax invoices name the seller's and the buyer's.
public struct NITKU: Sendable, Hashable, CustomStringConvertible {
    /// All 22 digits.
    public let digits: String

    public enum ParseError: Error, Sendable, Equatable {
        case notDigits
        case wrongLength(Int)
        case otherTaxpayer(expected: String)

        public var message: String {
            switch self {
            case .notDigits: return "is not a NITKU (22 digits)"
            case .wrongLength(let count): return "has \(count) digits; a NITKU has 22 (the 16-digit NPWP and 6 more)"
            case .otherTaxpayer(let expected): return "does not start with the 16 digits of tax_id (\(expected))"
            }
        }
    }

    /// The head office of a taxpayer: its 16 digits and `000000`.
    public init(headOfficeOf identity: TaxIdentity) { digits = identity.digits + "000000" }

    /// Reads 22 digits, dots, dashes and spaces allowed between them.
    public static func parse(_ text: String) -> Result<NITKU, ParseError> {
        guard let digits = TaxDigits.strip(text) else { return .failure(.notDigits) }
        guard digits.count == 22 else { return .failure(.wrongLength(digits.count)) }
        return .success(NITKU(digits: digits))
    }

    /// Reads a NITKU that must belong to `identity`: one taxpayer's place of business cannot be
    /// invoiced under another's number.
    public static func parse(_ text: String, of identity: TaxIdentity) -> Result<NITKU, ParseError> {
        parse(text).flatMap { place in
            place.taxNumber == identity.digits ? .success(place) : .failure(.otherTaxpayer(expected: identity.digits))
        }
    }

    private init(digits: String) { self.digits = digits }

    /// The taxpayer's 16 digits.
    public var taxNumber: String { String(digits.prefix(16)) }

    public var description: String { digits }
}
