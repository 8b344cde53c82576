#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct OutputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A new file written through a 256 KiB buffer. It refuses to overwrite: outputs are only
/// ever written fresh into a run's private folder.
public final class BufferedWriter {
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 256 * 1024

    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    public func write(bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try writeAll(bytes, to: descriptor, path: path)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func write(byte: UInt8) throws {
        if buffer.count == capacity { try flush() }
        buffer.append(byte)
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes. Outputs are synced to disk together, once, before the run's folder
    /// is swapped into place (`OutputFolder.commit`), not file by file.
    public func close() throws {
        try flush()
        guard descriptor >= 0 else { return }
        let result = Glibc.close(descriptor)
        descriptor = -1
        if result != 0 { throw OutputError("cannot close \(path): \(String(cString: strerror(errno)))") }
    }
}

/// Writes a whole small file at once.
public func writeFile(_ path: String, _ text: String) throws {
    let writer = try BufferedWriter(path: path)
    try writer.write(text)
    try writer.close()
}

/// Writes a whole file from bytes, with one write call.
public func writeFile(_ path: String, bytes: [UInt8]) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError("cannot create \(path): \(String(cString: strerror(errno)))") }
    defer { Glibc.close(descriptor) }
    try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
}

/// Writes every byte, resuming after short writes and signals.
private func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        offset += written
    }
}
