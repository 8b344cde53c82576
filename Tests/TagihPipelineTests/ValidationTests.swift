import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihPipeline

/// Every validation rule of the foundation issue, each with the exact message and position.
@Suite struct ValidationTests {
    func problems(_ files: [String: String], settings: String = Fixture.settings) -> [String] {
        let fixture = Fixture(settings: settings, files: files)
        defer { fixture.remove() }
        return check(fixture.path).diagnostics.map(\.description)
    }

    @Test func aValidInputHasNoProblems() {
        #expect(problems(["products.csv": Fixture.products, "tenants.csv": Fixture.tenants]) == [])
    }

    @Test func missingRequiredFieldAndWrongTypes() {
        let found = problems([
            "products.csv": Fixture.products,
            "tenants.csv": "id,name,email,active_seats,locale\nT1,,budi@mail.example,many,xx\nT2,Siti,not-an-email,3,id\n",
        ])
        #expect(found == [
            "tenants.csv:2:4: name is required but empty",
            "tenants.csv:2:23: active_seats is not a whole number",
            "tenants.csv:2:28: locale is not one of: id, en",
            "tenants.csv:3:9: email is not an email address",
        ])
    }

    @Test func unparseableAmountsNegativePricesUnknownCurrencies() {
        let found = problems(["products.yaml": """
        - {id: A, name: A, price: "12,5", billing: flat}
        - {id: B, name: B, price: -1000, billing: flat}
        - {id: C, name: C, price: 1e5, billing: flat}
        - {id: D, name: D, price: 100, billing: flat, currency: XYZ}
        - {id: E, name: E, price: 10.001, billing: flat, currency: USD}
        - {id: F, name: F, price: 100, billing: monthly}

        """])
        #expect(found == [
            "products.yaml:1:27: price is not a decimal number",
            "products.yaml:2:27: price is negative",
            "products.yaml:3:27: price is in exponent form; write the digits out",
            "products.yaml:4:57: currency is not a known ISO 4217 currency code",
            "products.yaml:5:27: price has more decimals than USD allows (2)",
            "products.yaml:6:41: billing is not one of: flat, per_seat",
        ])
    }

    @Test func impossibleDatesDuplicateIdsAndDanglingReferences() {
        let found = problems([
            "products.csv": Fixture.products,
            "tenants.csv": Fixture.tenants,
            "subscriptions.csv": """
            id,tenant_id,product_id,start,term_months,end
            S1,T1,NET-30,2026-02-30,1,
            S2,T9,NET-30,2026-01-20,1,
            S3,T1,NET-99,2026-01-20,1,
            S2,T1,NET-30,2026-01-20,1,
            S4,T2,SEAT,2026-01-20,3,
            S5,T1,NET-30,2026-05-20,1,2026-04-01

            """,
        ])
        #expect(found == [
            "subscriptions.csv:2:14: start is not a day of the calendar",
            "subscriptions.csv:3:4: tenant_id refers to an unknown tenant \"T9\"",
            "subscriptions.csv:4:7: product_id refers to an unknown product \"NET-99\"",
            "subscriptions.csv:5:1: id \"S2\" is a duplicate id (first at line 3)",
            "subscriptions.csv:6:23: term_months asks for a 3-month term; product SEAT allows 1, 12 months",
            "subscriptions.csv:7:27: end is before the start 2026-05-20",
        ])
    }

    @Test func referencesToInvalidRowsSaySo() {
        let found = problems([
            "products.csv": Fixture.products,
            "tenants.csv": "id,name,email\nT1,Budi,broken\n",
            "subscriptions.csv": "id,tenant_id,product_id,start\nS1,T1,NET-30,2026-01-20\n",
        ])
        #expect(found.contains("subscriptions.csv:2:4: tenant_id refers to tenant \"T1\", whose row has errors"))
    }

    @Test func settingsProblems() {
        let found = problems([:], settings: """
        operator: {name: NusaNet}
        currency: RPH
        tax: {rate: 0.11}
        invoice_number: "INV-{YYYY}"
        timezone: Mars/Olympus
        colour: blue

        """)
        #expect(found == [
            "settings.yaml:1:11: operator.email is required",
            "settings.yaml:2:11: currency \"RPH\" is not a known ISO 4217 currency code",
            "settings.yaml:3:13: tax.rate is a bare number; write a percent with its sign, like 11%",
            "settings.yaml:4:17: invoice_number must contain {SEQ} or {SEQ:n} exactly once",
            "settings.yaml:5:11: timezone \"Mars/Olympus\" is not a known time zone (like Asia/Jakarta)",
            "settings.yaml:6:1: unknown setting \"colour\"; known settings: cancel_credit, consolidate, credit_note_number, currency, currency_minor_units, dunning, fees, invoice_number, locale, min_payout, number_locale, operator, payment_code_ttl, payment_instructions, payment_memory, payouts, pdf, platform_commission, renewal_notice, router, tax, timezone",
        ])
    }

    @Test func twoFormsOfOneTableAndMissingSettings() {
        let both = problems(["tenants.csv": Fixture.tenants, "tenants.yaml": "[]\n"])
        #expect(both == ["tenants.yaml: both tenants.csv and tenants.yaml exist; keep one form of the tenants table"])
        let fixture = Fixture()
        defer { fixture.remove() }
        try? FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("settings.yaml"))
        #expect(check(fixture.path).diagnostics.map(\.description) == ["settings.yaml: settings.yaml is missing from \(fixture.path)"])
    }

    @Test func indonesianNumbersWhenTheSettingsSaySo() {
        let found = problems([
            "products.csv": "id;name;price;billing\nA;A;1.500.000,50;flat\nB;B;1,500,000;flat\n",
        ], settings: Fixture.settings + "number_locale: id\n")
        #expect(found == ["products.csv:3:5: price is not a decimal number"])
    }
}
