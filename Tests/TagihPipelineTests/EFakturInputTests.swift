import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihPipeline

/// The inputs of tax invoices (rule 16): operator.tax_id and idtku, tenants' tax_id and nitku,
/// products' service_code and unit, each checked where it is read, with its position.
@Suite struct EFakturInputTests {
    static let settings = """
    operator: {name: NusaNet, email: billing@nusanet.example, tax_id: "01.234.567.8-901.000", idtku: "0012345678901000000001"}
    currency: IDR
    tax: {rate: 12%, base: 11/12}

    """

    static let tenants = """
    id,name,email,address,tax_id,nitku
    T1,PT Pembeli,finance@pembeli.example,Jl. Sudirman 1,02.345.678.9-012.000,0023456789012000000002
    T2,Budi,budi@mail.example,Jl. Melati 2,3174061502560010,
    T3,Siti,siti@mail.example,,,

    """

    static let products = """
    id,name,price,billing,service_code,unit
    NET,Internet,250000,flat,160103,UM.0024
    SEAT,StaffHub,15000,per_seat,,

    """

    func problems(settings: String = Self.settings, tenants: String = Self.tenants, products: String = Self.products) -> [String] {
        let fixture = Fixture(settings: settings, files: ["tenants.csv": tenants, "products.csv": products])
        defer { fixture.remove() }
        return check(fixture.path).diagnostics.map(\.description)
    }

    @Test func validFieldsAreReadIntoTheModel() throws {
        let fixture = Fixture(settings: Self.settings, files: ["tenants.csv": Self.tenants, "products.csv": Self.products])
        defer { fixture.remove() }
        let (_, input, diagnostics) = load(fixture.path)
        #expect(diagnostics.items.map(\.description) == [])
        #expect(input.settings.operator.taxId == "01.234.567.8-901.000")
        #expect(input.settings.operator.taxIdentity == .npwp("0012345678901000"))
        #expect(input.settings.operator.idtku?.digits == "0012345678901000000001")
        #expect(input.tenants["T1"]?.taxIdentity == .npwp("0023456789012000"))
        #expect(input.tenants["T1"]?.nitku?.digits == "0023456789012000000002")
        #expect(input.tenants["T2"]?.taxIdentity == .nik("3174061502560010"))
        #expect(input.tenants["T2"]?.nitku == nil)
        #expect(input.tenants["T3"]?.taxIdentity == nil)
        #expect(input.products["NET"]?.serviceCode == GoodsServiceCode("160103"))
        #expect(input.products["NET"]?.unit == .month)
        #expect(input.products["SEAT"]?.serviceCode == nil)
        #expect(input.products["SEAT"]?.unit == nil)
        #expect(TaxInvoices.seller(of: input.settings)?.place.digits == "0012345678901000000001")
    }

    @Test func badTenantTaxIdsAndNITKUsAreReportedWhereTheyAre() {
        let found = problems(tenants: """
        id,name,email,tax_id,nitku
        T1,A,a@x.example,12.345.678,
        T2,B,b@x.example,NPWP 0123,
        T3,C,c@x.example,,0023456789012000000002
        T4,D,d@x.example,02.345.678.9-012.000,002345678901200000000
        T5,E,e@x.example,02.345.678.9-012.000,0099999999999000000000
        T6,F,f@x.example,000000000000000,

        """)
        #expect(found == [
            "tenants.csv:2:18: tax_id has 8 digits; an NPWP has 15 or 16, a NIK 16",
            "tenants.csv:3:18: tax_id is not an NPWP (15 or 16 digits; dots, dashes and spaces allowed) or a NIK (16 digits)",
            "tenants.csv:4:19: nitku needs tax_id, the NPWP or NIK it belongs to",
            "tenants.csv:5:39: nitku has 21 digits; a NITKU has 22 (the 16-digit NPWP and 6 more)",
            "tenants.csv:6:39: nitku does not start with the 16 digits of tax_id (0023456789012000)",
            "tenants.csv:7:18: tax_id is all zeros, which Coretax uses for a buyer without NPWP; leave it empty instead",
        ])
    }

    @Test func badServiceCodesAndUnitsAreReportedWhereTheyAre() {
        let found = problems(products: """
        id,name,price,billing,service_code,unit
        A,A,1000,flat,16010,UM.0024
        B,B,1000,flat,160103,UM.0040
        C,C,1000,flat,ABCDEF,Bulan

        """)
        #expect(found == [
            "products.csv:2:15: service_code is not a Coretax goods or services code (six digits, 000000 for the generic one)",
            "products.csv:3:22: unit is not a Coretax unit of measure (UM.0001 to UM.0039, such as UM.0024 for a month)",
            "products.csv:4:15: service_code is not a Coretax goods or services code (six digits, 000000 for the generic one)",
            "products.csv:4:22: unit is not a Coretax unit of measure (UM.0001 to UM.0039, such as UM.0024 for a month)",
        ])
    }

    @Test func operatorTaxIdAndIDTKUAreCheckedTogether() {
        func settings(_ fields: String) -> String {
            "operator: {name: NusaNet, email: billing@nusanet.example, \(fields)}\ncurrency: IDR\n"
        }
        #expect(problems(settings: settings("tax_id: \"01.234.567\"")) == [
            "settings.yaml:1:67: operator.tax_id has 8 digits; an NPWP has 15 or 16, a NIK 16",
        ])
        #expect(problems(settings: settings("idtku: \"0012345678901000000000\"")) == [
            "settings.yaml:1:66: operator.idtku needs operator.tax_id, the NPWP it belongs to",
        ])
        #expect(problems(settings: settings("tax_id: \"01.234.567.8-901.000\", idtku: \"0099999999999000000000\"")) == [
            "settings.yaml:1:98: operator.idtku does not start with the 16 digits of operator.tax_id (0012345678901000)",
        ])
        #expect(problems(settings: settings("tax_id: \"01.234.567.8-901.000\", idtku: \"00123456789010000000\"")) == [
            "settings.yaml:1:98: operator.idtku has 20 digits; a NITKU has 22 (the 16-digit NPWP and 6 more)",
        ])
        // Without a tax id there are no tax invoices, and nothing to check.
        #expect(problems(settings: settings("tax_id: \"\"")) == [])
    }
}
