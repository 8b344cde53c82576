/// A tenant's field an upload file carries.
public enum PayoutField: String, Sendable, Hashable, CustomStringConvertible {
    case bankCode = "bank_code"
    case bankAccount = "bank_account"
    case bankHolder = "bank_holder"
    case email

    public var description: String { rawValue }
}

/// Why a transfer cannot go into an upload file as it stands. The transfer stays in
/// `payouts.csv`; the operator fixes the tenant's row or pays it by hand.
public enum PayoutProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The tenant's `bank_code` names no bank tagih knows for certain.
    case unknownBank(written: String)
    /// The service has no channel for this bank.
    case bankNotOffered(Bank, PayoutFormat)
    /// The service pays out rupiah only.
    case currencyNotAccepted(CurrencyCode, PayoutFormat)
    /// Sen cannot be sent: the upload takes whole rupiah.
    case notWholeRupiah(Money)
    case notPositive(Money)
    /// An account number must be digits (spaces, `-` and `.` between them are read past).
    case accountNotDigits(written: String)
    /// The bank's account numbers have another length.
    case accountLength(Bank, digits: Int, expected: ClosedRange<Int>)
    case empty(PayoutField)
    /// Starts with `=`, `+`, `-` or `@`: a spreadsheet opening the upload would run it as a
    /// formula, and an upload file must carry the value exactly, without the `'` that
    /// tagih's other CSV files put in front.
    case formulaLike(PayoutField, value: String)
    /// A tab, line break or other control character, which no bank field takes.
    case controlCharacter(PayoutField)
    case tooManyEmails(count: Int, limit: Int, PayoutFormat)
    case emailsTooLong(length: Int, limit: Int, PayoutFormat)

    public var description: String {
        switch self {
        case .unknownBank(let written):
            return "bank_code \"\(written)\" is not a bank tagih knows; write its 3-digit code (014 for BCA) or a name such as BCA, BRI, Bank Mandiri"
        case .bankNotOffered(let bank, let format):
            return "\(format.title) has no channel for bank \(bank)"
        case .currencyNotAccepted(let currency, let format):
            return "\(format.title) pays out IDR only, not \(currency)"
        case .notWholeRupiah(let money):
            return "the amount \(money.minor) (minor units) is not whole rupiah, which the upload takes"
        case .notPositive(let money):
            return "the amount \(money.minor) (minor units) is not positive"
        case .accountNotDigits(let written):
            return "bank_account \"\(written)\" is not an account number of digits"
        case .accountLength(let bank, let digits, let expected):
            let range = expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)"
            return "bank_account has \(digits) digits; \(bank.name) account numbers have \(range)"
        case .empty(let field):
            return "\(field) is empty"
        case .formulaLike(let field, let value):
            return "\(field) \"\(value)\" starts with \(value.prefix(1)), which a spreadsheet runs as a formula; upload files carry no such value"
        case .controlCharacter(let field):
            return "\(field) holds a tab, line break or other control character"
        case .tooManyEmails(let count, let limit, let format):
            return "email lists \(count) addresses; \(format.title) takes at most \(limit)"
        case .emailsTooLong(let length, let limit, let format):
            return "email is \(length) characters; \(format.title) takes at most \(limit)"
        }
    }
}

/// Every problem of one transfer in one format, as `Result`'s failure.
public struct PayoutProblems: Error, Sendable, Equatable {
    public let problems: [PayoutProblem]

    public init(_ problems: [PayoutProblem]) { self.problems = problems }
}

/// A problem of one transfer in one format, for the run's `errors.csv`.
public struct PayoutIssue: Sendable, Hashable, CustomStringConvertible {
    public let format: PayoutFormat
    public let tenantId: String
    public let reference: String
    public let problem: PayoutProblem

    public init(format: PayoutFormat, tenantId: String, reference: String, problem: PayoutProblem) {
        self.format = format
        self.tenantId = tenantId
        self.reference = reference
        self.problem = problem
    }

    /// `PO-KLK001-20261102 (tenant KLK001) left out of the OY! bulk disbursement file: ...`.
    public var description: String {
        "\(reference) (tenant \(tenantId)) left out of the \(format.title) file: \(problem)"
    }
}
