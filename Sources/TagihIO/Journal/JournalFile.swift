#if canImport(Glibc)
import Glibc
#endif
import TagihCore

/// A run's journal file, written once and never changed: a magic line, then records (a 32-bit
/// length, a kind byte, the payload), then a trailer record holding how many records there
/// are and a checksum of every byte before it, so a file cut short or altered is noticed.
public enum JournalFile {
    static let magic = Array("TAGIH-JOURNAL 1\n".utf8)
    static let trailerKind: UInt8 = 0xFF
}

/// Running FNV-1a over bytes, for the trailer.
struct Checksum {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = hash
    }
}

public final class JournalWriter {
    private let writer: BufferedWriter
    private var checksum = Checksum()
    private var count: UInt64 = 0
    private var frame: [UInt8] = []
    /// Bytes written so far: where the next record starts.
    public private(set) var offset = JournalFile.magic.count

    public init(path: String) throws {
        writer = try BufferedWriter(path: path)
        try JournalFile.magic.withUnsafeBytes { try writer.write(bytes: $0) }
    }

    /// Appends a record; returns where it starts, for `JournalRecords.read(at:)`.
    @discardableResult
    public func append(kind: UInt8, _ payload: ByteWriter) throws -> Int {
        frame.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: UInt32(payload.bytes.count + 1).littleEndian) { frame.append(contentsOf: $0) }
        frame.append(kind)
        frame.append(contentsOf: payload.bytes)
        try frame.withUnsafeBytes { bytes in
            checksum.add(bytes)
            try writer.write(bytes: bytes)
        }
        count += 1
        let start = offset
        offset += frame.count
        return start
    }

    public func close() throws {
        var trailer = ByteWriter()
        trailer.u64(count)
        trailer.u64(checksum.value)
        frame.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: UInt32(trailer.bytes.count + 1).littleEndian) { frame.append(contentsOf: $0) }
        frame.append(JournalFile.trailerKind)
        frame.append(contentsOf: trailer.bytes)
        try frame.withUnsafeBytes { try writer.write(bytes: $0) }
        try writer.close()
    }
}

/// A journal that cannot be read to its trailer: cut off, altered, or not a journal at all.
public struct DamagedJournal: Error, CustomStringConvertible {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path) is damaged (\(problem)); the month folder cannot be continued. Re-run the month from a state before it." }
}

/// Reads single records of a closed journal by where they start (as `append` returned it),
/// for the few looked up out of order. The whole file is checked when it is read in order.
public final class JournalRecords {
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DamagedJournal(path: path, problem: "it cannot be opened: \(String(cString: strerror(errno)))") }
    }

    deinit { close(descriptor) }

    /// Calls `body` with the payload of the record of `kind` at `offset`.
    public func read<R>(at offset: Int, kind: UInt8, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        var header: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        guard withUnsafeMutableBytes(of: &header, { pread(descriptor, $0.baseAddress!, 5, off_t(offset)) }) == 5, header.4 == kind else {
            throw DamagedJournal(path: path, problem: "no record of its kind at byte \(offset)")
        }
        let length = Int(UInt32(header.0) | UInt32(header.1) << 8 | UInt32(header.2) << 16 | UInt32(header.3) << 24) - 1
        guard length >= 0, length <= 64 << 20 else { throw DamagedJournal(path: path, problem: "the record at byte \(offset) is cut off") }
        if buffer.count < length { buffer = [UInt8](repeating: 0, count: length) }
        return try buffer.withUnsafeMutableBytes { bytes in
            guard pread(descriptor, bytes.baseAddress!, length, off_t(offset + 5)) == length else {
                throw DamagedJournal(path: path, problem: "the record at byte \(offset) is cut off")
            }
            return try body(UnsafeRawBufferPointer(rebasing: bytes[..<length]))
        }
    }
}

/// Reads a journal's records in order; the trailer is checked when the last record is passed.
public final class JournalReader {
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var checksum = Checksum()
    private var count: UInt64 = 0
    private var finished = false
    private let verify: Bool

    /// `bufferSize`: what one read takes in (it grows for a longer record). Readers merged side
    /// by side, one per run of a month, take less each: thirty of 256 KiB are 7.5 MiB.
    /// `verify: false` skips the checksum, for a file this run has already read through whole
    /// (the checksum is a byte at a time, and one file read 22 times over cost 1.7 s).
    public init(path: String, bufferSize: Int = 256 << 10, verify: Bool = true) throws {
        self.path = path
        self.verify = verify
        buffer = [UInt8](repeating: 0, count: max(bufferSize, 64))
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DamagedJournal(path: path, problem: "it cannot be opened: \(String(cString: strerror(errno)))") }
        guard try fill(JournalFile.magic.count), Array(buffer[start..<start + JournalFile.magic.count]) == JournalFile.magic else {
            close(descriptor)
            throw DamagedJournal(path: path, problem: "it is not a tagih journal")
        }
        start += JournalFile.magic.count
    }

    deinit { close(descriptor) }

    /// Calls `body` with the next record's kind and payload; nil after the last record.
    public func next<R>(_ body: (UInt8, UnsafeRawBufferPointer) throws -> R) throws -> R? {
        guard !finished else { return nil }
        guard try fill(4) else { throw DamagedJournal(path: path, problem: "it ends after \(count) records, without its trailer") }
        let length = Int(UInt32(buffer[start]) | UInt32(buffer[start + 1]) << 8 | UInt32(buffer[start + 2]) << 16 | UInt32(buffer[start + 3]) << 24)
        guard length >= 1, length <= 64 << 20, try fill(4 + length) else {
            throw DamagedJournal(path: path, problem: "record \(count + 1) is cut off")
        }
        let kind = buffer[start + 4]
        if kind == JournalFile.trailerKind {
            let trailer = buffer.withUnsafeBytes { all -> (UInt64, UInt64) in
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: all[(start + 5)..<(start + 4 + length)]))
                return (reader.u64(), reader.u64())
            }
            finished = true
            guard trailer.0 == count, !verify || trailer.1 == checksum.value else { throw DamagedJournal(path: path, problem: "its checksum does not match its records") }
            return nil
        }
        let result = try buffer.withUnsafeBytes { all -> R in
            if verify { checksum.add(UnsafeRawBufferPointer(rebasing: all[start..<(start + 4 + length)])) }
            return try body(kind, UnsafeRawBufferPointer(rebasing: all[(start + 5)..<(start + 4 + length)]))
        }
        count += 1
        start += 4 + length
        return result
    }

    /// Makes `needed` bytes from `start` available; false at the end of the file.
    private func fill(_ needed: Int) throws -> Bool {
        if end - start >= needed { return true }
        if start > 0 {
            buffer.withUnsafeMutableBytes { all in
                if end > start { all.baseAddress!.copyMemory(from: all.baseAddress! + start, byteCount: end - start) }
            }
            end -= start
            start = 0
        }
        if needed > buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: needed - buffer.count)) }
        while end < needed {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + end, $0.count - end) }
            if got < 0 {
                if errno == EINTR { continue }
                throw DamagedJournal(path: path, problem: "it cannot be read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { return false }
            end += got
        }
        return true
    }
}
