import CZlib
import Foundation

/// Reads the entries of a zip file (stored or deflated), enough to open an .xlsx in tests.
public enum ZipArchive {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Entry name → uncompressed bytes.
    public static func entries(of path: String) throws -> [String: [UInt8]] {
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

        guard data.count >= 22 else { throw Failure(description: "\(path) is too short to be a zip file") }
        var end = data.count - 22
        while end >= 0 && u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { throw Failure(description: "\(path) has no zip directory") }
        let count = u16(end + 10)
        var position = u32(end + 16)
        var result: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard u32(position) == 0x0201_4B50 else { throw Failure(description: "bad zip directory entry in \(path)") }
            let method = u16(position + 10)
            let compressedSize = u32(position + 20)
            let size = u32(position + 24)
            let nameLength = u16(position + 28)
            let extraLength = u16(position + 30)
            let commentLength = u16(position + 32)
            let localOffset = u32(position + 42)
            let name = String(decoding: data[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            position += 46 + nameLength + extraLength + commentLength

            let dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
            let compressed = Array(data[dataStart..<(dataStart + compressedSize)])
            switch method {
            case 0: result[name] = compressed
            case 8: result[name] = try inflate(compressed, expected: size)
            default: throw Failure(description: "\(name): unsupported zip method \(method)")
            }
        }
        return result
    }

    static func inflate(_ input: [UInt8], expected: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(expected, 1))
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(description: "inflate failed (\(status))") }
        return Array(output.prefix(expected))
    }
}
