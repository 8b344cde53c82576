/// The banks payouts can go to, and what a tenant's `bank_code` means.
///
/// A tenant may write the three-digit code (`014`, or `14` when a spreadsheet dropped the
/// zero), OY!'s bank name (`BCA`, `Bank Mandiri`), the bank's legal name with or without
/// `PT`/`Tbk` (`PT Bank Central Asia Tbk`), Xendit's old bank code (`MANDIRI`, `BNI`), Xendit's
/// channel code (`ID_BCA`) or Flip's (`bca`), in any case. Anything else is unknown, never a
/// guess: a transfer to the wrong bank cannot be called back.
public struct BankDirectory: Sendable {
    private let byCode: [BankCode: Bank]
    private let byAlias: [String: BankCode]
    public let banks: [Bank]

    /// Spellings claimed by two banks are dropped rather than resolved to either.
    public init(_ banks: [Bank]) {
        self.banks = banks.sorted { $0.code < $1.code }
        var byCode: [BankCode: Bank] = [:]
        var byAlias: [String: BankCode] = [:]
        var ambiguous: Set<String> = []
        for bank in banks {
            byCode[bank.code] = bank
            for alias in bank.aliases + [Self.normalise(bank.name)] where !alias.isEmpty {
                if let other = byAlias[alias], other != bank.code { ambiguous.insert(alias) }
                byAlias[alias] = bank.code
            }
        }
        for alias in ambiguous { byAlias[alias] = nil }
        self.byCode = byCode
        self.byAlias = byAlias
    }

    public subscript(code: BankCode) -> Bank? { byCode[code] }

    /// The bank a tenant's `bank_code` names, or nil when it names none for certain.
    public func bank(written text: String) -> Bank? {
        let trimmed = text.trimmingBlanks()
        if !trimmed.isEmpty, trimmed.utf8.count <= 3, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // Codes are numbers to a spreadsheet: `14` lost its leading zero but can mean only 014.
            return BankCode(String(repeating: "0", count: 3 - trimmed.utf8.count) + trimmed).flatMap { byCode[$0] }
        }
        return byAlias[Self.normalise(text)].flatMap { byCode[$0] }
    }

    /// Upper case, words of ASCII letters and digits separated by one space, without `PT`,
    /// `TBK` and `PERSERO`: `PT. Bank Central Asia, Tbk.` and `bank central  asia` are one name.
    public static func normalise(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty && word != "PT" && word != "TBK" && word != "PERSERO" { words.append(word) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "0"..."9": word.unicodeScalars.append(scalar)
            case "a"..."z": word += String(scalar).uppercased()
            default: flush()
            }
        }
        flush()
        return words.joined(separator: " ")
    }
}
