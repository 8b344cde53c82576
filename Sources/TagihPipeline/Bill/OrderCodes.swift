import Crypto
import Foundation
import TagihCore

/// The codes an order carries: a payment code (public, a reference the customer pays with) and,
/// for products that need one, an activation code only the operator can derive.
public enum OrderCodes {
    /// Letters and digits that cannot be mistaken for one another when typed: no 0/O, no 1/I.
    static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    /// `PC` and ten characters from the order id's SHA-256: stable, unique in practice.
    public static func paymentCode(orderId: String) -> String {
        "PC" + encode(Array(SHA256.hash(data: Data(orderId.utf8))), characters: 10)
    }

    /// Sixteen characters in four groups from HMAC-SHA256(secret, order id): the same order
    /// and secret always give the same code; without the secret it cannot be made.
    public static func activationCode(orderId: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(orderId.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        let code = encode(Array(mac), characters: 16)
        return stride(from: 0, to: 16, by: 4).map { start in
            String(code[code.index(code.startIndex, offsetBy: start)..<code.index(code.startIndex, offsetBy: start + 4)])
        }.joined(separator: "-")
    }

    /// Five bits per character, taken from the front of `bytes`.
    static func encode(_ bytes: [UInt8], characters: Int) -> String {
        var result = ""
        var buffer: UInt32 = 0
        var bits = 0
        var index = 0
        while result.count < characters {
            if bits < 5 {
                buffer = buffer << 8 | UInt32(bytes[index])
                index += 1
                bits += 8
            }
            bits -= 5
            result.append(alphabet[Int(buffer >> UInt32(bits) & 31)])
        }
        return result
    }
}
