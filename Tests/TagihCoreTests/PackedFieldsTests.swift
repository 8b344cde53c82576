import Testing
@testable import TagihCore

/// Several texts kept as one: each reads back as set, empty ones included, whatever its
/// length or script, and setting one leaves the others as they were.
@Suite struct PackedFieldsTests {
    @Test func eachFieldReadsBackAsSet() {
        let fields = ["Klinik Sehat Sentosa", "", "0812", "Jl. Merdeka 17, Kota Bandung, Jawa Barat 40115", "", "pppoe-ñandú-東京"]
        let packed = PackedFields(fields)
        #expect((0..<6).map { packed[$0] } == fields)
        #expect(packed[6] == "")
    }

    @Test func settingOneLeavesTheOthers() {
        var packed = PackedFields(["a", "bb", "ccc"])
        packed[1] = "a much longer second field than before"
        packed[0] = ""
        #expect((0..<4).map { packed[$0] } == ["", "a much longer second field than before", "ccc", ""])
        packed[3] = "d"
        #expect(packed[3] == "d" && packed[2] == "ccc")
        #expect(packed == PackedFields(["", "a much longer second field than before", "ccc", "d"]))
    }

    /// A tenant reads its text back through the same properties as before.
    @Test func aTenantKeepsItsText() {
        var tenant = Tenant(id: "T1", name: "Klinik", email: "admin@klinik.example", phone: "0812", address: "Jl. Contoh 1, Bandung",
                            taxId: "0123456789012345", currency: CurrencyCode("IDR")!)
        tenant.serviceId = "pppoe-t1"
        tenant.email = "billing@klinik.example"
        #expect([tenant.name, tenant.email, tenant.phone, tenant.address, tenant.taxId, tenant.serviceId]
                == ["Klinik", "billing@klinik.example", "0812", "Jl. Contoh 1, Bandung", "0123456789012345", "pppoe-t1"])
    }

    /// Records moved into one string read back as before, compare equal to their own copies,
    /// and a record changed afterwards leaves the others and the shared string alone.
    @Test func recordsMovedIntoOneStringReadBackAsBefore() {
        let records = [PackedFields(["Klinik", "a@klinik.example"]), PackedFields([]), PackedFields(["", "東京", "é\u{301}"]), PackedFields(["x"])]
        var shared = ""
        var starts: [Int] = []
        for record in records {
            starts.append(shared.utf8.count)
            record.appendBytes(to: &shared)
        }
        // "Klinik" 6 + "a@klinik.example" 16, nothing, "東京" 6 + "é" 2 + the accent 2, "x" 1.
        #expect(starts == [0, 22, 22, 32])
        #expect(shared.utf8.count == 33)
        var moved = zip(records, starts).map { $0.moved(to: shared, at: $1) }
        #expect(moved == records)
        #expect(moved[2][1] == "東京" && moved[2][2] == "é\u{301}" && moved[2][0] == "" && moved[2][3] == "")
        #expect(moved[0][1] == "a@klinik.example" && moved[3][0] == "x" && moved[1][0] == "")
        moved[0][0] = "Klinik Sehat"
        #expect(moved[0][0] == "Klinik Sehat" && moved[0][1] == "a@klinik.example")
        #expect(moved[3][0] == "x" && moved[2][1] == "東京")
        #expect(moved[0] != records[0])
    }

    /// A directory's tenants keep every field when their texts go into one string.
    @Test func tenantsKeepTheirTextsWhenShared() {
        let idr = CurrencyCode("IDR")!
        var tenants = Directory<Tenant>()
        for index in 1...300 {
            var tenant = Tenant(id: "T\(index)", name: "Pelanggan \(index)", email: index % 3 == 0 ? "" : "t\(index)@example.id",
                                phone: "0812\(index)", address: index % 7 == 0 ? "Jl. Ñandú \(index), 東京" : "", currency: idr)
            tenant.serviceId = "pppoe-\(index)"
            tenants["T\(index)"] = tenant
        }
        tenants.shareTexts()
        for index in [1, 3, 7, 21, 300] {
            let tenant = tenants["T\(index)"]!
            #expect(tenant.name == "Pelanggan \(index)")
            #expect(tenant.email == (index % 3 == 0 ? "" : "t\(index)@example.id"))
            #expect(tenant.phone == "0812\(index)" && tenant.serviceId == "pppoe-\(index)" && tenant.taxId == "")
            #expect(tenant.address == (index % 7 == 0 ? "Jl. Ñandú \(index), 東京" : ""))
        }
    }
}
