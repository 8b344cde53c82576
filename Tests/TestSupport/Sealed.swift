/// A state text with the seal tagih writes at its end (the checksum of everything before it),
/// for tests that make states by hand.
public func sealed(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return text + "end: {checksum: \"\(String(repeating: "0", count: 16 - hex.count) + hex)\"}\n"
}
