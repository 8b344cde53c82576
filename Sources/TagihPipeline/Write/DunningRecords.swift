import TagihCore
import TagihIO

/// A run's dunning notices as its `events.bin` holds them, read back by the write stage: in
/// order (the mails) or one at a time by place (`whatsapp.csv`). Held in memory through the
/// stage, the million-tenant month's 1,136,374 notices took 127 MB; their places take 9.
struct DunningRecords: Sendable {
    /// The run's `events.bin`.
    let path: String
    /// Where each notice starts in it, in the order the run made them.
    let offsets: [Int]

    var count: Int { offsets.count }

    /// Calls `body` with each notice and its place, in order.
    func forEach(_ body: (Int, DunningNotice) throws -> Void) throws {
        try each(JournalCodec.readDunning, body)
    }

    /// Each notice's tenant, in order, without the rest of the notice.
    func forEachTenant(_ body: (Int, String) throws -> Void) throws {
        try each(JournalCodec.readDunningTenant, body)
    }

    private func each<Value>(_ decode: (inout ByteReader) -> Value, _ body: (Int, Value) throws -> Void) throws {
        guard !offsets.isEmpty else { return }
        let reader = try JournalReader(path: path)
        var place = 0
        while try reader.next({ (kind: UInt8, bytes: UnsafeRawBufferPointer) -> Void in
            guard JournalKind(rawValue: kind) == .dunning else { return }
            var input = ByteReader(bytes)
            try body(place, decode(&input))
            place += 1
        }) != nil {}
        guard place == offsets.count else { throw DamagedJournal(path: path, problem: "it holds \(place) dunning notices, not \(offsets.count)") }
    }

    /// A reader for `notice(_:in:)`, one per job.
    func records() throws -> JournalRecords { try JournalRecords(path: path) }

    /// The notice at `place`, read back from `records`.
    func notice(_ place: Int, in records: JournalRecords) throws -> DunningNotice {
        try records.read(at: offsets[place], kind: JournalKind.dunning.rawValue) { bytes in
            var input = ByteReader(bytes)
            return JournalCodec.readDunning(&input)
        }
    }
}
