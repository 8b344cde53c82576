import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

let schema = TableSchema(table: "tenants", required: ["id", "name"], optional: ["address", "note"])

/// Writes `bytes` to a temporary file and reads every row back: (values by column, line, column).
func readCSV(_ bytes: [UInt8], schema: TableSchema = schema) throws(InputFailure) -> [[String: String]] {
    let folder = Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tenants.csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let reader = try CSVReader(path: path, name: "tenants.csv", schema: schema)
    var rows: [[String: String]] = []
    while true {
        switch try reader.next() {
        case .end: return rows
        case .malformed(let diagnostic): rows.append(["!": diagnostic.description])
        case .row:
            var row: [String: String] = [:]
            for (slot, field) in schema.fields.enumerated() where reader.row.spans[slot].count >= 0 {
                row[field.name] = reader.row.rawText(slot)
                row[field.name + "@"] = "\(reader.row.location(slot).line):\(reader.row.location(slot).column)"
            }
            rows.append(row)
        }
    }
}

func readCSV(_ text: String, schema: TableSchema = schema) throws(InputFailure) -> [[String: String]] {
    try readCSV(Array(text.utf8), schema: schema)
}

@Suite struct CSVReaderTests {
    @Test func quotedFieldsDoubledQuotesAndNewlinesInsideQuotes() throws {
        let rows = try readCSV("id,name,address\nT1,\"Klinik \"\"Sehat\"\"\",\"Jl. Dago 12,\nBandung\"\nT2,Budi,Cimahi\n")
        #expect(rows.count == 2)
        #expect(rows[0]["name"] == "Klinik \"Sehat\"")
        #expect(rows[0]["address"] == "Jl. Dago 12,\nBandung")
        #expect(rows[1]["id"] == "T2")
        // The second record starts on line 4, because the first spans lines 2 and 3.
        #expect(rows[1]["id@"] == "4:1")
        #expect(rows[1]["address@"] == "4:9")
    }

    @Test func crlfBomAndSemicolonsAreDetected() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Id;Name;Address\r\nT1;Siti;\"Jl. A; No. 2\"\r\nT2;Agus;Bandung\r\n".utf8)
        let rows = try readCSV(bytes)
        #expect(rows.count == 2)
        #expect(rows[0]["id"] == "T1")
        #expect(rows[0]["address"] == "Jl. A; No. 2")
        #expect(rows[1]["address"] == "Bandung")
        #expect(rows[1]["address@"] == "3:9")
    }

    @Test func columnsMatchByNameInAnyOrderAndCaseUnknownOnesIgnored() throws {
        let rows = try readCSV("Extra,NAME, id \nx,Budi,T9\n")
        #expect(rows[0]["id"] == "T9")
        #expect(rows[0]["name"] == "Budi")
        #expect(rows[0]["id@"] == "2:8")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let rows = try readCSV("name,id\nCafé Ñ,T1\n")
        #expect(rows[0]["id@"] == "2:8")
    }

    @Test func lastLineWithoutNewlineAndBlankLines() throws {
        let rows = try readCSV("id,name\n\nT1,A\n\r\nT2,B")
        #expect(rows.map { $0["id"] } == ["T1", "T2"])
    }

    @Test func aWrongFieldCountIsReportedAndReadingGoesOn() throws {
        let rows = try readCSV("id,name\nT1,A,extra\nT2,B\n")
        #expect(rows[0]["!"] == "tenants.csv:2:1: the row has 3 fields; the header has 2")
        #expect(rows[1]["id"] == "T2")
    }

    @Test func textAfterAClosingQuoteIsReported() throws {
        let rows = try readCSV("id,name\nT1,\"A\"x\nT2,B\n")
        #expect(rows[0]["!"]?.hasPrefix("tenants.csv:2:7: text after a closing quote") == true)
        #expect(rows[1]["id"] == "T2")
    }

    @Test func anUnterminatedQuoteStopsTheFile() {
        #expect {
            _ = try readCSV("id,name\nT1,\"never closed\nT2,B\n")
        } throws: { error in
            (error as? InputFailure)?.description == "tenants.csv:2:4: a quoted field that is never closed"
        }
    }

    @Test func headerProblems() {
        #expect {
            _ = try readCSV("id,name,ID\nT1,A,B\n")
        } throws: { error in
            (error as? InputFailure)?.description == "tenants.csv:1:9: column \"id\" appears twice in the header (also column 1)"
        }
        #expect {
            _ = try readCSV("id,address\nT1,A\n")
        } throws: { error in
            (error as? InputFailure)?.description == "tenants.csv:1:1: the header has no column \"name\", which tenants requires"
        }
        #expect {
            _ = try readCSV("")
        } throws: { error in
            (error as? InputFailure)?.description == "tenants.csv:1:1: the file is empty; a CSV table needs a header row"
        }
    }

    @Test func aHugeFieldIsRefusedWithItsPosition() {
        let huge = "id,name\nT1,A\nT2,\"" + String(repeating: "x", count: 10 << 20) + "\"\n"
        #expect {
            _ = try readCSV(huge)
        } throws: { error in
            (error as? InputFailure)?.description.hasPrefix("tenants.csv:3:1: a record starting here is longer than 1 MiB") == true
        }
    }

    @Test func recordsSpanningManyChunksStream() throws {
        // 40,000 rows (about 1.6 MB) cross the reader's 1 MiB window several times.
        var text = "id,name,address\n"
        for index in 0..<40_000 { text += "T\(index),\"Name, \(index)\",\"Line 1\nLine 2\"\n" }
        let rows = try readCSV(text)
        #expect(rows.count == 40_000)
        #expect(rows[39_999]["id"] == "T39999")
        #expect(rows[39_999]["id@"] == "80000:1")
        #expect(rows[20_000]["name"] == "Name, 20000")
    }
}
