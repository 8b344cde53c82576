/// The rows of one format's upload.
public enum PayoutRows: Sendable, Equatable {
    case xendit([XenditRow])
    case oy([OYRow])

    public var count: Int {
        switch self {
        case .xendit(let rows): return rows.count
        case .oy(let rows): return rows.count
        }
    }
}

/// What one format's files will hold: the transfers it can carry, in the order given, and
/// an issue for each it cannot.
public struct PayoutUpload: Sendable, Equatable {
    public let format: PayoutFormat
    public let rows: PayoutRows
    public let issues: [PayoutIssue]

    public init(format: PayoutFormat, rows: PayoutRows, issues: [PayoutIssue]) {
        self.format = format
        self.rows = rows
        self.issues = issues
    }

    /// The sum of the rows' amounts, to compare with the service's batch total before approving.
    public var total: WholeRupiah {
        switch rows {
        case .xendit(let rows): return WholeRupiah(rows.reduce(0) { $0 + $1.amount.value })
        case .oy(let rows): return WholeRupiah(rows.reduce(0) { $0 + $1.amount.value })
        }
    }
}

extension PayoutFormat {
    /// The upload of `transfers` in this format. Pure: the files are written by TagihIO.
    public func upload(_ transfers: [PayoutTransfer], currencies: Currencies, banks: BankDirectory = .indonesia) -> PayoutUpload {
        var issues: [PayoutIssue] = []
        func keep<Row>(_ result: Result<Row, PayoutProblems>, _ transfer: PayoutTransfer) -> Row? {
            switch result {
            case .success(let row): return row
            case .failure(let failure):
                issues += failure.problems.map { PayoutIssue(format: self, tenantId: transfer.tenantId, reference: transfer.reference, problem: $0) }
                return nil
            }
        }
        let rows: PayoutRows
        switch self {
        case .xendit: rows = .xendit(transfers.compactMap { keep(XenditBatch.row(for: $0, currencies: currencies, banks: banks), $0) })
        case .oy: rows = .oy(transfers.compactMap { keep(OYBulk.row(for: $0, currencies: currencies, banks: banks), $0) })
        }
        return PayoutUpload(format: self, rows: rows, issues: issues)
    }

    /// What this format would refuse in a tenant's bank details, before any money moves:
    /// for checking the tenants table when it is read. Amount and currency are checked per
    /// transfer by `upload`.
    public func problems(with account: BankAccount, email: String = "", banks: BankDirectory = .indonesia) -> [PayoutProblem] {
        let probe = PayoutTransfer(tenantId: "", reference: "", dated: CivilDate(daysSinceEpoch: 0),
                                   amount: Money(minor: 1, currency: .idr), account: account, email: email)
        // With IDR 1 in a currency table of ISO minor units, only the account's own problems remain.
        let result: Result<Void, PayoutProblems>
        switch self {
        case .xendit: result = XenditBatch.row(for: probe, currencies: Currencies(), banks: banks).map { _ in () }
        case .oy: result = OYBulk.row(for: probe, currencies: Currencies(), banks: banks).map { _ in () }
        }
        if case .failure(let failure) = result { return failure.problems }
        return []
    }
}
