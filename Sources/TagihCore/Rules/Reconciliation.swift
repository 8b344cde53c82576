/// Checks run on every batch that the numbers hold together, each from figures worked out
/// along a different path than the one it checks. A broken check is a defect in tagih, never
/// in the input: the run stops and writes nothing.
public enum Reconciliation {
    /// Rule: an invoice's subtotal is the sum of its lines; its total is the subtotal less
    /// the discount, plus the tax when tax is exclusive.
    public static func invoiceProblems(_ invoice: Invoice) -> [String] {
        var problems: [String] = []
        let lines = invoice.lines.reduce(Money.zero(invoice.currency)) { $0 + $1.net }
        let expected = invoice.subtotal - invoice.discount + (invoice.taxMode == .exclusive ? invoice.tax : .zero(invoice.currency))
        if lines != invoice.subtotal {
            problems.append("invoice \(invoice.number): subtotal \(invoice.subtotal.minor) is not the sum of its lines, \(lines.minor)")
        }
        if expected != invoice.total {
            problems.append("invoice \(invoice.number): total \(invoice.total.minor) is not subtotal less discount plus tax, \(expected.minor)")
        }
        if invoice.discount.isNegative || invoice.discount > invoice.subtotal || invoice.tax.isNegative {
            problems.append("invoice \(invoice.number): discount \(invoice.discount.minor) or tax \(invoice.tax.minor) is out of range")
        }
        return problems
    }

    /// How many payments went through each pass of a run.
    public struct PaymentCounts: Sendable, Equatable {
        /// Rows read and sorted by id (dated by the as-of, valid).
        public var rowsSorted = 0
        /// Distinct ids among them.
        public var distinct = 0
        /// Copies of a payment merged into one.
        public var copiesMerged = 0
        /// Distinct payments set aside unapplied (before the memory; near-duplicate ids).
        public var setAside = 0
        /// Open payments of the state tried again without a row this run.
        public var carried = 0
        /// Payments sorted by time and fed to the run.
        public var sortedByTime = 0
        /// Outcomes the run reported.
        public var outcomes = 0

        public init() {}
    }

    /// Every payment row read is accounted for once: rows = distinct payments + copies merged;
    /// each distinct payment was either set aside or sorted for applying; every payment sorted
    /// for applying got exactly one outcome.
    public static func paymentCountProblems(_ counts: PaymentCounts) -> [String] {
        var problems: [String] = []
        if counts.rowsSorted != counts.distinct + counts.copiesMerged {
            problems.append("payments: \(counts.rowsSorted) rows read but \(counts.distinct) distinct payments and \(counts.copiesMerged) copies merged")
        }
        if counts.sortedByTime != counts.distinct - counts.setAside + counts.carried {
            problems.append("payments: \(counts.distinct) distinct payments, \(counts.setAside) set aside and \(counts.carried) carried from state, but \(counts.sortedByTime) sorted for applying")
        }
        if counts.outcomes != counts.sortedByTime {
            problems.append("payments: \(counts.sortedByTime) payments sorted for applying but \(counts.outcomes) outcomes reported")
        }
        return problems
    }

    /// Money moved by payments, per currency, summed from the effects reported for each one.
    public struct PaymentMovements: Sendable, Equatable {
        /// Applied to invoices (negative where a refund reopened one).
        public var toInvoices: Money
        /// Added to credit (negative where a refund took it back).
        public var toCredit: Money

        public init(currency: CurrencyCode) {
            toInvoices = .zero(currency)
            toCredit = .zero(currency)
        }
    }

    /// One currency's open balance and credit, from the previous state to the next:
    /// open after = open before + issued − paid by payments − paid from credit − expired
    ///              − voided − credit notes on invoices;
    /// credit after = credit before + payments' excess − credit spent + paid on expired orders
    ///              + credit notes' excess.
    public struct Balance: Sendable, Equatable {
        public var currency: CurrencyCode
        public var openBefore: Money
        public var issued: Money
        public var paidByPayments: Money
        public var paidFromCredit: Money
        public var expired: Money
        public var voided: Money
        public var creditNotesOnInvoices: Money
        public var openAfter: Money
        public var creditBefore: Money
        public var creditFromPayments: Money
        public var creditFromExpired: Money
        public var creditFromCreditNotes: Money
        public var creditAfter: Money

