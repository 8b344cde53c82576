import TagihCore

/// The last line of a state file, `end: {checksum: "…"}`: a checksum (FNV-1a, 64 bits) of
/// every byte before that line. A file without it was cut off; one whose bytes do not give it
/// was changed after tagih wrote it. Either is refused before a single value is used.
public enum Seal {
    static let prefix = Array("end: {checksum: \"".utf8)

    /// A state writer that checksums what it writes and ends with the seal.
    final class Writer {
        private let writer: BufferedWriter
        private var checksum = Checksum()

        init(path: String) throws { writer = try BufferedWriter(path: path) }

        func write(_ text: String) throws {
            var text = text
            try text.withUTF8 { bytes in
                checksum.add(UnsafeRawBufferPointer(bytes))
                try writer.write(bytes: UnsafeRawBufferPointer(bytes))
            }
        }

        func seal() throws {
            try writer.write("end: {checksum: \"\(Digest(value: checksum.value))\"}\n")
            try writer.close()
        }
    }

    /// Reads the file once, checksumming it line by line, and checks its last line is the seal
    /// of what came before.
    static func verify(path: String, name: String) throws(InputFailure) {
        let file = try ChunkedFile(path: path, name: name)
        var hash = Checksum().value
        var beforeLine = hash
        var line = 1
        var head: [UInt8] = []
        var blank = true
        var sawAnything = false
        var lastLine: (number: Int, head: [UInt8], checksumBefore: UInt64)?
        var textAfterSeal: Int?
        func endLine() {
            guard !blank else { return }
            if lastLine.map({ $0.head.starts(with: prefix) }) == true && textAfterSeal == nil { textAfterSeal = line }
            lastLine = (line, head.last == 0x0D ? Array(head.dropLast()) : head, beforeLine)
        }
        do {
            while try file.fill() || file.start < file.end {
                let base = file.buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                for index in file.start..<file.end {
                    let byte = base[index]
                    sawAnything = true
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                    if byte == 0x0A {
                        endLine()
                        beforeLine = hash
                        line += 1
                        head.removeAll(keepingCapacity: true)
                        blank = true
                    } else {
                        if head.count < 96 { head.append(byte) }
                        if byte != 0x20 && byte != 0x09 && byte != 0x0D { blank = false }
                    }
                }
                file.start = file.end
            }
        } catch let failure as InputFailure {
            throw failure
        } catch {
            throw InputFailure(Diagnostic(.file(name), "cannot read: \(error)"))
        }
        endLine()
        guard sawAnything else {
            throw InputFailure(Diagnostic(SourceLocation(file: name, line: 1, column: 1), "\(name) is empty; a state tagih wrote is never empty (use the state of the last run)"))
        }
        if let after = textAfterSeal {
            throw InputFailure(Diagnostic(SourceLocation(file: name, line: after, column: 1), "\(name) goes on after its end line; it was changed after tagih wrote it"))
        }
        guard let last = lastLine, last.head.starts(with: prefix) else {
            throw InputFailure(Diagnostic(SourceLocation(file: name, line: lastLine?.number ?? 1, column: 1),
                                          "\(name) ends without its end line (end: {checksum: ...}): it was cut off; use a complete state"))
        }
        let text = String(decoding: last.head, as: UTF8.self)
        let expected = "end: {checksum: \"\(Digest(value: last.checksumBefore))\"}"
        guard text == expected else {
            throw InputFailure(Diagnostic(SourceLocation(file: name, line: last.number, column: 1), value: text,
                                          "\(name) was changed after tagih wrote it (its checksum does not match its content); use a state as a run wrote it"))
        }
    }
}
