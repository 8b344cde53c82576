import TagihCore
import TagihIO

/// The payments' way through a run after they are read: copies of one payment merged into
/// its latest state, matched with what earlier runs did with it, then sorted by the time they
/// were paid. Each pass reads one sorted stream and feeds the next sorter, so memory stays
/// bounded whatever the number of payments.
struct PaymentPasses {
    let files: [String]
    private var record: [UInt8] = []

    init(files: [String]) { self.files = files }

    struct DedupeCounts {
        var payments = 0
        var duplicates = 0
        var rememberedBefore = 0
        /// Open payments of the state not in this run's exports, tried again.
        var carriedOpen = 0
        /// Settled payments dated before the memory, not remembered: not looked at.
        var beforeMemory = 0
        var beforeMemoryFirst: SourceLocation?
        /// Ids that differ from another only in letter case: not applied a second time.
        var nearDuplicates: [Finding] = []
    }

    /// Pass 2, in id order: merges the copies of each payment (the one furthest along its
    /// life wins; ties go to the later row), attaches what the state remembers of it, and sends
    /// it on in time order. Remembered payments this run does not see are carried into the next
    /// state while they are inside its memory; open ones are tried again.
    mutating func deduplicate(
        _ byId: SortedStream, remembered state: RunReader?, open: [OpenPayment], oldHorizon: Instant?, newHorizon: Instant,
        byTime: ExternalSorter, remembered next: ExternalSorter
    ) throws -> DedupeCounts {
        var counts = DedupeCounts()
        var current: AppliedPayment?
        func advance() throws {
            current = nil
            if let state, try state.advance() { current = state.withCurrent { AppliedPaymentRecord.decode($0) } }
        }
        try advance()
        var openById = Dictionary(open.map { ($0.payment.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lastFlushed: String?
        var pending: Payment?
        var pendingFile: UInt16 = 0
        var pendingSequence: UInt64 = 0

        func flush(_ payment: Payment, file: UInt16, sequence: UInt64) throws {
            var previous: AppliedPayment?
            var nearTo: String?
            while let entry = current, IdOrder.compare(entry.id, payment.id) < 0 {
                if IdOrder.sameFolded(entry.id, payment.id) { nearTo = entry.id }
                try carry(entry, newHorizon: newHorizon, into: next)
                try advance()
            }
            if let entry = current, entry.id == payment.id {
                previous = entry
                counts.rememberedBefore += 1
                try advance()
            } else if let entry = current, IdOrder.sameFolded(entry.id, payment.id) {
                nearTo = entry.id
            }
            if nearTo == nil, let last = lastFlushed, IdOrder.sameFolded(last, payment.id) { nearTo = last }
            if let nearTo {
                counts.nearDuplicates.append(Finding(payment.source, value: payment.id, .nearDuplicate(kind: .payment, id: payment.id, handled: nearTo)))
                return
            }
            lastFlushed = payment.id
            let wasOpen = openById.removeValue(forKey: payment.id) != nil
            if previous == nil, !wasOpen, let oldHorizon, payment.paidAt < oldHorizon {
                // Earlier runs have forgotten payments this old, so they cannot tell whether it
                // was applied: it is not looked at, and the run says so once.
                counts.beforeMemory += 1
                counts.beforeMemoryFirst = counts.beforeMemoryFirst.map { min($0, payment.source) } ?? payment.source
                return
            }
            PaymentRecord.encode(payment, sequence: sequence, file: file, previous: previous, wasOpen: wasOpen, into: &record)
            try byTime.add(record)
            counts.payments += 1
        }

        while let (payment, _, _, sequence) = try byId.next({ PaymentRecord.decode($0, files: files) }) {
            let file = UInt16(files.firstIndex(of: payment.source.file) ?? 0)
            if var merged = pending {
                if merged.id == payment.id {
                    counts.duplicates += 1
                    let copies = merged.copies + 1
                    if merged.isOvertaken(by: payment) || !payment.isOvertaken(by: merged) {
                        merged = payment
                        pendingFile = file
                        pendingSequence = sequence
                    }
                    merged.copies = copies
                    pending = merged
                    continue
                }
                try flush(merged, file: pendingFile, sequence: pendingSequence)
            }
            pending = payment
            pendingFile = file
            pendingSequence = sequence
        }
        if let merged = pending { try flush(merged, file: pendingFile, sequence: pendingSequence) }
        while let entry = current {
            try carry(entry, newHorizon: newHorizon, into: next)
            try advance()
        }
        // Open payments no export carried this time: tried again (an unmatched one may match
        // an invoice issued since), from what the state kept of them.
        for open in openById.values.sorted(by: { $0.payment.id < $1.payment.id }) {
            let file = UInt16(files.firstIndex(of: open.payment.source.file) ?? 0)
            PaymentRecord.encode(open.payment, sequence: UInt64.max - UInt64(counts.carriedOpen), file: file, previous: nil, wasOpen: true, into: &record)
            try byTime.add(record)
            counts.carriedOpen += 1
        }
        return counts
    }

    private mutating func carry(_ entry: AppliedPayment, newHorizon: Instant, into remembered: ExternalSorter) throws {
        guard entry.paidAt >= newHorizon else { return }
        AppliedPaymentRecord.encode(entry, into: &record)
        try remembered.add(record)
    }
}
