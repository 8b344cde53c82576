import TagihCore
import TagihIO

/// The payments' way through a run after they are read: copies of one payment merged into
/// its latest state, matched with what earlier runs applied of it, then applied in the order
/// they were paid. Each pass reads one sorted stream and feeds the next sorter, so memory
/// stays bounded whatever the number of payments.
struct PaymentPasses {
    let files: [String]
    private var record: [UInt8] = []

    init(files: [String]) { self.files = files }

    struct DedupeCounts {
        var payments = 0
        var duplicates = 0
        var rememberedBefore = 0
    }

    /// Pass 2, in id order: merges the copies of each payment (the one furthest along its
    /// life wins; ties go to the later row), attaches what state remembers of it, and sends it
    /// on in time order. Remembered payments this run does not see are carried into the next
    /// state while they are inside its horizon.
    mutating func deduplicate(
        _ byId: SortedStream, state: StatePayments, newHorizon: Instant, byTime: ExternalSorter, remembered: ExternalSorter
    ) throws -> DedupeCounts {
        var counts = DedupeCounts()
        var pending: Payment?
        var pendingFile: UInt16 = 0
        var pendingSequence: UInt64 = 0

        func flush(_ payment: Payment, file: UInt16, sequence: UInt64, into byTime: ExternalSorter) throws {
            var previous: AppliedPayment?
            while let entry = state.current, entry.id.utf8.lexicographicallyPrecedes(payment.id.utf8) {
                try carry(entry, newHorizon: newHorizon, into: remembered)
                try state.advance()
            }
            if let entry = state.current, entry.id == payment.id {
                previous = entry
                counts.rememberedBefore += 1
                try state.advance()
            }
            PaymentRecord.encode(payment, sequence: sequence, file: file, previous: previous, into: &record)
            try byTime.add(record)
            counts.payments += 1
        }

        while let (payment, _, sequence) = try byId.next({ PaymentRecord.decode($0, files: files) }) {
            let file = UInt16(files.firstIndex(of: payment.source.file) ?? 0)
            if var current = pending {
                if current.id == payment.id {
                    counts.duplicates += 1
                    let copies = current.copies + 1
                    if current.isOvertaken(by: payment) || !payment.isOvertaken(by: current) {
                        current = payment
                        pendingFile = file
                        pendingSequence = sequence
                    }
                    current.copies = copies
                    pending = current
                    continue
                }
                try flush(current, file: pendingFile, sequence: pendingSequence, into: byTime)
            }
            pending = payment
            pendingFile = file
            pendingSequence = sequence
        }
        if let current = pending { try flush(current, file: pendingFile, sequence: pendingSequence, into: byTime) }
        while let entry = state.current {
            try carry(entry, newHorizon: newHorizon, into: remembered)
            try state.advance()
        }
        return counts
    }

    private mutating func carry(_ entry: AppliedPayment, newHorizon: Instant, into remembered: ExternalSorter) throws {
        guard entry.paidAt >= newHorizon else { return }
        AppliedPaymentRecord.encode(entry, into: &record)
        try remembered.add(record)
    }

    /// Pass 3, in the order paid: applies each payment to the ledger and hands the payment and
    /// its effect to `report`; what the next state must remember goes to `remembered`.
    mutating func apply(
        _ byTime: SortedStream, ledger: inout Ledger, disbursements: inout Disbursements, zone: Zone, oldHorizon: Instant?,
        newHorizon: Instant, remembered: ExternalSorter, report: (Payment, PaymentEffect) throws -> Void
    ) throws {
        while let (payment, previous, _) = try byTime.next({ PaymentRecord.decode($0, files: files) }) {
            let effect: PaymentEffect
            if previous == nil, let oldHorizon, payment.paidAt < oldHorizon, payment.status.settles {
                // Earlier runs have forgotten payments this old, so they cannot tell whether
                // it was applied: it is listed for a person to check, never applied blindly.
                effect = .unmatched("stamped before \(oldHorizon), the oldest payment state.yaml remembers; an earlier run may have applied it, so check it by hand", currency: payment.amount.currency)
            } else if payment.purpose != .billing {
                let remember = try disbursements.collect(payment, previous: previous, on: zone.date(of: payment.paidAt))
                effect = .collection(tenant: payment.tenantId, remember: remember, currency: payment.amount.currency)
            } else {
                effect = ledger.apply(payment, previous: previous, on: zone.date(of: payment.paidAt))
            }
            if let remember = effect.remember, remember.paidAt >= newHorizon {
                AppliedPaymentRecord.encode(remember, into: &record)
                try remembered.add(record)
            }
            try report(payment, effect)
        }
    }
}
