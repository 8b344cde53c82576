import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

let tenantSchema = TableSchema(table: "tenants", required: ["id", "name"], optional: ["bank_code", "bank_account", "terms", "note"])

func readYAML(_ text: String) throws(InputFailure) -> [[String: String]] {
    let folder = Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tenants.yaml").path
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    let reader = try YAMLTableReader(path: path, name: "tenants.yaml", schema: tenantSchema)
    var rows: [[String: String]] = []
    while true {
        switch try reader.next() {
        case .end: return rows
        case .malformed(let diagnostic): rows.append(["!": diagnostic.description])
        case .row:
            var row: [String: String] = [:]
            for (slot, field) in tenantSchema.fields.enumerated() where reader.row.spans[slot].count >= 0 {
                row[field.name] = reader.row.rawText(slot)
                row[field.name + "@"] = "\(reader.row.location(slot).line):\(reader.row.location(slot).column)"
            }
            rows.append(row)
        }
    }
}

@Suite struct YAMLTableReaderTests {
    @Test func recordsNestedMappingsAndLists() throws {
        let rows = try readYAML("""
        - id: T1
          name: "Klinik: Sehat"
          bank: {code: BCA, account: "0012345"}
          terms: [1, 3, 12]
          unknown: {deep: [1, 2]}
        - {id: T2, name: Budi, note: ~}
        """)
        #expect(rows.count == 2)
        #expect(rows[0]["name"] == "Klinik: Sehat")
        #expect(rows[0]["bank_code"] == "BCA")
        #expect(rows[0]["bank_account"] == "0012345")
        #expect(rows[0]["bank_account@"] == "3:30")
        #expect(rows[0]["terms"] == "1|3|12")
        #expect(rows[1]["id"] == "T2")
        #expect(rows[1]["note"] == nil)
    }

    @Test func anEmptyListHasNoRecords() throws {
        #expect(try readYAML("[]\n").isEmpty)
    }

    @Test func aliasesAreRefused() {
        #expect {
            _ = try readYAML("- &a {id: T1, name: A}\n- *a\n")
        } throws: { error in
            (error as? InputFailure)?.description == "tenants.yaml:2:3: YAML aliases (*name) are not supported here; write the value out in full"
        }
    }

    @Test func notATableAtAll() {
        #expect {
            _ = try readYAML("id: T1\nname: A\n")
        } throws: { error in
            (error as? InputFailure)?.description.hasPrefix("tenants.yaml:1:1: expected a list of tenants records") == true
        }
        #expect {
            _ = try readYAML("")
        } throws: { error in
            (error as? InputFailure)?.description == "tenants.yaml:1:1: the file is empty; expected a list of tenants records"
        }
        #expect {
            _ = try readYAML("- id: T1\n  name: [unclosed\n")
        } throws: { error in
            (error as? InputFailure)?.description.contains("YAML syntax error") == true
        }
    }

    @Test func badRecordsAreReportedAndReadingGoesOn() throws {
        let rows = try readYAML("- just a string\n- {id: T1, id: T2, name: A}\n- {id: T3, name: C}\n")
        #expect(rows[0]["!"] == "tenants.yaml:1:3: expected a record (a mapping of field: value), found something else")
        #expect(rows[1]["!"] == "tenants.yaml:2:12: key \"id\" appears twice in this record")
        #expect(rows[2]["id"] == "T3")
    }
}
