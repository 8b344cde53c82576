import Synchronization

/// Cells written to workbooks by this process, for `--stats` and the benchmark's baseline.
public enum XlsxStatistics {
    static let counter = Atomic<Int>(0)

    public static var cells: Int { counter.load(ordering: .relaxed) }

    static func add(_ count: Int) { counter.add(count, ordering: .relaxed) }
}