        public var expectedOpen: Money { openBefore + issued - paidByPayments - paidFromCredit - expired - voided - creditNotesOnInvoices }
        public var expectedCredit: Money { creditBefore + creditFromPayments - paidFromCredit + creditFromExpired + creditFromCreditNotes }

        public init(_ currency: CurrencyCode) {
            let zero = Money.zero(currency)
            self.currency = currency
            (openBefore, issued, paidByPayments, paidFromCredit, expired, voided, creditNotesOnInvoices, openAfter) = (zero, zero, zero, zero, zero, zero, zero, zero)
            (creditBefore, creditFromPayments, creditFromExpired, creditFromCreditNotes, creditAfter) = (zero, zero, zero, zero, zero)
        }

        /// This run's balance followed by a later run's: a month's roll-forward.
        public func then(_ later: Balance) -> Balance {
            var joined = self
            joined.issued += later.issued
            joined.paidByPayments += later.paidByPayments
            joined.paidFromCredit += later.paidFromCredit
            joined.expired += later.expired
            joined.voided += later.voided
            joined.creditNotesOnInvoices += later.creditNotesOnInvoices
            joined.openAfter = later.openAfter
            joined.creditFromPayments += later.creditFromPayments
            joined.creditFromExpired += later.creditFromExpired
            joined.creditFromCreditNotes += later.creditFromCreditNotes
            joined.creditAfter = later.creditAfter
            return joined
        }
    }

    /// The balances of a run, one per currency in code order.
    public static func balances(
        before: BillingState, issued: IssuedTotals, payments: [CurrencyCode: PaymentMovements],
        creditMovements: [CreditMovement], expired: [ExpiredOrder], voids: [VoidRecord] = [], creditNotes: [CreditNote] = [],
        after: BillingState
    ) -> [Balance] {
        var sums: [CurrencyCode: Balance] = [:]
        func update(_ currency: CurrencyCode, _ change: (inout Balance) -> Void) {
            var balance = sums[currency] ?? Balance(currency)
            change(&balance)
            sums[currency] = balance
        }
        for receivable in before.receivables { update(receivable.total.currency) { $0.openBefore += receivable.outstanding } }
        for credit in before.credits { update(credit.amount.currency) { $0.creditBefore += credit.amount } }
        for (currency, sums) in issued.sums { update(currency) { $0.issued += sums.total } }
        for (currency, moved) in payments {
            update(currency) {
                $0.paidByPayments += moved.toInvoices
                $0.creditFromPayments += moved.toCredit
            }
        }
        for movement in creditMovements { update(movement.amount.currency) { $0.paidFromCredit += movement.amount } }
        for order in expired {
            update(order.total.currency) {
                $0.expired += order.total - order.movedToCredit
                $0.creditFromExpired += order.movedToCredit
            }
        }
        for void in voids { update(void.total.currency) { $0.voided += void.total } }
        for note in creditNotes {
            update(note.amount.currency) {
                $0.creditNotesOnInvoices += note.toInvoice
                $0.creditFromCreditNotes += note.toCredit
            }
        }
        for receivable in after.receivables { update(receivable.total.currency) { $0.openAfter += receivable.outstanding } }
        for credit in after.credits { update(credit.amount.currency) { $0.creditAfter += credit.amount } }
        return sums.keys.sorted().map { sums[$0]! }
    }

