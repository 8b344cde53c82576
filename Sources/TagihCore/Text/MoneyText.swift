/// Amounts and dates as a reader of an invoice expects them in their language:
/// Indonesian `Rp 1.500.000` and `20 November 2026`; English `IDR 1,500,000`, `USD 55.39`.
public enum MoneyText {
    public static func format(_ money: Money, minorUnits: Int, language: Language) -> String {
        let scale = UInt64(pow10(minorUnits))
        var whole = money.minor.magnitude / scale
        var fraction = money.minor.magnitude % scale
        let (group, decimal) = language == .id ? (UInt8(ascii: "."), UInt8(ascii: ",")) : (UInt8(ascii: ","), UInt8(ascii: "."))
        // Written from the right and turned around: bytes, as every document shows several
        // amounts (characters and string concatenation took a second and a half a month).
        var reversed: [UInt8] = []
        reversed.reserveCapacity(40)
        if minorUnits > 0 {
            for _ in 0..<minorUnits {
                reversed.append(UInt8(ascii: "0") + UInt8(fraction % 10))
                fraction /= 10
            }
            reversed.append(decimal)
        }
        var digits = 0
        repeat {
            if digits > 0 && digits % 3 == 0 { reversed.append(group) }
            reversed.append(UInt8(ascii: "0") + UInt8(whole % 10))
            whole /= 10
            digits += 1
        } while whole > 0
        reversed.append(UInt8(ascii: " "))
        let code = money.currency.description
        reversed.append(contentsOf: (language == .id && code == "IDR" ? "Rp" : code).utf8.reversed())
        if money.minor < 0 { reversed.append(UInt8(ascii: "-")) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }

    /// A unit price, which may carry more decimals than the currency bills (`Rp 75.000,50`):
    /// shown with the currency's decimals, or its own where it has more.
    public static func format(decimal: ExactDecimal, currency: CurrencyCode, minorUnits: Int, language: Language) -> String {
        let scale = max(minorUnits, decimal.significantScale)
        let padded = decimal.padded(toScale: scale)
        let units = padded.scale > scale ? padded.units / pow10(padded.scale - scale) : padded.units
        return format(Money(minor: units, currency: currency), minorUnits: scale, language: language)
    }
}

public enum DateText {
    static let indonesianMonths = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// `20 November 2026` in either language (day, month name, year: usual in both).
    public static func format(_ date: CivilDate, language: Language) -> String {
        let (year, month, day) = date.components
        let months = language == .id ? indonesianMonths : englishMonths
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// `November 2026`, `Desember 2026`.
    public static func format(_ period: Period, language: Language) -> String {
        let months = language == .id ? indonesianMonths : englishMonths
        return "\(months[period.month - 1]) \(period.year)"
    }
}

/// *Terbilang*: an amount in Indonesian words, as Indonesian invoices write the total.
public enum Terbilang {
    static let units = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]

    /// `1500000` → `satu juta lima ratus ribu`.
    public static func words(_ value: UInt64) -> String {
        if value == 0 { return "nol" }
        return spell(value).joined(separator: " ")
    }

    private static func spell(_ value: UInt64) -> [String] {
        switch value {
        case 0: return []
        case 1...11: return [units[Int(value)]]
        case 12...19: return [units[Int(value - 10)], "belas"]
        case 20...99: return [units[Int(value / 10)], "puluh"] + spell(value % 10)
        case 100...199: return ["seratus"] + spell(value - 100)
        case 200...999: return [units[Int(value / 100)], "ratus"] + spell(value % 100)
        case 1_000...1_999: return ["seribu"] + spell(value - 1_000)
        case 2_000...999_999: return spell(value / 1_000) + ["ribu"] + spell(value % 1_000)
        case 1_000_000...999_999_999: return spell(value / 1_000_000) + ["juta"] + spell(value % 1_000_000)
        case 1_000_000_000...999_999_999_999: return spell(value / 1_000_000_000) + ["miliar"] + spell(value % 1_000_000_000)
        default: return spell(value / 1_000_000_000_000) + ["triliun"] + spell(value % 1_000_000_000_000)
        }
    }

    /// The whole amount in words with its currency: `satu juta lima ratus ribu rupiah`;
    /// cents follow as `... dolar AS tiga puluh sembilan sen`.
    public static func amount(_ money: Money, minorUnits: Int) -> String {
        let magnitude = money.minor.magnitude
        let scale = UInt64(pow10(minorUnits))
        let name: String
        switch money.currency.description {
        case "IDR": name = "rupiah"
        case "USD": name = "dolar AS"
        case "SGD": name = "dolar Singapura"
        case "EUR": name = "euro"
        default: name = money.currency.description
        }
        var text = (money.minor < 0 ? "minus " : "") + words(magnitude / scale) + " " + name
        if minorUnits > 0 && magnitude % scale > 0 { text += " " + words(magnitude % scale) + " sen" }
        return text
    }
}

/// Phone numbers as WhatsApp bulk senders take them: E.164 digits without the `+`.
public enum PhoneNumber {
    /// `0812-3456-789` and `+62 812-3456-789` become `628123456789`; a number that cannot be
    /// read without guessing (letters, too short or long, no country or trunk prefix) is nil.
    public static func e164(_ text: String, countryCode: String = "62") -> String? {
        var digits = ""
        var plus = false
        for (index, character) in text.trimmingBlanks().enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case "+" where index == 0: plus = true
            case " ", "-", ".", "(", ")": continue
            default: return nil
            }
        }
        if plus {
            // already international
        } else if digits.hasPrefix("00") {
            digits.removeFirst(2)
        } else if digits.hasPrefix("0") {
            digits = countryCode + digits.dropFirst()
        } else if !digits.hasPrefix(countryCode) {
            return nil
        }
        guard (10...15).contains(digits.count), !digits.hasPrefix("0") else { return nil }
        return digits
    }
}

extension String {
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
