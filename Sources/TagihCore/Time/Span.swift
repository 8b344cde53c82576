/// The days a run covers: from the day after the previous run's as-of (or the first day of the
/// period when there is no previous run) to its own as-of, both included, in the operator's
/// zone. A run issues what became due in its span and applies what happened in it; records
/// dated after `last` wait for a later run, and records dated before `first` that nobody has
/// seen yet are late.
public struct Span: Sendable, Equatable, CustomStringConvertible {
    public let first: CivilDate
    public let last: CivilDate

    public init(first: CivilDate, last: CivilDate) {
        precondition(first <= last, "a span ends before it starts")
        self.first = first
        self.last = last
    }

    public var days: [CivilDate] {
        (0...last.days(since: first)).map { first.adding(days: $0) }
    }

    public func contains(_ day: CivilDate) -> Bool { day >= first && day <= last }

    /// The first moment of the span and the first moment after it.
    public func start(in zone: Zone) -> Instant { zone.startOfDay(first) }
    public func end(in zone: Zone) -> Instant { zone.startOfDay(last.adding(days: 1)) }

    /// The months the span touches, in order; a run commits one month folder per month.
    public var months: [Period] {
        var result = [first.period]
        while result[result.count - 1] < last.period { result.append(result[result.count - 1].next) }
        return result
    }

    /// The part of the span inside `month`.
    public func part(in month: Period) -> Span? {
        let from = max(first, month.firstDay), to = min(last, month.lastDay)
        return from <= to ? Span(first: from, last: to) : nil
    }

    public var description: String { first == last ? "\(first)" : "\(first) to \(last)" }
}
