import TagihCore

/// An input record recognised by id across runs (orders, adjustments): what the state's
/// memory needs to tell a new record from a repeat, and the run's span to tell one that waits.
protocol RecordedInput {
    static var kind: RecordKind { get }
    var id: String { get }
    var digest: Digest { get }
    var location: SourceLocation { get }
    /// Dated after the run's as-of: it waits for a later run.
    func waits(_ context: RunContext) -> Bool
    /// Dated before what the state remembers: taken as handled by an earlier run.
    func beforeMemory(_ context: RunContext) -> Bool
}

extension Order: RecordedInput {
    static var kind: RecordKind { .order }
    func waits(_ context: RunContext) -> Bool { createdAt >= context.span.end(in: context.zone) }
    func beforeMemory(_ context: RunContext) -> Bool { context.state.memoryHorizon.map { createdAt < $0 } ?? false }
}

extension Adjustment: RecordedInput {
    static var kind: RecordKind { .adjustment }
    func waits(_ context: RunContext) -> Bool { date > context.asOf }
    func beforeMemory(_ context: RunContext) -> Bool { context.state.memoryHorizon.map { date < context.zone.date(of: $0) } ?? false }
}

/// Which records this run handles, against what the state remembers: a repeat is skipped (a
/// warning when its content changed), one differing from a handled id only in letter case is
/// a warning and skipped, one dated after the as-of waits, one dated before the memory is
/// taken as handled (one warning for all of them).
struct RecordSelection<Record: RecordedInput> {
    var handle: [Record] = []
    var findings: [Finding] = []
    var waiting = 0

    init(_ records: [Record], context: RunContext) {
        var remembered: [String: HandledRecord] = [:]
        var folded: [String: String] = [:]
        for record in context.state.handled where record.kind == Record.kind {
            remembered[record.id] = record
            folded[record.id.lowercased()] = record.id
        }
        var beforeMemory: (first: SourceLocation, count: Int)?
        for record in records {
            if let known = remembered[record.id] {
                if known.digest != record.digest {
                    findings.append(Finding(record.location, value: record.id, .contentChanged(kind: Record.kind, id: record.id, handledOn: known.date)))
                }
                continue
            }
            if let other = folded[record.id.lowercased()] {
                findings.append(Finding(record.location, value: record.id, .nearDuplicate(kind: Record.kind, id: record.id, handled: other)))
                continue
            }
            if record.waits(context) {
                waiting += 1
                continue
            }
            if record.beforeMemory(context) {
                beforeMemory = (beforeMemory?.first ?? record.location, (beforeMemory?.count ?? 0) + 1)
                continue
            }
            handle.append(record)
        }
        if let beforeMemory, let horizon = context.state.memoryHorizon {
            findings.append(Finding(beforeMemory.first, .beforeMemory(kind: Record.kind, count: beforeMemory.count, horizon: context.zone.date(of: horizon))))
        }
    }
}

extension Change: RecordedInput {
    static var kind: RecordKind { .change }
    func waits(_ context: RunContext) -> Bool { effective > context.asOf }
    func beforeMemory(_ context: RunContext) -> Bool { context.state.memoryHorizon.map { effective < context.zone.date(of: $0) } ?? false }
}
