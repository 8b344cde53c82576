internal import CZlib

/// zlib streams for PDF's FlateDecode filter.
enum Deflate {
    /// `bytes` compressed at `level` (zlib's 1-9). A page's content is compressed at 1: a
    /// tenth of a millisecond less a document than zlib's default 6, for a few hundred bytes
    /// more; the fonts, compressed once per process, at 9.
    static func compress(_ bytes: [UInt8], level: Int32 = 9) throws -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { throw PDFError("zlib could not compress a PDF stream (\(status))") }
        out.removeLast(out.count - Int(length))
        return out
    }
}
