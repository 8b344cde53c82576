import Foundation
import TagihCore

/// Reads a time zone's UTC offsets from the system's zone data once, as plain data.
public enum ZoneLoader {
    /// Transitions from 1970 to 2101; nil for an unknown zone name.
    public static func load(_ identifier: String) -> Zone? {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        let limit = Date(timeIntervalSince1970: 4_133_980_800) // 2101-01-01
        var moment = Date(timeIntervalSince1970: 0)
        var transitions: [(start: Int64, offsetSeconds: Int32)] = [(0, Int32(zone.secondsFromGMT(for: moment)))]
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next < limit {
            transitions.append((Int64(next.timeIntervalSince1970.rounded()), Int32(zone.secondsFromGMT(for: next))))
            moment = next
        }
        return Zone(identifier: identifier, transitions: transitions)
    }
}
