import Testing
@testable import TagihIO

/// A column set's schema keeps its cases' order, spellings and required columns, and each
/// case's slot is where a reader puts that column's value.
@Suite struct TableColumnsTests {
    enum Fruit: Int, TableColumns {
        case id
        case unitPrice
        case fruitName
        case note

        static let table = "fruit"
        static let required: Set<Self> = [.id, .fruitName]

        var spelling: String? {
            switch self {
            case .unitPrice: "Unit price"
            default: nil
            }
        }
    }

    @Test func snakeCaseSpellsCaseNames() {
        #expect(snakeCase("tenantId") == "tenant_id")
        #expect(snakeCase("customField1") == "custom_field1")
        #expect(snakeCase("id") == "id")
    }

    @Test func theSchemaFollowsTheCases() {
        let schema = Fruit.schema
        #expect(schema.table == "fruit")
        #expect(schema.fields.map(\.name) == ["id", "Unit price", "fruit_name", "note"])
        #expect(schema.fields.map(\.required) == [true, false, true, false])
        #expect(Fruit.allCases.map(\.slot) == [0, 1, 2, 3])
        // Matched as readers match a header: case and surrounding blanks aside.
        #expect(schema.slot(for: " unit PRICE ") == Fruit.unitPrice.slot)
        #expect(schema.name(of: Fruit.note.slot) == "note")
    }

    /// A CSV file's columns, in any order and case, land in the slots of their cases.
    @Test func aReaderPutsEachColumnAtItsCasesSlot() throws {
        let rows = try readCSV(Array("note,Fruit_Name,id\nripe,apple,F1\n".utf8), schema: Fruit.schema)
        let fields = Fruit.schema.fields
        #expect(rows.count == 1)
        #expect(rows.first?[fields[Fruit.id.slot].name] == "F1")
        #expect(rows.first?[fields[Fruit.fruitName.slot].name] == "apple")
        #expect(rows.first?[fields[Fruit.note.slot].name] == "ripe")
        #expect(rows.first?[fields[Fruit.fruitName.slot].name + "@"] == "2:6")
    }
}
