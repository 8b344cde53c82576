import Foundation
import Testing
import TestSupport

/// Outputs go to spreadsheets, bulk-transfer uploads, mail servers and file systems; what a
/// tenant typed into a name field must stay text in all of them.
@Suite struct InjectionTests {
    static let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"Bayar di sini\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ]

    func hostileRun(secret: String = sampleSecret) throws -> (ToolResult, URL, Fixture) {
        let tenants = "id,name,email,phone,address\n" + Self.hostile.enumerated().map { index, name in
            "T\(index),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",t\(index)@mail.example,0812-1111-222\(index),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
        }.joined(separator: "\n") + "\n"
        let subscriptions = "id,tenant_id,product_id,start\n" + Self.hostile.indices.map { "S\($0),T\($0),NET-30,2026-01-20" }.joined(separator: "\n") + "\n"
        let payments = """
        id,amount,paid_at,status,reference,tenant_id
        =P1,1000,2026-11-05 10:00,paid,=1+1,
        P2,2000,2026-11-06 10:00,paid,@SUM(9),

        """
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": tenants, "subscriptions.csv": subscriptions, "payments.csv": payments])
        let output = fixture.folder.appendingPathComponent("out")
        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"],
                                  environment: ["TAGIH_SECRET": secret])
        return (result, output, fixture)
    }

    @Test func noCellOrCSVFieldBecomesAFormula() throws {
        let (result, output, fixture) = try hostileRun()
        defer { fixture.remove() }
        #expect(result.status == 0, "\(result.stderr)")
        let files = try Golden.snapshot(of: output)
        // Workbooks: the names are there, as text, and no cell anywhere holds a formula.
        let sheets = files.filter { $0.key.contains(".xlsx/xl/worksheets/") }
        #expect(!sheets.isEmpty)
        #expect(sheets.values.contains { $0.contains("<t>=HYPERLINK(\"http://evil.example\",") })
        for (name, xml) in sheets { #expect(!xml.contains("<f>") && !xml.contains("<f "), "\(name) holds a formula") }
        // CSV files meant for spreadsheets: no field starts with a formula character; the hostile
        // names are there, quoted away. Machine files (whatsapp.csv for bulk senders, payout
        // uploads, overdue.csv for router scripts) carry values exactly, as their readers need them.
        let machineFiles = ["whatsapp.csv", "payouts.csv", "overdue.csv"]
        for (name, text) in files where name.hasSuffix(".csv") && !machineFiles.contains(where: { name.hasSuffix($0) }) && !name.contains("payouts-") {
            for field in csvFields(text) {
                #expect(!(field.first.map { "=+-@\t\r".contains($0) } ?? false), "\(name): \(field)")
            }
        }
        // The same names in overdue.csv, a machine file, exactly as typed; the workbook beside
        // it is what people open.
        #expect(files["overdue.csv"]?.contains("T0,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Bayar di sini\"\")\",6281211112220,") == true)
        #expect(files["overdue.csv"]?.contains("T1,+cmd|' /C calc'!A0,6281211112221,") == true)
        // Inside a message the name is not at the start of a field: left as written; the name
        // field of the machine file carries it exactly.
        #expect(files["outbox/2026-11-30/whatsapp.csv"]?.contains("\"Halo +cmd|' /C calc'!A0, tagihan") == true)
        #expect(files["outbox/2026-11-30/whatsapp.csv"]?.contains(",+cmd|' /C calc'!A0,") == true)
    }

    @Test func anErrorsFileCarriesHostileValuesAsText() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": "id,name,email,active_seats\nT1,Budi,budi@mail.example,=1+1\n"])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("out")
        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"])
        #expect(result.status == 1)
        let errors = try String(contentsOf: output.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors.contains("tenants.csv,2,27,\"'=1+1\",active_seats is not a whole number"))
    }

    @Test func theSecretIsInNoOutputLogOrError() throws {
        let secret = "Zq9-secret-Nusa-7781"
        let (result, output, fixture) = try hostileRun(secret: secret)
        defer { fixture.remove() }
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        for (name, text) in try Golden.snapshot(of: output) { #expect(!text.contains(secret), "\(name)") }

        // A failing run with the secret set says nothing of it either, traced or not.
        fixture.write("tenants.csv", "id,name,email\nT1,Budi,broken\n")
        let failedOutput = fixture.folder.appendingPathComponent("failed/2026-11")
        let failed = try runTagih(["run", "--input", fixture.path, "--output", failedOutput.path, "--period", "2026-11"],
                                  environment: ["TAGIH_SECRET": secret, "TAGIH_TRACE": "1"])
        #expect(failed.status == 1)
        #expect(!failed.stdout.contains(secret) && !failed.stderr.contains(secret))
        #expect(try !String(contentsOf: failedOutput.appendingPathComponent("errors.csv"), encoding: .utf8).contains(secret))
    }

    @Test func noFileNameFromTheDataLeavesTheOutputFolder() throws {
        let settings = Fixture.settings + "invoice_number: \"../../../escaped/{SEQ:3}\"\n"
        let fixture = Fixture(settings: settings, files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants,
                                                          "subscriptions.csv": "id,tenant_id,product_id,start\nS1,T1,NET-30,2026-01-20\n"])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("deep/out")
        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("outbox/2026-11-30/mail").path).sorted() == ["escaped-001.eml", "escaped-001.pdf"])
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("escaped").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.appendingPathComponent("deep").path).filter { !$0.hasPrefix(".") } == ["out"])
    }

    /// The fields of an RFC 4180 text, unquoted.
    func csvFields(_ text: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," || character == "\r\n" || character == "\n" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty { fields.append(field) }
        return fields
    }
}
