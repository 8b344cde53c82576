/// A moment in time: whole seconds since 1970-01-01T00:00:00Z. Gateways stamp payments
/// to the second; the zone only matters when the moment is turned into a calendar date.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }

    /// `2026-11-03T03:15:00Z`.
    public var description: String { iso8601(offsetSeconds: 0) }

    /// `2026-11-03T10:15:00+07:00` for an offset of 25200 seconds.
    public func iso8601(offsetSeconds: Int) -> String {
        let local = seconds + Int64(offsetSeconds)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secondsOfDay = Int(local - days * 86400)
        let date = CivilDate(daysSinceEpoch: Int32(days))
        let time = "\(twoDigits(secondsOfDay / 3600)):\(twoDigits(secondsOfDay / 60 % 60)):\(twoDigits(secondsOfDay % 60))"
        guard offsetSeconds != 0 else { return "\(date)T\(time)Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        return "\(date)T\(time)\(sign)\(twoDigits(magnitude / 3600)):\(twoDigits(magnitude / 60 % 60))"
    }
}

/// The UTC offsets of one time zone over time, read once from the system's zone data by
/// the I/O layer; here it is plain data, so date rules stay pure and fast.
public struct Zone: Sendable, Hashable {
    public let identifier: String
    /// `offsets[i]` applies from `starts[i]` (UTC seconds) until `starts[i + 1]`.
    private let starts: [Int64]
    private let offsets: [Int32]

    /// `transitions` need not be sorted; the earliest offset also applies before it.
    public init(identifier: String, transitions: [(start: Int64, offsetSeconds: Int32)]) {
        precondition(!transitions.isEmpty)
        let sorted = transitions.sorted { $0.start < $1.start }
        self.identifier = identifier
        self.starts = [Int64.min] + sorted.dropFirst().map(\.start)
        self.offsets = sorted.map(\.offsetSeconds)
    }

    /// Coordinated Universal Time: the state's timestamps and Stripe's export are in it.
    public static let utc = Zone.fixed("UTC", offsetSeconds: 0)

    public static func fixed(_ identifier: String, offsetSeconds: Int) -> Zone {
        Zone(identifier: identifier, transitions: [(start: 0, offsetSeconds: Int32(offsetSeconds))])
    }

    public func offset(at instant: Instant) -> Int {
        if offsets.count == 1 { return Int(offsets[0]) }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= instant.seconds { low = mid } else { high = mid - 1 }
        }
        return Int(offsets[low])
    }

    /// The calendar date of a moment in this zone.
    public func date(of instant: Instant) -> CivilDate {
        let local = instant.seconds + Int64(offset(at: instant))
        return CivilDate(daysSinceEpoch: Int32(local >= 0 ? local / 86400 : (local - 86399) / 86400))
    }

    /// The moment a wall-clock time in this zone happens; in a gap or overlap of a
    /// daylight-saving change the earlier offset is taken.
    public func instant(localSeconds: Int64) -> Instant {
        let guess = Instant(seconds: localSeconds - Int64(offset(at: Instant(seconds: localSeconds))))
        return Instant(seconds: localSeconds - Int64(offset(at: guess)))
    }

    /// Midnight at the start of `date` in this zone.
    public func startOfDay(_ date: CivilDate) -> Instant {
        instant(localSeconds: Int64(date.daysSinceEpoch) * 86400)
    }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}
