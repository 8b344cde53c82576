import Testing
@testable import TagihCore

/// What a tenant's `bank_code` may say, and the committed bank table's own consistency.
@Suite struct PayoutBankDirectoryTests {
    let banks = BankDirectory.indonesia

    func code(_ written: String) -> String? { banks.bank(written: written)?.code.digits }

    @Test func theWaysTenantsWriteBCAAllMean014() {
        for written in ["014", "14", " 014 ", "BCA", "bca", "Bca", "Bank Central Asia", "PT. Bank Central Asia, Tbk.", "ID_BCA", "id_bca"] {
            #expect(code(written) == "014", "\(written)")
        }
    }

    @Test func otherBanksByCodeNameAndServiceCode() {
        #expect(code("008") == "008")
        #expect(code("8") == "008") // a spreadsheet's 008
        #expect(code("Bank Mandiri") == "008")
        #expect(code("MANDIRI") == "008")
        #expect(code("BRI") == "002")
        #expect(code("Bank Negara Indonesia") == "009")
        #expect(code("BSI") == "451") // from Xendit's ID_BSI
        #expect(code("bsm") == "451") // Flip's old code for the same bank
        #expect(code("Bank Syariah Indonesia") == "451")
        #expect(code("Jago") == "542")
        #expect(code("Bank Artos Indonesia") == "542") // Jago's legal name before 2020: the code stayed
        #expect(code("BCA Digital") == "501")
    }

    @Test func anythingElseIsUnknownNotAGuess() {
        for written in ["", "0014", "1234", "Bank XYZ", "Central Asia", "BCA Syariahh", "014A", "MANDIRI_UUS"] {
            #expect(banks.bank(written: written) == nil, "\(written)")
        }
    }

    @Test func theTableHas112BanksEachCodeAndSpellingOnce() {
        #expect(banks.banks.count == 112)
        #expect(Set(banks.banks.map(\.code)).count == 112)
        // No spelling was dropped as ambiguous: each resolves to the bank that lists it.
        for bank in banks.banks {
            for alias in bank.aliases {
                #expect(banks.bank(written: alias)?.code == bank.code, "\(alias) of \(bank)")
            }
        }
        let channels = banks.banks.compactMap(\.xenditChannel)
        #expect(channels.count == 101)
        #expect(Set(channels).count == 101)
        #expect(channels.allSatisfy { $0.text.hasPrefix("ID_") })
        #expect(banks[BankCode("014")!]?.xenditChannel?.text == "ID_BCA")
        #expect(banks[BankCode("451")!]?.xenditChannel?.text == "ID_BSI")
        #expect(banks[BankCode("212")!]?.xenditChannel == nil)
    }

    @Test func twoBanksClaimingOneSpellingGetNeither() {
        let a = Bank(code: BankCode("001")!, name: "Alpha", xenditChannel: nil, aliases: ["SHARED"])
        let b = Bank(code: BankCode("002")!, name: "Beta", xenditChannel: nil, aliases: ["SHARED"])
        let directory = BankDirectory([a, b])
        #expect(directory.bank(written: "shared") == nil)
        #expect(directory.bank(written: "alpha")?.code == a.code)
    }

    @Test func bankCodesAreThreeDigits() {
        #expect(BankCode("014")?.digits == "014")
        #expect(BankCode("14") == nil)
        #expect(BankCode("0140") == nil)
        #expect(BankCode("O14") == nil)
    }
}
