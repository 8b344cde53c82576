import Testing
@testable import TagihCore

/// Several texts kept as one: each reads back as set, empty ones included, whatever its
/// length or script, and setting one leaves the others as they were.
@Suite struct PackedFieldsTests {
    @Test func eachFieldReadsBackAsSet() {
        let fields = ["Klinik Sehat Sentosa", "", "0812", "Jl. Merdeka 17, Kota Bandung, Jawa Barat 40115", "", "pppoe-ñandú-東京"]
        let packed = PackedFields(fields)
        #expect((0..<6).map { packed[$0] } == fields)
        #expect(packed[6] == "" && packed[7] == "")
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
}
