/// Who a party is to Indonesia's tax office: a taxpayer number (NPWP) or a resident's national
/// id (NIK), both held as the 16 digits Coretax takes.
///
/// Since 2024 (PMK 112/2022, PER-6/PJ/2024) an entity's NPWP is its old 15-digit number with a
/// leading `0`, and a resident individual's NPWP is their NIK, which never starts with `0` (it
/// starts with a province code). So 15 digits, or 16 starting with `0`, are an NPWP; 16 digits
/// starting otherwise are a NIK, which may or may not also be a registered taxpayer's NPWP: the
/// place of business (`NITKU`) given beside it says it is.
public enum TaxIdentity: Sendable, Hashable, CustomStringConvertible {
    case npwp(String)
    case nik(String)

    public enum ParseError: Error, Sendable, Equatable {
        case notDigits
        case wrongLength(Int)
        case allZeros

        public var message: String {
            switch self {
            case .notDigits: return "is not an NPWP (15 or 16 digits; dots, dashes and spaces allowed) or a NIK (16 digits)"
            case .wrongLength(let count): return "has \(count) digits; an NPWP has 15 or 16, a NIK 16"
            case .allZeros: return "is all zeros, which Coretax uses for a buyer without NPWP; leave it empty instead"
            }
        }
    }

    /// The 16 digits Coretax takes.
    public var digits: String {
        switch self {
        case .npwp(let digits), .nik(let digits): return digits
        }
    }

    public var description: String { digits }

    /// Reads `01.234.567.8-901.000`, `0012345678901000` or a NIK `3174061502560010`.
    public static func parse(_ text: String) -> Result<TaxIdentity, ParseError> {
        guard let digits = TaxDigits.strip(text) else { return .failure(.notDigits) }
        guard !digits.allSatisfy({ $0 == "0" }) else { return .failure(.allZeros) }
        switch digits.count {
        case 15: return .success(.npwp("0" + digits))
        case 16: return .success(digits.first == "0" ? .npwp(digits) : .nik(digits))
        default: return .failure(.wrongLength(digits.count))
        }
    }
}

/// How tax numbers are written by hand: digits with dots, dashes or spaces between.
enum TaxDigits {
    /// The digits alone, or nil when anything but digits and those separators is there.
    static func strip(_ text: String) -> String? {
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character != "." && character != "-" && character != " " {
                return nil
            }
        }
        return digits.isEmpty ? nil : digits
    }
}

extension Operator {
    /// The operator's NPWP when `tax_id` holds one (validated when settings are read).
    public var taxIdentity: TaxIdentity? { try? TaxIdentity.parse(taxId).get() }
}

extension Tenant {
    /// The tenant's NPWP or NIK when `tax_id` holds one (validated when tenants are read).
    public var taxIdentity: TaxIdentity? { try? TaxIdentity.parse(taxId).get() }
}
