public enum DateParseError: Error, Equatable, Sendable {
    case malformed
    case noSuchDay
    case outOfRange

    public var message: String {
        switch self {
        case .malformed: return "is not an ISO date (YYYY-MM-DD)"
        case .noSuchDay: return "is not a day of the calendar"
        case .outOfRange: return "is out of range (years \(CivilDate.validYears.lowerBound)-\(CivilDate.validYears.upperBound))"
        }
    }
}

public enum TimestampParseError: Error, Equatable, Sendable {
    case malformed
    case date(DateParseError)
    case badTime
    case badOffset

    public var message: String {
        switch self {
        case .malformed: return "is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SS with an optional Z or +HH:MM)"
        case .date(let error): return error.message
        case .badTime: return "has no such time of day"
        case .badOffset: return "has an invalid UTC offset"
        }
    }
}

/// A parsed timestamp: either a definite moment, or a wall-clock time that still needs a zone.
public enum ParsedTimestamp: Equatable, Sendable {
    case absolute(Instant)
    case local(seconds: Int64)

    public func resolve(in zone: Zone) -> Instant {
        switch self {
        case .absolute(let instant): return instant
        case .local(let seconds): return zone.instant(localSeconds: seconds)
        }
    }
}

extension CivilDate {
    /// Parses exactly `YYYY-MM-DD` (surrounding blanks trimmed).
    public static func parse(_ text: UnsafeRawBufferPointer) -> Result<CivilDate, DateParseError> {
        let bytes = trimmed(text)
        guard bytes.count == 10 else { return .failure(.malformed) }
        return parseDate(bytes)
    }

    public static func parse(_ text: String) -> Result<CivilDate, DateParseError> {
        var copy = text
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

extension ParsedTimestamp {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]]` with an optional `Z`, `±HH:MM`,
    /// `±HHMM` or `±HH` (one blank allowed before it). Fractions of a second are dropped.
    public static func parse(_ text: UnsafeRawBufferPointer) -> Result<ParsedTimestamp, TimestampParseError> {
        let bytes = trimmed(text)
        guard bytes.count >= 10 else { return .failure(.malformed) }
        let date: CivilDate
        switch parseDate(UnsafeRawBufferPointer(rebasing: bytes[bytes.startIndex..<bytes.startIndex + 10])) {
        case .success(let value): date = value
        case .failure(let error): return .failure(error == .malformed ? .malformed : .date(error))
        }
        var index = bytes.startIndex + 10
        let end = bytes.endIndex
        var secondsOfDay = 0
        if index < end && (bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == 0x20)
            && index + 1 < end && isDigit(bytes[index + 1]) {
            index += 1
            guard index + 5 <= end, let hour = parseDigits(bytes[index..<index + 2]), bytes[index + 2] == UInt8(ascii: ":"),
                  let minute = parseDigits(bytes[index + 3..<index + 5]) else { return .failure(.malformed) }
            index += 5
            var second = 0
            if index < end && bytes[index] == UInt8(ascii: ":") {
                guard index + 3 <= end, let value = parseDigits(bytes[index + 1..<index + 3]) else { return .failure(.malformed) }
                second = value
                index += 3
                if index < end && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",")) {
                    index += 1
                    let fractionStart = index
                    while index < end && isDigit(bytes[index]) { index += 1 }
                    guard index > fractionStart else { return .failure(.malformed) }
                }
            }
            guard hour < 24, minute < 60, second < 60 else { return .failure(.badTime) }
            secondsOfDay = hour * 3600 + minute * 60 + second
        }
        let local = Int64(date.daysSinceEpoch) * 86400 + Int64(secondsOfDay)
        if index < end && bytes[index] == 0x20 { index += 1 }
        guard index < end else { return .success(.local(seconds: local)) }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == end else { return .failure(.malformed) }
            return .success(.absolute(Instant(seconds: local)))
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            let rest = bytes[(index + 1)..<end]
            var hours = 0
            var minutes = 0
            switch rest.count {
            case 2:
                guard let h = parseDigits(rest) else { return .failure(.badOffset) }
                hours = h
            case 4:
                guard let h = parseDigits(rest.prefix(2)), let m = parseDigits(rest.suffix(2)) else { return .failure(.badOffset) }
                (hours, minutes) = (h, m)
            case 5:
                guard rest[rest.startIndex + 2] == UInt8(ascii: ":"), let h = parseDigits(rest.prefix(2)),
                      let m = parseDigits(rest.suffix(2)) else { return .failure(.badOffset) }
                (hours, minutes) = (h, m)
            default:
                return .failure(.badOffset)
            }
            guard hours <= 14, minutes < 60 else { return .failure(.badOffset) }
            let offset = sign * (hours * 3600 + minutes * 60)
            return .success(.absolute(Instant(seconds: local - Int64(offset))))
        default:
            return .failure(.malformed)
        }
    }

    public static func parse(_ text: String) -> Result<ParsedTimestamp, TimestampParseError> {
        var copy = text
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func trimmed(_ text: UnsafeRawBufferPointer) -> Slice<UnsafeRawBufferPointer> {
    var start = 0
    var end = text.count
    while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
    while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
    return text[start..<end]
}

private func parseDate(_ bytes: Slice<UnsafeRawBufferPointer>) -> Result<CivilDate, DateParseError> {
    parseDate(UnsafeRawBufferPointer(rebasing: bytes))
}

private func parseDate(_ bytes: UnsafeRawBufferPointer) -> Result<CivilDate, DateParseError> {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
          let year = parseDigits(bytes[0..<4]), let month = parseDigits(bytes[5..<7]),
          let day = parseDigits(bytes[8..<10]) else { return .failure(.malformed) }
    guard CivilDate.validYears.contains(year) else { return .failure(.outOfRange) }
    guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
    return .success(date)
}
