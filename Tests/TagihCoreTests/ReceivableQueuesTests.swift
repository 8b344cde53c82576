import Testing
@testable import TagihCore

/// Each tenant's receivables, oldest first, threaded through their places: inserted in order
/// whatever order they came in, taken out from the front, middle or end, and kept for a
/// tenant the input no longer has.
@Suite struct ReceivableQueuesTests {
    let tenants = Directory<Tenant>([("T1", Tenant(id: "T1", name: "A", email: "", currency: idr)),
                                     ("T2", Tenant(id: "T2", name: "B", email: "", currency: idr))])

    /// Receivable places 0...5 with an age each (smaller is older); returns the lists.
    func queues(_ entries: [(tenant: String, age: Int)]) -> ReceivableQueues {
        var queues = ReceivableQueues(tenants: tenants)
        for (place, entry) in entries.enumerated() {
            queues.insert(Int32(place), tenant: entry.tenant) { entry.age < entries[Int($0)].age }
        }
        return queues
    }

    @Test func keptOldestFirstPerTenant() {
        let queues = queues([("T1", 30), ("T2", 5), ("T1", 10), ("T1", 20), ("GONE", 2), ("GONE", 1)])
        #expect(Array(queues.places(of: "T1")) == [2, 3, 0])
        #expect(Array(queues.places(of: "T2")) == [1])
        #expect(Array(queues.places(of: "GONE")) == [5, 4])
        #expect(Array(queues.places(of: "T9")).isEmpty)
    }

    /// An equal age goes after the ones already there, as the ledger's oldest-first rule wants.
    @Test func equalAgesKeepTheOrderAdded() {
        #expect(Array(queues([("T1", 1), ("T1", 1), ("T1", 1)]).places(of: "T1")) == [0, 1, 2])
    }

    @Test func removedFromAnywhere() {
        var queues = queues([("T1", 1), ("T1", 2), ("T1", 3), ("T1", 4), ("GONE", 1)])
        queues.remove(1, tenant: "T1")
        #expect(Array(queues.places(of: "T1")) == [0, 2, 3])
        queues.remove(0, tenant: "T1")
        queues.remove(3, tenant: "T1")
        #expect(Array(queues.places(of: "T1")) == [2])
        queues.remove(2, tenant: "T1")
        queues.remove(4, tenant: "GONE")
        #expect(Array(queues.places(of: "T1")).isEmpty && Array(queues.places(of: "GONE")).isEmpty)
        // Taking out what is not there changes nothing.
        queues.remove(7, tenant: "T2")
        queues.insert(5, tenant: "T1") { _ in false }
        #expect(Array(queues.places(of: "T1")) == [5])
    }
}
