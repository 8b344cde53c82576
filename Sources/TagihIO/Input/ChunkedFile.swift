#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TagihCore

/// A file read in large chunks into one window that slides forward: the reader keeps the
/// bytes from `start` to `end`, asks for more when a record runs past `end`, and nothing
/// before `start` is kept. Memory stays at the window size whatever the file's size.
final class ChunkedFile {
    let path: String
    let name: String
    private var descriptor: Int32
    private(set) var buffer: UnsafeMutableRawBufferPointer
    /// Start of the bytes still needed.
    var start = 0
    /// End of the bytes read so far.
    private(set) var end = 0
    private(set) var atEOF = false
    /// Bytes dropped from the window's front so far, for absolute offsets.
    private(set) var consumedBefore = 0
    let maxWindow: Int

    init(path: String, name: String, chunkSize: Int = 1 << 20, maxWindow: Int = 4 << 20) throws(InputFailure) {
        self.path = path
        self.name = name
        self.maxWindow = max(maxWindow, chunkSize * 2)
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputFailure(Diagnostic(.file(name), "cannot open: \(String(cString: strerror(errno)))"))
        }
        buffer = .allocate(byteCount: chunkSize * 2, alignment: 16)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
    }

    /// Reads more bytes after `end`, first moving the needed bytes to the window's front.
    /// Returns false at end of file. Throws when a single record outgrows the window.
    func fill() throws -> Bool {
        if atEOF { return false }
        if start > 0 {
            let kept = end - start
            if kept > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: kept)
            }
            consumedBefore += start
            end = kept
            start = 0
        }
        if end == buffer.count {
            guard buffer.count < maxWindow else { throw TooLong() }
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maxWindow), alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        while true {
            let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFailure(Diagnostic(.file(name), "read failed: \(String(cString: strerror(errno)))"))
            }
            if count == 0 {
                atEOF = true
                return false
            }
            end += count
            return true
        }
    }

    /// Thrown by `fill` when one record needs more than `maxWindow` bytes; readers turn it
    /// into a diagnostic naming where the record began.
    struct TooLong: Error {}
}

extension ChunkedFile.TooLong {
    static func failure(file: String, line: Int, column: Int, limit: Int) -> InputFailure {
        InputFailure(Diagnostic(
            SourceLocation(file: file, line: line, column: column),
            "a record starting here is longer than \(limit >> 20) MiB; the file is probably damaged"
        ))
    }
}
