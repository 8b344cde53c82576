import CZlib
import Foundation

/// A PDF as a golden file holds it: its size and CRC-32, so any changed byte fails the
/// comparison, and its text as poppler's `pdftotext -layout` reads it, so a review sees what
/// changed on the page rather than a binary blob.
public enum PDFDigest {
    public static func text(of path: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let checksum = bytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        let read = try runProgram("pdftotext", ["-layout", path, "-"])
        let text = read.status == 0 ? read.stdout : "pdftotext failed: \(read.stderr)\n"
        return "PDF, \(bytes.count) bytes, CRC-32 \(String(checksum, radix: 16, uppercase: true))\n" + text
    }
}
