import Testing
@testable import TagihCore

/// The sort that needs no buffer gives what the standard library's sort gives, for keys that
/// tell every two elements apart, on every shape of input and through each of its three ways.
@Suite struct SortInPlaceTests {
    struct Row: Equatable {
        var due: Int
        var number: String
    }

    static func less(_ a: Row, _ b: Row) -> Bool { (a.due, a.number) < (b.due, b.number) }

    /// `count` rows with unique numbers, few distinct due days (many equal first keys).
    static func rows(_ count: Int, seed: UInt64) -> [Row] {
        var state = seed
        return (0..<count).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Row(due: Int(state >> 60), number: "INV-\(String(index, radix: 7))")
        }
    }

    @Test(arguments: [0, 1, 2, 3, 16, 17, 18, 100, 1_000, 20_000]) func likeTheStandardSort(count: Int) {
        for seed in [1, 2, 3] as [UInt64] {
            let rows = Self.rows(count, seed: seed)
            let expected = rows.sorted(by: Self.less)
            var shapes = [rows, expected, Array(expected.reversed())]
            // Organ pipe: up then down, a classic bad case for a median of three.
            shapes.append(Array(expected.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                + expected.enumerated().filter { $0.offset % 2 == 1 }.map(\.element).reversed()))
            for var shape in shapes {
                shape.sortWithoutBuffer(by: Self.less)
                #expect(shape == expected)
            }
        }
    }

    /// Heapsort, which takes over where quicksort goes too deep, on its own (depth 0).
    @Test(arguments: [17, 18, 33, 1_000]) func heapSortAlone(count: Int) {
        let rows = Self.rows(count, seed: 9)
        var sorted = rows
        sorted.sortWithoutBuffer(depth: 0, by: Self.less)
        #expect(sorted == rows.sorted(by: Self.less))
    }

    /// Numbers whose order differs from the order they were made in: the hand-checked case.
    @Test func byHand() {
        var rows = [Row(due: 2, number: "B"), Row(due: 1, number: "Z"), Row(due: 2, number: "A"), Row(due: 1, number: "C")]
        rows.sortWithoutBuffer(by: Self.less)
        #expect(rows.map(\.number) == ["C", "Z", "A", "B"])
    }
}