    public static func balanceProblems(_ balances: [Balance]) -> [String] {
        var problems: [String] = []
        for balance in balances {
            if balance.openAfter != balance.expectedOpen {
                problems.append("\(balance.currency): open balance \(balance.openAfter.minor) is not \(balance.openBefore.minor) before + \(balance.issued.minor) issued - \(balance.paidByPayments.minor) paid - \(balance.paidFromCredit.minor) from credit - \(balance.expired.minor) expired - \(balance.voided.minor) voided - \(balance.creditNotesOnInvoices.minor) credit notes = \(balance.expectedOpen.minor)")
            }
            if balance.creditAfter != balance.expectedCredit {
                problems.append("\(balance.currency): credit \(balance.creditAfter.minor) is not \(balance.creditBefore.minor) before + \(balance.creditFromPayments.minor) from payments - \(balance.paidFromCredit.minor) spent + \(balance.creditFromExpired.minor) from expired orders + \(balance.creditFromCreditNotes.minor) from credit notes = \(balance.expectedCredit.minor)")
            }
        }
        return problems
    }

    /// Each tenant's account adds up: for a tenant that moved, opening + invoices − credit
    /// notes − payments + refunds − written off is its closing balance; every other tenant's
    /// balance is unchanged. Together the statements' closing balances are the checked open
    /// balance less credit.
    public static func statementProblems(_ statements: [TenantStatement], before: BillingState, after: BillingState) -> [String] {
        var problems: [String] = []
        let opening = TenantBalances(before)
        let closing = TenantBalances(after)
        for row in statements {
            let key = StatementBook.Key(tenant: row.tenantId, currency: row.currency)
            let zero = Money.zero(row.currency)
            if row.opening != opening[key] ?? zero || row.closing != closing[key] ?? zero {
                problems.append("statement of \(row.tenantId) (\(row.currency)): opening \(row.opening.minor) or closing \(row.closing.minor) is not the state's")
            }
            if row.closing != row.expectedClosing {
                problems.append("statement of \(row.tenantId) (\(row.currency)): closing \(row.closing.minor) is not \(row.opening.minor) + \(row.invoices.minor) invoiced - \(row.creditNotes.minor) credited - \(row.payments.minor) paid + \(row.refunds.minor) refunded - \(row.writtenOff.minor) written off = \(row.expectedClosing.minor)")
            }
        }
        // Every other tenant's balance is unchanged: the two states' balances walked side by
        // side in key order, skipping the tenants that have a statement.
        // The run's statements come in key order (`takeStatements`); a sorted copy of their
        // keys is made only when they do not (24 MB at a million tenants).
        let keyOf = { (row: TenantStatement) in StatementBook.Key(tenant: row.tenantId, currency: row.currency) }
        let inOrder = zip(statements, statements.dropFirst()).allSatisfy { keyOf($0) < keyOf($1) }
        let moved: [StatementBook.Key] = inOrder ? [] : statements.map(keyOf).sorted()
        let movedCount = inOrder ? statements.count : moved.count
        let movedKey = { (index: Int) in inOrder ? keyOf(statements[index]) : moved[index] }
        var (nextOpening, nextClosing, nextMoved) = (opening.startIndex, closing.startIndex, 0)
        while nextOpening < opening.endIndex || nextClosing < closing.endIndex {
            let openingKey = nextOpening < opening.endIndex ? opening[nextOpening].key : nil
            let closingKey = nextClosing < closing.endIndex ? closing[nextClosing].key : nil
            let key: StatementBook.Key
            switch (openingKey, closingKey) {
            case let (was?, now?): key = min(was, now)
            case let (was?, nil): key = was
            case let (nil, now?): key = now
            case (nil, nil): preconditionFailure("the loop ends when both sides are read")
            }
            let zero = Money.zero(key.currency)
            var (was, now) = (zero, zero)
            if openingKey == key { was = opening[nextOpening].amount; nextOpening += 1 }
            if closingKey == key { now = closing[nextClosing].amount; nextClosing += 1 }
            while nextMoved < movedCount, movedKey(nextMoved) < key { nextMoved += 1 }
            if nextMoved < movedCount, movedKey(nextMoved) == key { continue }
            if was != now {
                problems.append("statement of \(key.tenant) (\(key.currency)): the balance moved from \(was.minor) to \(now.minor) with no movement recorded")
            }
        }
        return problems.sorted()
    }
}
