/// A product's code in Coretax's goods and services list: six digits; `000000` is the generic
/// code DJP's own sample uses for anything not looked up (such as 160103, IT consulting).
public struct GoodsServiceCode: Sendable, Hashable, CustomStringConvertible {
    public let digits: String

    public static let generic = GoodsServiceCode(digits: "000000")

    /// Six ASCII digits exactly; nil otherwise.
    public init?(_ text: String) {
        guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        digits = text
    }

    private init(digits: String) { self.digits = digits }

    public var description: String { digits }
}
