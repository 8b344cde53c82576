import Testing
@testable import TagihCore

/// What a service id names on a MikroTik router, and values that cannot escape their quotes.
@Suite struct RouterOSScriptTests {
    @Test func serviceIdsAreAddressesOrPPPoEUsers() throws {
        #expect(try RouterOSScript.target("10.20.0.11").get() == .address("10.20.0.11"))
        #expect(try RouterOSScript.target(" 10.20.1.0/29 ").get() == .address("10.20.1.0/29"))
        #expect(try RouterOSScript.target("10.20.0.14-10.20.0.15").get() == .address("10.20.0.14-10.20.0.15"))
        #expect(try RouterOSScript.target("pppoe-net-005").get() == .pppUser("pppoe-net-005"))
        #expect(try RouterOSScript.target("budi@nusanet.id").get() == .pppUser("budi@nusanet.id"))
        // Digits and dots that are no address are a mistake, not a user name.
        #expect(throws: RouterRefusal.notAnAddress) { try RouterOSScript.target("10.0.0.256").get() }
        #expect(throws: RouterRefusal.notAnAddress) { try RouterOSScript.target("10.0.0.0/33").get() }
        #expect(throws: RouterRefusal.notAnAddress) { try RouterOSScript.target("010.0.0.1").get() }
        #expect(throws: RouterRefusal.interpreted("\"")) { try RouterOSScript.target("x\"; /system reset-configuration").get() }
        #expect(throws: RouterRefusal.interpreted(" ")) { try RouterOSScript.target("budi santoso").get() }
        #expect(throws: RouterRefusal.missing) { try RouterOSScript.target("  ").get() }
    }

    @Test func quotedValuesEscapeWhatRouterOSReads() {
        #expect(RouterOSScript.quoted("plain") == "\"plain\"")
        #expect(RouterOSScript.quoted("a\"b\\c$d?e") == #""a\"b\\c\$d\?e""#)
        // Outside printable ASCII, byte by byte: 李 is E6 9D 8E; a newline cannot end the line.
        #expect(RouterOSScript.quoted("李\n") == #""\E6\9D\8E\0A""#)
    }

    @Test func isolatingTwiceChangesNothingAndTenantsWithoutAServiceIdAreNamed() {
        let day = CivilDate(year: 2026, month: 11, day: 30)!
        let output = RouterOSScript.isolate([
            .init(tenantId: "T1", name: "Budi", serviceId: "10.20.0.11"),
            .init(tenantId: "T2", name: "Siti", serviceId: "pppoe-siti"),
            .init(tenantId: "K1", name: "Klinik", serviceId: ""),
            .init(tenantId: "T4", name: "Bad", serviceId: "10.0.0.999"),
        ], list: "isolir", asOf: day)
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[2] == #":if ([:len [/ip firewall address-list find where list="isolir" and address="10.20.0.11"]] = 0) do={ "#
            + #"/ip firewall address-list add list="isolir" address="10.20.0.11" comment="tagih T1 Budi 2026-11-30" }"#)
        #expect(lines[3] == #"/ppp secret set [/ppp secret find where name="pppoe-siti"] disabled=yes"#)
        #expect(lines[4] == #"/ppp active remove [/ppp active find where name="pppoe-siti"]"#)
        #expect(lines[5] == #"# not on the router (no service_id): "K1""#)
        #expect(output.withoutServiceId == ["K1"])
        #expect(output.refused.map(\.entry.tenantId) == ["T4"])
    }
}
