/// One row of OY!'s bulk disbursement upload (oyindonesia/oybayar-docs, "Bulk Disbursement":
/// "The following list of items are required in your CSV file"), in the documented order.
public struct OYRow: Sendable, Equatable {
    /// The documented column names; the last is listed as "Notes (Optional)".
    public static let header = ["Name", "Email", "Amount", "Bank Code", "Bank Account Number", "Phone Number", "Notes"]

    /// The account holder: OY! can check it against the bank's name for the account.
    public var name: String
    /// Up to 5 addresses, 255 characters in all, that get OY!'s "Incoming Transfer Alert".
    public var email: String
    public var amount: WholeRupiah
    /// The numeric interbank code, leading zeros kept (`014`).
    public var bankCode: BankCode
    public var accountNumber: String
    /// For the operator's records only (OY! neither checks nor sends it); E.164 digits, or
    /// empty when the tenant has no readable phone.
    public var phone: String
    /// The transfer's reference; shown on the statement at BCA, BNI, BRI, CIMB, DBS, Mandiri, Permata.
    public var notes: String

    public init(name: String, email: String, amount: WholeRupiah, bankCode: BankCode, accountNumber: String, phone: String, notes: String) {
        self.name = name
        self.email = email
        self.amount = amount
        self.bankCode = bankCode
        self.accountNumber = accountNumber
        self.phone = phone
        self.notes = notes
    }

    /// The cells in header order, as text.
    public var fields: [String] { [name, email, amount.description, bankCode.digits, accountNumber, phone, notes] }
}

/// OY!'s rules for a bulk row.
public enum OYBulk {
    public static let emailLimit = 5
    public static let emailLength = 255

    /// The row for a transfer, or every reason it cannot be one.
    public static func row(for transfer: PayoutTransfer, currencies: Currencies, banks: BankDirectory = .indonesia) -> Result<OYRow, PayoutProblems> {
        var checks = PayoutChecks()
        // Every bank in the directory is on OY!'s list: its codes are the directory's codes.
        let bank = checks.bank(transfer.account.code, in: banks)
        let amount = checks.amount(transfer.amount, currencies: currencies, format: .oy)
        let account = checks.account(transfer.account.account, bank: bank)
        let holder = checks.text(transfer.account.holder, .bankHolder)
        let email = checks.emails(transfer.email, limit: emailLimit, maxLength: emailLength, format: .oy)
        guard checks.problems.isEmpty, let bank, let amount, let account, let holder, let email else {
            return .failure(PayoutProblems(checks.problems))
        }
        return .success(OYRow(name: holder, email: email, amount: amount, bankCode: bank.code, accountNumber: account,
                              phone: PhoneNumber.e164(transfer.phone) ?? "", notes: transfer.reference))
    }
}
