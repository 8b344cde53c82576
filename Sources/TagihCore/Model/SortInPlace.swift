extension Array {
    /// Sorts without a buffer beside the elements. The standard library's sort is a merge sort
    /// that keeps half of them in a scratch buffer while it runs: 75 MB when a run ends with a
    /// million receivables to sort for its next state. This is an introsort: quicksort on a
    /// median of three, heapsort where it goes too deep, insertion sort for short ranges.
    ///
    /// Not stable: elements that compare equal may end in any order. Where the key tells any
    /// two elements apart (an id in it), the order is the one a stable sort gives.
    public mutating func sortWithoutBuffer(by areInIncreasingOrder: (Element, Element) -> Bool) {
        // Twice the depth a balanced split reaches, as introsorts allow.
        sortWithoutBuffer(depth: 2 * (Int.bitWidth - count.leadingZeroBitCount), by: areInIncreasingOrder)
    }

    /// The same, with the depth at which heapsort takes over given (tests reach it with 0).
    mutating func sortWithoutBuffer(depth: Int, by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        withoutActuallyEscaping(areInIncreasingOrder) { less in
            withUnsafeMutableBufferPointer { elements in
                InPlaceSort(elements: elements, less: less).sort(0, elements.count, depth: depth)
            }
        }
    }
}

private struct InPlaceSort<Element> {
    let elements: UnsafeMutableBufferPointer<Element>
    let less: (Element, Element) -> Bool

    /// Ranges this short are left to insertion sort.
    private static var short: Int { 16 }

    /// Sorts `low..<high`.
    func sort(_ low: Int, _ high: Int, depth: Int) {
        var low = low, high = high, depth = depth
        while high - low > Self.short {
            if depth == 0 {
                heapSort(low, high)
                return
            }
            depth -= 1
            let pivot = partition(low, high)
            // The shorter side first, the longer in this loop: the stack stays logarithmic.
            if pivot - low < high - pivot {
                sort(low, pivot, depth: depth)
                low = pivot + 1
            } else {
                sort(pivot + 1, high, depth: depth)
                high = pivot
            }
        }
        insertionSort(low, high)
    }

    /// Moves the median of the first, middle and last elements to `low` as the pivot, puts
    /// the smaller elements before it and the larger after, and returns where it ends.
    private func partition(_ low: Int, _ high: Int) -> Int {
        let middle = low + (high - low) / 2, last = high - 1
        if less(elements[middle], elements[low]) { elements.swapAt(middle, low) }
        if less(elements[last], elements[middle]) {
            elements.swapAt(last, middle)
            if less(elements[middle], elements[low]) { elements.swapAt(middle, low) }
        }
        elements.swapAt(low, middle)
        // The pivot at `low` and a larger element at `last` stop both scans inside the range.
        var i = low + 1, j = last
        while true {
            while less(elements[i], elements[low]) { i += 1 }
            while less(elements[low], elements[j]) { j -= 1 }
            if i >= j { break }
            elements.swapAt(i, j)
            i += 1
            j -= 1
        }
        elements.swapAt(low, j)
        return j
    }

    private func insertionSort(_ low: Int, _ high: Int) {
        guard high - low > 1 else { return }
        for next in (low + 1)..<high {
            var at = next
            while at > low, less(elements[at], elements[at - 1]) {
                elements.swapAt(at, at - 1)
                at -= 1
            }
        }
    }

    private func heapSort(_ low: Int, _ high: Int) {
        let count = high - low
        for root in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(root, count, low) }
        for end in stride(from: count - 1, to: 0, by: -1) {
            elements.swapAt(low, low + end)
            siftDown(0, end, low)
        }
    }

    /// Restores the heap (largest at the root) of `count` elements from `low` below `root`.
    private func siftDown(_ root: Int, _ count: Int, _ low: Int) {
        var root = root
        while true {
            var largest = root
            let left = 2 * root + 1, right = left + 1
            if left < count, less(elements[low + largest], elements[low + left]) { largest = left }
            if right < count, less(elements[low + largest], elements[low + right]) { largest = right }
            if largest == root { return }
            elements.swapAt(low + root, low + largest)
            root = largest
        }
    }
}
