#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorts byte records of any number in bounded memory: records gather in an arena of
/// `memoryBudget` bytes; a full arena is sorted and written out as a run; reading merges the
/// runs. When everything fits in one arena nothing touches the disk.
///
/// `prefix` gives a cheap 64-bit key compared first; `less` decides ties and must be a total
/// order (records carry a sequence number for that), so the output never depends on timing.
public final class ExternalSorter {
    public typealias Less = (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool
    public typealias Prefix = (UnsafeRawBufferPointer) -> UInt64

    struct Entry {
        var prefix: UInt64
        var offset: Int
        var length: Int
    }

    private let directory: String
    private let label: String
    private let memoryBudget: Int
    private let less: Less
    private let prefix: Prefix
    /// Allocated once the first record arrives, with `entries`, within `memoryBudget`.
    private var arena = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var used = 0
    private var entries: [Entry] = []
    private var entryCapacity = 0
    private var runs: [String] = []
    public private(set) var count = 0
    /// Runs written to disk so far (0 when everything stayed in memory).
    public var spilledRuns: Int { runs.count }

    public init(directory: String, label: String, memoryBudget: Int = 48 << 20, prefix: @escaping Prefix, less: @escaping Less) {
        self.directory = directory
        self.label = label
        self.memoryBudget = memoryBudget
        self.prefix = prefix
        self.less = less
    }

    deinit {
        for run in runs { unlink(run) }
        arena.deallocate()
    }

    public func add(_ record: UnsafeRawBufferPointer) throws {
        if arena.baseAddress == nil {
            // A quarter of the budget indexes the records, the rest holds their bytes; both
            // are allocated once, so the sorter never holds more than its budget.
            entryCapacity = max(1024, memoryBudget / 4 / MemoryLayout<Entry>.stride)
            entries.reserveCapacity(entryCapacity)
            arena = .allocate(byteCount: max(memoryBudget - entryCapacity * MemoryLayout<Entry>.stride, record.count, 1 << 16), alignment: 8)
        }
        if used + record.count > arena.count || entries.count == entryCapacity {
            if !entries.isEmpty { try spill() }
            if record.count > arena.count {
                arena.deallocate()
                arena = .allocate(byteCount: record.count, alignment: 8)
            }
        }
        entries.append(Entry(prefix: prefix(record), offset: used, length: record.count))
        if record.count > 0 { (arena.baseAddress! + used).copyMemory(from: record.baseAddress!, byteCount: record.count) }
        used += record.count
        count += 1
    }

    public func add(_ record: [UInt8]) throws {
        try record.withUnsafeBytes { try add($0) }
    }

    private func sortEntries() {
        let less = self.less
        let all = UnsafeRawBufferPointer(arena)
        entries.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return less(UnsafeRawBufferPointer(rebasing: all[a.offset..<a.offset + a.length]),
                        UnsafeRawBufferPointer(rebasing: all[b.offset..<b.offset + b.length]))
        }
    }

    private func spill() throws {
        sortEntries()
        let path = "\(directory)/\(label)-run\(runs.count).bin"
        let writer = try BufferedWriter(path: path)
        let all = UnsafeRawBufferPointer(arena)
        for entry in entries {
            var length = UInt32(entry.length).littleEndian
            try withUnsafeBytes(of: &length) { try writer.write(bytes: $0) }
            try writer.write(bytes: UnsafeRawBufferPointer(rebasing: all[entry.offset..<entry.offset + entry.length]))
        }
        try writer.close()
        runs.append(path)
        used = 0
        entries.removeAll(keepingCapacity: true)
    }

    /// Ends adding; the records come back in order through the returned stream.
    public func sorted() throws -> SortedStream {
        if runs.isEmpty {
            sortEntries()
            // The stream takes the arena over; this sorter no longer owns it.
            let memory = arena
            arena = UnsafeMutableRawBufferPointer(start: nil, count: 0)
            let stream = SortedStream(memory: memory, entries: entries, less: less)
            entries = []
            return stream
        }
        if !entries.isEmpty { try spill() }
        arena.deallocate()
        arena = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        entries = []
        let readers = try runs.map { try RunReader(path: $0) }
        return SortedStream(runs: readers, less: less)
    }
}

/// The records of a sorter in order; `next` hands out each record's bytes, valid until the
/// following call.
public final class SortedStream {
    private var memory = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var entries: [ExternalSorter.Entry] = []
    private var index = 0
    private var runs: [RunReader] = []
    /// A min-heap of run indexes, ordered by each run's current record.
    private var heap: [Int] = []
    private let less: ExternalSorter.Less
    private var started = false
    private var lastRun = -1

    init(memory: UnsafeMutableRawBufferPointer, entries: [ExternalSorter.Entry], less: @escaping ExternalSorter.Less) {
        self.memory = memory
        self.entries = entries
        self.less = less
    }

    deinit { memory.deallocate() }

    init(runs: [RunReader], less: @escaping ExternalSorter.Less) {
        self.runs = runs
        self.less = less
    }

    /// Calls `body` with the next record; false when there are no more.
    public func next<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        if runs.isEmpty {
            guard index < entries.count else { return nil }
            let entry = entries[index]
            index += 1
            return try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[entry.offset..<entry.offset + entry.length]))
        }
        if !started {
            started = true
            for run in runs.indices where try runs[run].advance() { push(run) }
        } else if lastRun >= 0 {
            if try runs[lastRun].advance() { push(lastRun) }
        }
        guard !heap.isEmpty else { return nil }
        let run = pop()
        lastRun = run
        return try runs[run].withCurrent(body)
    }

    private func isLess(_ a: Int, _ b: Int) -> Bool {
        runs[a].withCurrent { left in runs[b].withCurrent { right in
            less(left, right) || (!less(right, left) && a < b)
        } }
    }

    private func push(_ run: Int) {
        heap.append(run)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isLess(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> Int {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && isLess(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && isLess(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}

/// Reads a file of length-prefixed records (a sorted run, the remembered payments of a state)
/// through a 256 KiB buffer, one record at a time.
public final class RunReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var recordStart = 0
    private var recordLength = 0
    private let path: String

    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError("cannot reopen \(path): \(String(cString: strerror(errno)))") }
        buffer = [UInt8](repeating: 0, count: 256 << 10)
    }

    deinit { close(descriptor) }

    /// Moves to the next record; false at the end of the run.
    public func advance() throws -> Bool {
        start = recordStart + recordLength
        guard try ensure(4) else { return false }
        let length = Int(UInt32(buffer[start]) | UInt32(buffer[start + 1]) << 8 | UInt32(buffer[start + 2]) << 16 | UInt32(buffer[start + 3]) << 24)
        guard try ensure(4 + length) else { throw OutputError("\(path) ends inside a record") }
        recordStart = start + 4
        recordLength = length
        return true
    }

    public func withCurrent<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[recordStart..<recordStart + recordLength])) }
    }

    /// Makes `count` bytes from `start` available, reading more as needed.
    private func ensure(_ count: Int) throws -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            buffer.withUnsafeMutableBytes { all in
                if end > start { all.baseAddress!.copyMemory(from: all.baseAddress! + start, byteCount: end - start) }
            }
            end -= start
            recordStart = 0
            recordLength = 0
            start = 0
        }
        if count > buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: count - buffer.count)) }
        while end - start < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + end, $0.count - end) }
            if got < 0 {
                if errno == EINTR { continue }
                throw OutputError("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if got == 0 { return false }
            end += got
        }
        return true
    }
}
