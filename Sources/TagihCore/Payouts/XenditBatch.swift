/// One row of Xendit's batch payout template (docs.xendit.co/docs/batch-payouts-via-dashboard),
/// its columns in the documented order.
public struct XenditRow: Sendable, Equatable {
    public static let header = ["Reference ID", "Amount", "Channel Code", "Bank Account Name", "Bank Account Number",
                                "Description", "Email", "Email CC", "Email BCC"]

    /// The transfer's reference, which Xendit's reports and callbacks carry back.
    public var referenceId: String
    public var amount: WholeRupiah
    public var channelCode: XenditChannelCode
    public var accountName: String
    public var accountNumber: String
    /// Shown on the recipient's statement where the bank supports it; within the bank's limit.
    public var description: String
    /// Up to 3 addresses that get Xendit's receipt.
    public var email: String
    public var emailCC: String
    public var emailBCC: String

    public init(referenceId: String, amount: WholeRupiah, channelCode: XenditChannelCode, accountName: String, accountNumber: String,
                description: String, email: String, emailCC: String = "", emailBCC: String = "") {
        self.referenceId = referenceId
        self.amount = amount
        self.channelCode = channelCode
        self.accountName = accountName
        self.accountNumber = accountNumber
        self.description = description
        self.email = email
        self.emailCC = emailCC
        self.emailBCC = emailBCC
    }

    /// The cells in header order, as text.
    public var fields: [String] {
        [referenceId, amount.description, channelCode.text, accountName, accountNumber, description, email, emailCC, emailBCC]
    }
}

/// Xendit's rules for a batch row.
public enum XenditBatch {
    /// Most description characters a bank shows ("Payout Identifier", docs.xendit.co/docs/payouts-indonesia).
    /// BCA, CIMB and Maybank allow more outside IDR 10,000-50,000,000; the shorter limit is
    /// used at every amount so the description never depends on it. Banks Xendit does not
    /// list get the shortest documented limit, 14.
    static let descriptionLimits: [BankCode: Int] = [
        PayoutChecks.code("014"): 15, // BCA
        PayoutChecks.code("002"): 29, // BRI
        PayoutChecks.code("009"): 14, // BNI
        PayoutChecks.code("008"): 14, // Mandiri
        PayoutChecks.code("013"): 20, // Permata
        PayoutChecks.code("022"): 18, // CIMB Niaga
        PayoutChecks.code("016"): 17, // Maybank
    ]
    static let shortestDescription = 14

    public static func descriptionLimit(for bank: BankCode) -> Int { descriptionLimits[bank] ?? shortestDescription }

    /// `KLK001 261130`: the tenant's letters and digits, a space, the transfer's date (the
    /// run's as-of) as YYMMDD. The reference `TF-KLK001-20261130` (18) is too long for most
    /// banks; the tenant part is cut first, so the date always survives. Same transfer and
    /// bank, same description.
    public static func description(tenantId: String, dated: CivilDate, limit: Int) -> String {
        let (year, month, day) = dated.components
        let date = two(year % 100) + two(month) + two(day)
        let letters = String(String.UnicodeScalarView(tenantId.uppercased().unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }))
        let room = limit - date.count - 1
        guard room > 0, !letters.isEmpty else { return String(date.prefix(limit)) }
        return String(letters.prefix(room)) + " " + date
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The row for a transfer, or every reason it cannot be one.
    public static func row(for transfer: PayoutTransfer, currencies: Currencies, banks: BankDirectory = .indonesia) -> Result<XenditRow, PayoutProblems> {
        var checks = PayoutChecks()
        let bank = checks.bank(transfer.account.code, in: banks)
        var channel: XenditChannelCode?
        if let bank {
            channel = bank.xenditChannel
            if channel == nil { checks.add(.bankNotOffered(bank, .xendit)) }
        }
        let amount = checks.amount(transfer.amount, currencies: currencies, format: .xendit)
        var account = checks.account(transfer.account.account, bank: bank)
        // "add an extra 0 prefix in the case of a bank accounts with 14 digits" (BRI, Xendit's
        // account length notes): the leading zero a spreadsheet dropped from a 15-digit number.
        if let digits = account, bank?.code == PayoutChecks.code("002"), digits.count == 14 { account = "0" + digits }
        let holder = checks.text(transfer.account.holder, .bankHolder)
        let email = checks.emails(transfer.email, limit: 3, format: .xendit)
        guard checks.problems.isEmpty, let bank, let channel, let amount, let account, let holder, let email else {
            return .failure(PayoutProblems(checks.problems))
        }
        let statement = description(tenantId: transfer.tenantId, dated: transfer.dated, limit: descriptionLimit(for: bank.code))
        return .success(XenditRow(referenceId: transfer.reference, amount: amount, channelCode: channel, accountName: holder,
                                  accountNumber: account, description: statement, email: email))
    }
}
