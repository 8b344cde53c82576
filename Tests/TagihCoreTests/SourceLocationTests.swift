import Testing
@testable import TagihCore

/// A location keeps its file as a number (`SourceFiles`): it still reads, compares and
/// hashes by the file's name.
@Suite struct SourceLocationTests {
    @Test func readsComparesAndHashesByName() {
        let a = TagihCore.SourceLocation(file: "tenants.csv", line: 12, column: 5)
        let b = TagihCore.SourceLocation(file: "subscriptions.csv", line: 3, column: 1)
        let c = TagihCore.SourceLocation(file: "tenants.csv", line: 2, column: 9)
        #expect(a.file == "tenants.csv" && a.line == 12 && a.column == 5 && !a.external)
        #expect(a.description == "tenants.csv:12:5" && TagihCore.SourceLocation.file("payments.csv").description == "payments.csv")
        // Across files by name, whatever order the names were first seen in; within one by line.
        #expect(b < a && c < a && b < c)
        #expect([a, b, c].sorted() == [b, c, a])
        #expect(a == TagihCore.SourceLocation(file: "tenants.csv", line: 12, column: 5))
        #expect(a != a.outside && a.outside.external && a.outside.file == "tenants.csv")
        #expect(Set([a, c, TagihCore.SourceLocation(file: "tenants.csv", line: 12, column: 5)]).count == 2)
    }

    /// Every tenant, subscription and warning carries one: 16 bytes, not 32.
    @Test func aLocationIsSixteenBytes() {
        #expect(MemoryLayout<TagihCore.SourceLocation>.stride == 16)
    }

    /// A run holds every tenant and subscription: their fields are laid out without padding
    /// between them (144 and 136 bytes as first written).
    @Test func tenantsAndSubscriptionsStaySmall() {
        #expect(MemoryLayout<Tenant>.stride <= 120)
        #expect(MemoryLayout<Subscription>.stride <= 104)
    }
}

/// The table of file names stops growing at its limit: names past it read as one placeholder,
/// names kept before keep their numbers.
@Suite struct FileNamesTests {
    @Test func pastTheLimitNewNamesReadAsUnnamed() {
        var table = FileNames(limit: 3)
        let a = table.number("tenants.csv"), b = table.number("payments.csv")
        #expect(a == 0 && b == 1 && table.number("tenants.csv") == 0)
        let c = table.number("stripe-2026-11.csv"), d = table.number("midtrans.jsonl")
        #expect(c == 2 && d == 2 && table.name(c) == FileNames.unnamed)
        #expect(table.name(a) == "tenants.csv" && table.name(b) == "payments.csv" && table.number("payments.csv") == 1)
    }
}
