/// Big-endian reads that throw instead of trapping past the end.
struct FontReader {
    let bytes: [UInt8]
    let name: String
    init(_ bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    func u16(_ at: Int) throws -> Int {
        guard at >= 0, at + 2 <= bytes.count else { throw PDFError("the font \(name) ends early") }
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }

    func i16(_ at: Int) throws -> Int { Int(Int16(bitPattern: UInt16(try u16(at)))) }

    func u32(_ at: Int) throws -> Int { try u16(at) << 16 | (try u16(at + 2)) }

    func slice(_ at: Int, _ count: Int) throws -> ArraySlice<UInt8> {
        guard at >= 0, at + count <= bytes.count else { throw PDFError("the font \(name) ends early") }
        return bytes[at..<(at + count)]
    }
}
