/// A unit of measure from Coretax's reference list (`UM.0001` Metrik Ton ... `UM.0024` Bulan,
/// `UM.0033` Lainnya ... `UM.0039` Roll in DJP's template v1.6.1). Coretax checks the code
/// against its list, so an unknown one is refused when products are read rather than later.
public struct MeasureUnit: Sendable, Hashable, CustomStringConvertible {
    /// `UM.0024`.
    public let code: String

    /// The numbers DJP's template v1.6.1 lists; widen when DJP adds codes.
    public static let known: ClosedRange<Int> = 1...39

    /// `UM.0033` Lainnya ("other"): what a product without a unit is invoiced in.
    public static let other = MeasureUnit(number: 33)
    /// `UM.0024` Bulan (month).
    public static let month = MeasureUnit(number: 24)

    /// `UM.` and four digits of a known code, case-insensitively (`um.0024` reads as `UM.0024`).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] | 0x20 == UInt8(ascii: "u"), bytes[1] | 0x20 == UInt8(ascii: "m"), bytes[2] == UInt8(ascii: ".") else { return nil }
        var number = 0
        for byte in bytes[3...] {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard MeasureUnit.known.contains(number) else { return nil }
        self.init(number: number)
    }

    private init(number: Int) {
        let digits = String(number)
        code = "UM." + String(repeating: "0", count: 4 - digits.count) + digits
    }

    public var description: String { code }
}
