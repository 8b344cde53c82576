import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihPipeline

/// `settings.payouts`: decoded into formats and a debit account, every mistake reported at
/// its position like the other settings.
@Suite struct PayoutSettingsTests {
    func problems(_ payouts: String) -> [String] {
        let fixture = Fixture(settings: Fixture.settings + payouts)
        defer { fixture.remove() }
        return check(fixture.path).diagnostics.map(\.description)
    }

    @Test func formatsAndDebitAccountAreRead() {
        let fixture = Fixture(settings: Fixture.settings + """
        payouts:
          formats: [xendit, OY]
          debit_account: {bank: BCA, account: "0123456789", holder: PT NusaNet Bandung}

        """)
        defer { fixture.remove() }
        let (_, input, diagnostics) = load(fixture.path)
        #expect(diagnostics.items.isEmpty)
        #expect(input.settings.payouts.formats == [.xendit, .oy])
        #expect(input.settings.payouts.debitAccount?.bank.code.digits == "014")
        #expect(input.settings.payouts.debitAccount?.account == "0123456789")
        #expect(input.settings.payouts.debitAccount?.holder == "PT NusaNet Bandung")
    }

    @Test func noPayoutsSettingWritesNoUploadFiles() {
        let fixture = Fixture()
        defer { fixture.remove() }
        #expect(load(fixture.path).1.settings.payouts == .none)
        #expect(problems("payouts: {formats: oy}\n") == [])
    }

    @Test func unknownFormatsListTheKnownOnesAndSayWhyABankIsNotProvided() {
        #expect(problems("payouts: {formats: [xendit, paypal, mandiri, xendit]}\n") == [
            "settings.yaml:4:29: payouts.formats: \"paypal\" is not a payout format tagih writes; known formats: oy, xendit",
            "settings.yaml:4:37: payouts.formats: \"mandiri\" is not provided: Mandiri MCM/Kopra publishes its bulk layout only in part, without the fields after the 18th or the format of bank codes; known formats: oy, xendit",
            "settings.yaml:4:46: payouts.formats lists xendit twice",
        ])
    }

    @Test func badShapesAndDebitAccounts() {
        #expect(problems("payouts: [xendit]\n") == ["settings.yaml:4:10: payouts must be a mapping {formats, debit_account}, not a list"])
        #expect(problems("""
        payouts:
          format: [oy]
          debit_account: {bank: Bank Sejahtera, account: 12-34, colour: red}

        """) == [ // in the order of their positions, as every settings problem
            "settings.yaml:5:3: payouts: unknown field \"format\" (formats, debit_account)",
            "settings.yaml:6:18: payouts.debit_account.holder is required",
            "settings.yaml:6:25: payouts.debit_account.bank \"Bank Sejahtera\" is not a bank tagih knows; write its 3-digit code (014 for BCA) or a name such as BCA, BRI, Bank Mandiri",
            "settings.yaml:6:50: payouts.debit_account.account is not an account number of digits",
            "settings.yaml:6:57: payouts.debit_account: unknown field \"colour\" (bank, account, holder)",
        ])
    }
}
