import Synchronization

/// What a running batch is doing, for a progress line: the pipeline updates it, whoever
/// shows it (the command line, on a terminal) reads it from another thread. The library
/// itself never prints.
public final class Progress: Sendable {
    public static let shared = Progress()
    /// The progress the pipeline updates: `shared` unless a caller (a test running batches
    /// side by side) binds its own.
    @TaskLocal public static var current: Progress = .shared

    public init() {}

    public struct Snapshot: Sendable, Equatable {
        public var phase: String
        public var rowsRead: Int

        public init(phase: String, rowsRead: Int) {
            self.phase = phase
            self.rowsRead = rowsRead
        }
    }

    private let rows = Atomic<Int>(0)
    private let phase = Mutex<String>("starting")

    public var snapshot: Snapshot {
        Snapshot(phase: phase.withLock { $0 }, rowsRead: rows.load(ordering: .relaxed))
    }

    /// Rows are published in batches from the hot loops, so the counter costs nothing per row.
    static let batch = 4096

    func addRows(_ count: Int) {
        rows.add(count, ordering: .relaxed)
    }

    /// A reading loop's own row count, published to `Progress.current` a batch at a time.
    struct RowCounter {
        private(set) var rows = 0

        @inline(__always)
        mutating func count() {
            rows += 1
            if rows % Progress.batch == 0 { Progress.current.addRows(Progress.batch) }
        }

        /// Publishes the rows of the last, partial batch; called once, when the loop is done.
        func finish() {
            Progress.current.addRows(rows % Progress.batch)
        }
    }

    func enter(_ name: String) {
        phase.withLock { $0 = name }
    }

    /// A fresh start, for a process that runs more than one batch (the tests).
    func reset() {
        rows.store(0, ordering: .relaxed)
        enter("starting")
    }
}

extension Progress.Snapshot {
    /// The progress line as a terminal shows it: `tagih: reading the payments · 1,204,224 rows · 0:07`.
    public func line(elapsedSeconds: Int) -> String {
        var digits = String(rowsRead)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let rows = digits + grouped
        let clock = "\(elapsedSeconds / 60):" + (elapsedSeconds % 60 < 10 ? "0" : "") + "\(elapsedSeconds % 60)"
        return "tagih: \(phase) · \(rows) row\(rowsRead == 1 ? "" : "s") read · \(clock)"
    }
}
