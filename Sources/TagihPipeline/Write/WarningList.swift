import TagihCore

/// A run's warnings in place order (file, line, column, then message), each made into text
/// when it is read. A month of tenants without a tax id is a hundred thousand warnings: they
/// are held once, as the findings the run made, not also as their text and sorted copies of it.
public struct WarningList: RandomAccessCollection, Sendable {
    /// A place in `parts`: the part and the finding's place in it. `texts` is the last part.
    private struct Place: Sendable {
        let part: Int32
        let index: Int32
    }

    private var texts: [Diagnostic] = []
    private var parts: [any FindingList] = []
    private var order: [Place] = []
    private var catalog = MessageCatalog()

    public init() {}

    /// Warnings already written as text (the run's settings' own), and the findings of the run.
    init(texts: [Diagnostic], findings: [any FindingList], catalog: MessageCatalog) {
        self.texts = texts.map(Report.warning)
        parts = findings
        self.catalog = catalog
        var places: [Place] = []
        places.reserveCapacity(parts.reduce(self.texts.count) { $0 + $1.count })
        for (part, findings) in parts.enumerated() {
            places += (0..<findings.count).lazy.map { Place(part: Int32(part), index: Int32($0)) }
        }
        places += self.texts.indices.lazy.map { Place(part: Int32(findings.count), index: Int32($0)) }
        // By place, then text and value (the jobs that found them finish in any order); the
        // text is made only where two warnings share a place.
        places.sort { a, b in
            let (first, second) = (location(a), location(b))
            if first != second { return first < second }
            let (x, y) = (self[a], self[b])
            return (x.message, x.value) < (y.message, y.value)
        }
        order = places
    }

    public var startIndex: Int { order.startIndex }
    public var endIndex: Int { order.endIndex }

    public subscript(position: Int) -> Diagnostic { self[order[position]] }

    private subscript(place: Place) -> Diagnostic {
        if Int(place.part) == parts.count { return texts[Int(place.index)] }
        return Report.diagnostic(parts[Int(place.part)].finding(at: Int(place.index)), catalog: catalog)
    }

    private func location(_ place: Place) -> SourceLocation {
        Int(place.part) == parts.count ? texts[Int(place.index)].location : parts[Int(place.part)].location(at: Int(place.index))
    }

    /// The warnings of one run followed by those of the next (a span over a month end).
    public static func + (earlier: WarningList, later: WarningList) -> WarningList {
        if earlier.isEmpty { return later }
        if later.isEmpty { return earlier }
        var joined = WarningList()
        joined.texts = Array(earlier) + Array(later)
        joined.order = joined.texts.indices.map { Place(part: 0, index: Int32($0)) }
        return joined
    }

    public static func += (list: inout WarningList, later: WarningList) { list = list + later }
}

/// Findings as a job keeps them, made into `Finding`s one at a time as the list is read: a
/// hundred thousand alike can be kept in a form of their own (`SkippedTaxInvoices`).
protocol FindingList: Sendable {
    var count: Int { get }
    func location(at index: Int) -> SourceLocation
    func finding(at index: Int) -> Finding
}

extension Array: FindingList where Element == Finding {
    func location(at index: Int) -> SourceLocation { self[index].location }
    func finding(at index: Int) -> Finding { self[index] }
}
