/// What every upload format asks of a transfer, gathered so that one pass reports all of a
/// transfer's problems at once. Values are checked, never repaired by guessing.
struct PayoutChecks {
    private(set) var problems: [PayoutProblem] = []

    mutating func add(_ problem: PayoutProblem) { problems.append(problem) }

    /// Account-number lengths Xendit gives for the largest banks ("Account length limit",
    /// docs.xendit.co/docs/payout-coverage-indonesia); other banks are not checked.
    static let accountLengths: [BankCode: ClosedRange<Int>] = [
        code("014"): 10...10, // BCA
        code("002"): 13...17, // BRI
        code("009"): 7...11, // BNI
        code("008"): 12...17, // Mandiri
        code("013"): 7...16, // Permata
    ]

    static func code(_ digits: StaticString) -> BankCode {
        guard let code = BankCode("\(digits)") else { preconditionFailure("\(digits) is not a bank code") }
        return code
    }

    mutating func bank(_ written: String, in banks: BankDirectory) -> Bank? {
        guard let bank = banks.bank(written: written) else {
            problems.append(.unknownBank(written: written))
            return nil
        }
        return bank
    }

    mutating func amount(_ money: Money, currencies: Currencies, format: PayoutFormat) -> WholeRupiah? {
        guard money.currency == .idr else {
            problems.append(.currencyNotAccepted(money.currency, format))
            return nil
        }
        guard money.isPositive else {
            problems.append(.notPositive(money))
            return nil
        }
        guard let whole = WholeRupiah(money, currencies: currencies) else {
            problems.append(.notWholeRupiah(money))
            return nil
        }
        return whole
    }

    /// The digits of an account number: spaces, `-` and `.` that group them are read past,
    /// anything else is a problem.
    mutating func account(_ written: String, bank: Bank?) -> String? {
        var digits = ""
        for scalar in written.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case " ", "-", ".": continue
            default:
                problems.append(.accountNotDigits(written: written))
                return nil
            }
        }
        guard !digits.isEmpty else {
            problems.append(written.isEmpty ? .empty(.bankAccount) : .accountNotDigits(written: written))
            return nil
        }
        if let bank, let expected = Self.accountLengths[bank.code], !expected.contains(digits.count) {
            problems.append(.accountLength(bank, digits: digits.count, expected: expected))
            return nil
        }
        return digits
    }

    /// Free text as a bank field takes it: blanks at the ends dropped; empty (when required),
    /// control characters and a leading `=` `+` `-` `@` are problems.
    mutating func text(_ value: String, _ field: PayoutField, required: Bool = true) -> String? {
        let trimmed = value.trimmingBlanks()
        if trimmed.isEmpty {
            if required { problems.append(.empty(field)) }
            return required ? nil : ""
        }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            problems.append(.controlCharacter(field))
            return nil
        }
        if let first = trimmed.unicodeScalars.first, first == "=" || first == "+" || first == "-" || first == "@" {
            problems.append(.formulaLike(field, value: trimmed))
            return nil
        }
        return trimmed
    }

    /// A list of addresses in one cell, within a count and a length.
    mutating func emails(_ text: String, limit: Int, maxLength: Int? = nil, format: PayoutFormat) -> String? {
        guard let checked = self.text(text, .email, required: false) else { return nil }
        let count = checked.split(whereSeparator: { $0 == "," || $0 == ";" }).count
        if count > limit {
            problems.append(.tooManyEmails(count: count, limit: limit, format))
            return nil
        }
        if let maxLength, checked.count > maxLength {
            problems.append(.emailsTooLong(length: checked.count, limit: maxLength, format))
            return nil
        }
        return checked
    }
}
