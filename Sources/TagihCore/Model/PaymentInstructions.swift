/// Text an operator writes once per language (`{id: "...", en: "..."}`), or once for both.
public struct LocalText: Sendable, Equatable {
    public var byLanguage: [Language: String]

    public init(_ byLanguage: [Language: String]) { self.byLanguage = byLanguage }

    /// The text in `language`, else in the other one.
    public func text(_ language: Language) -> String {
        byLanguage[language] ?? byLanguage.sorted { $0.key.rawValue < $1.key.rawValue }.first?.value ?? ""
    }
}

/// How a customer pays (`settings.payment_instructions`): the operator's bank accounts, a
/// virtual-account or QRIS text, a pay link with `{number}` for the invoice number, and a
/// closing sentence. Every invoice that asks for money shows them.
public struct PaymentInstructions: Sendable, Equatable {
    public struct BankAccount: Sendable, Equatable {
        public var bank: String
        public var account: String
        public var holder: String

        public init(bank: String, account: String, holder: String) {
            self.bank = bank
            self.account = account
            self.holder = holder
        }
    }

    public var bankAccounts: [BankAccount] = []
    public var virtualAccount: LocalText?
    public var qris: LocalText?
    /// `https://bayar.example/{number}`.
    public var payLink: String?
    public var text: LocalText?

    public init() {}

    public var isEmpty: Bool { bankAccounts.isEmpty && virtualAccount == nil && qris == nil && payLink == nil && text == nil }

    /// The pay link for one invoice: the number put in, percent-encoded for a URL path
    /// (`INV/2026/11/00031` as `INV%2F2026%2F11%2F00031`).
    public func link(for number: String) -> String? {
        guard let payLink else { return nil }
        let hex = Array("0123456789ABCDEF")
        var safe = ""
        for byte in number.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._~".unicodeScalars.contains(scalar) {
                safe.unicodeScalars.append(scalar)
            } else {
                safe += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return payLink.replacing("{number}", with: safe)
    }
}
