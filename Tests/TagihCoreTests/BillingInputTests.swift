import Testing
@testable import TagihCore

/// The validated input: subscriptions found by id in the table they are sorted into, and a
/// tenant's payout terms, kept out of line, read and changed like any other field.
@Suite struct BillingInputTests {
    @Test func subscriptionsAreFoundByIdInIdOrder() {
        let subscriptions = ["S3", "S1", "S10", "S2"].map {
            Subscription(id: $0, tenantId: "T1", productId: "P", start: day("2026-01-01"), quantity: 1)
        }
        let input = BillingInput(settings: settings(), tenants: [String: Tenant](), products: [:], subscriptions: subscriptions)
        #expect(input.subscriptions.map(\.id) == ["S1", "S10", "S2", "S3"])
        #expect(["S1", "S10", "S2", "S3"].map { input.subscriptionPlace($0) } == [0, 1, 2, 3])
        #expect(input.subscriptionPlace("S0") == nil && input.subscriptionPlace("S11") == nil && input.subscriptionPlace("S4") == nil)
        let none = BillingInput(settings: settings(), tenants: [String: Tenant](), products: [:], subscriptions: [])
        #expect(none.subscriptionPlace("S1") == nil)
    }

    @Test func payoutTermsAreAFieldLikeAnyOther() {
        var clinic = Tenant(id: "T1", name: "Klinik", email: "k@example.com", currency: idr,
                            bank: BankAccount(code: "BCA", account: "123", holder: "Klinik"), payoutSchedule: .weekly,
                            appointmentFee: Money(minor: 50_000, currency: idr))
        let before = clinic
        clinic.adminFeeNew = Money(minor: 10_000, currency: idr)
        clinic.payoutSchedule = .hold
        #expect(clinic.adminFeeNew?.minor == 10_000 && clinic.payoutSchedule == .hold && clinic.bank?.account == "123")
        #expect(before.adminFeeNew == nil && before.payoutSchedule == .weekly && before.appointmentFee?.minor == 50_000)
        let household = Tenant(id: "T2", name: "Rumah", email: "r@example.com", currency: idr)
        #expect(household.payoutSchedule == .monthly && household.bank == nil && household.appointmentFee == nil)
    }
}
