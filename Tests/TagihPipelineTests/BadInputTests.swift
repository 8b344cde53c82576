import Foundation
import Testing
import TestSupport

/// Whatever an accountant's systems export, a bad file gets exit 1, a message naming file,
/// line and column, and nothing in the output folder but errors.csv.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Files written over the valid base below; an empty Data is an empty file.
        let files: [String: Data]
        /// Files of the base to leave out.
        var remove: [String] = []
        /// The first problem expected, as `file:line:column: message`.
        let expected: String
        var testDescription: String { name }
    }

    static let base: [String: String] = [
        "products.csv": "id,name,price,billing\nNET,Internet,250000,flat\n",
        "tenants.csv": "id,name,email\nT1,Budi,budi@mail.example\n",
        "subscriptions.csv": "id,tenant_id,product_id,start\nS1,T1,NET,2026-01-20\n",
    ]

    static func text(_ string: String) -> Data { Data(string.utf8) }

    /// A YAML "billion laughs": ten levels of ten aliases each.
    static let aliasBomb: String = {
        var lines = ["- id: NET", "  name: Internet", "  price: 1", "  billing: flat", "  notes:", "    a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("    a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let stripeHeader = "id,Created date (UTC),Amount,Amount Refunded,Currency,Fee,Status,reference (metadata),tenant_id (metadata)\n"

    static let cases: [Case] = [
        Case(name: "a CSV file cut off inside a quoted field",
             files: ["tenants.csv": text("id,name,email\nT1,\"Budi,budi@mail.example")],
             expected: "tenants.csv:2:4: a quoted field that is never closed"),
        Case(name: "a YAML file cut off inside a string",
             files: ["products.yaml": text("- {id: NET, name: \"Inter")], remove: ["products.csv"],
             expected: "products.yaml:1:25: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"),
        Case(name: "a JSON line cut off",
             files: ["midtrans-2026-11.jsonl": text("{\"order_id\":\"O2\",\"transaction_status\":\"settlement\",\"gross_amount\":\"65\n")],
             expected: "midtrans-2026-11.jsonl:1:67: a JSON string that is never closed"),
        Case(name: "invalid UTF-8 in a CSV field",
             files: ["tenants.csv": Data("id,name,email\nT1,Bu".utf8) + Data([0xFF]) + Data("di,budi@mail.example\n".utf8)],
             expected: "tenants.csv:2:4: name is not valid UTF-8 text"),
        Case(name: "invalid UTF-8 in YAML",
             files: ["products.yaml": Data("- {id: NET, name: \"Int".utf8) + Data([0xC3, 0x28]) + Data("r\", price: 1, billing: flat}\n".utf8)],
             remove: ["products.csv"],
             expected: "products.yaml:1:24: YAML syntax error: invalid trailing UTF-8 octet"),
        Case(name: "a 10 MB field",
             files: ["tenants.csv": text("id,name,email\nT1," + String(repeating: "x", count: 10_000_000) + ",a@mail.example\n")],
             expected: "tenants.csv:2:1: a record starting here is longer than 1 MiB; the file is probably damaged"),
        Case(name: "a YAML alias bomb",
             files: ["products.yaml": text(aliasBomb)], remove: ["products.csv"],
             expected: "products.yaml:7:14: YAML aliases (*name) are not supported here; write the value out in full"),
        Case(name: "a header naming a column twice",
             files: ["tenants.csv": text("id,name,name,email\nT1,Budi,B,budi@mail.example\n")],
             expected: "tenants.csv:1:9: column \"name\" appears twice in the header (also column 2)"),
        Case(name: "a reference to a tenant that does not exist",
             files: ["subscriptions.csv": text("id,tenant_id,product_id,start\nS1,T9,NET,2026-01-20\n")],
             expected: "subscriptions.csv:2:4: tenant_id refers to an unknown tenant \"T9\""),
        Case(name: "a duplicate id",
             files: ["tenants.csv": text("id,name,email\nT1,Budi,budi@mail.example\nT1,Siti,siti@mail.example\n")],
             expected: "tenants.csv:3:1: id \"T1\" is a duplicate id (first at line 2)"),
        Case(name: "an unknown currency",
             files: ["products.csv": text("id,name,price,billing,currency\nNET,Internet,250000,flat,RPX\n")],
             expected: "products.csv:2:26: currency is not a known ISO 4217 currency code"),
        Case(name: "a date out of range",
             files: ["subscriptions.csv": text("id,tenant_id,product_id,start\nS1,T1,NET,1800-01-01\n")],
             expected: "subscriptions.csv:2:11: start is out of range (years 1970-2100)"),
        Case(name: "a date that is not in the calendar",
             files: ["subscriptions.csv": text("id,tenant_id,product_id,start\nS1,T1,NET,2026-02-30\n")],
             expected: "subscriptions.csv:2:11: start is not a day of the calendar"),
        Case(name: "an amount with more decimals than its currency",
             files: ["products.csv": text("id,name,price,billing,currency\nNET,Internet,10.001,flat,USD\n")],
             expected: "products.csv:2:14: price has more decimals than USD allows (2)"),
        Case(name: "an amount in exponent form",
             files: ["products.csv": text("id,name,price,billing\nNET,Internet,2.5E5,flat\n")],
             expected: "products.csv:2:14: price is in exponent form; write the digits out"),
        Case(name: "a Stripe amount that is not a number",
             files: ["stripe-2026-11.csv": text(stripeHeader + "ch_1,2026-11-18 02:00:00,27x,0.00,idr,0,Paid,,T1\n")],
             expected: "stripe-2026-11.csv:2:26: Amount is not a decimal number"),
        Case(name: "an empty CSV file",
             files: ["tenants.csv": Data()],
             expected: "tenants.csv:1:1: the file is empty; a CSV table needs a header row"),
        Case(name: "an empty YAML file",
             files: ["products.yaml": Data()], remove: ["products.csv"],
             expected: "products.yaml:1:1: the file is empty; expected a list of products records"),
        Case(name: "a file that is not YAML at all",
             files: ["products.yaml": Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00])], remove: ["products.csv"],
             expected: "products.yaml:1:1: YAML syntax error: control characters are not allowed"),
        Case(name: "YAML that is not a list of records",
             files: ["products.yaml": text("id: NET\nname: Internet\n")], remove: ["products.csv"],
             expected: "products.yaml:1:1: expected a list of products records (a YAML sequence of mappings) at the top level"),
        Case(name: "settings that are not YAML",
             files: ["settings.yaml": text("\t- :::\n")],
             expected: "settings.yaml:1:1: YAML syntax error: found character that cannot start any token (while scanning for the next token)"),
        Case(name: "a state file cut off",
             files: ["state.yaml": text("version: 2\nas_of: 2026-10-31\nnext_sequence: 3\nreceivables: [\n")],
             expected: "state.yaml:4:1: state.yaml ends without its end line (end: {checksum: ...}): it was cut off; use a complete state"),
        // 12,000 rows of 5e12 add up to 6e16; the limit is 1e17, so the 8,001st Midtrans row
        // passes it. The Midtrans file, the larger, is read first or beside the other: the
        // row named is still the one reading the files in order reaches.
        Case(name: "payments adding up to more than one run can count",
             files: ["payments.csv": text("id,paid_at,amount,status,tenant_id\n" + (1...12_000).map { "P\($0),2026-11-10 10:00:00,5000000000000,paid,T1\n" }.joined()),
                     "midtrans-2026-11.jsonl": text((1...10_000).map { "{\"transaction_time\":\"2026-11-10 10:00:00\",\"transaction_status\":\"settlement\",\"transaction_id\":\"m-\($0)\",\"order_id\":\"X-\($0)\",\"gross_amount\":\"5000000000000.00\",\"payment_type\":\"qris\"}\n" }.joined())],
             expected: "midtrans-2026-11.jsonl:8001:1: the payments up to this one add up to more than IDR 100000000000000000, more than one run can count; split the exports over several runs"),
    ]

    @Test(arguments: cases)
    func badInputExitsOneWithAPreciseMessageAndWritesOnlyErrorsCSV(_ test: Case) throws {
        let fixture = Fixture()
        defer { fixture.remove() }
        for (name, text) in Self.base where !test.remove.contains(name) { fixture.write(name, text) }
        for name in test.remove { try? FileManager.default.removeItem(at: fixture.folder.appendingPathComponent(name)) }
        for (name, bytes) in test.files { fixture.write(name, bytes: bytes) }
        let output = fixture.folder.appendingPathComponent("out")

        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"])

        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(fixture.path)/\(test.expected)\n"), "\(result.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter { !$0.hasPrefix(".") } == ["errors.csv"])
        let errors = try String(contentsOf: output.appendingPathComponent("errors.csv"), encoding: .utf8)
        let parts = test.expected.split(separator: ":", maxSplits: 3)
        #expect(errors.contains("\(parts[0]),\(parts[1]),\(parts[2]),"), "\(errors)")
    }
}
