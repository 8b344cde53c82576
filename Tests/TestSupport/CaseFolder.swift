import Foundation

/// One small golden case, in the manner of hledger's shell tests: a folder with
///
/// - `cmd`: the commands, one a line, as a user types them (`tagih run --input input --period
///   2026-11`); `NAME=value` words before `tagih` set the environment; `#` starts a comment;
/// - the inputs the commands name (usually `input/`);
/// - `expected/transcript.txt`: each command with its stdout, its stderr (lines marked `! `)
///   and its exit status;
/// - `expected/files/`: every file the commands wrote, workbooks as a cell dump
///   (`invoices.xlsx.txt`, see `XlsxDump`); binary journals, hidden files and the case's
///   own inputs are left out.
///
/// The commands run in a copy of the folder, so paths in messages are the relative ones
/// written in `cmd`. `TAGIH_RECORD=1` rewrites `expected/` and fails, like the other goldens.
public struct CaseFolder: CustomStringConvertible, Sendable {
    public let folder: URL
    public var description: String { folder.lastPathComponent }

    public static let root = Paths.root.appendingPathComponent("Tests/Cases")

    /// Every case under `Tests/Cases`, by name.
    public static var all: [CaseFolder] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { CaseFolder(folder: root.appendingPathComponent($0)) }
    }

    /// Runs the case and returns its differences from the expectations (empty: it passed).
    public func check() throws -> [String] {
        let work = Paths.temporaryFolder("tagih-case")
        defer { try? FileManager.default.removeItem(at: work) }
        let before = try copyInputs(to: work)

        var transcript = ""
        let lines = try String(contentsOf: folder.appendingPathComponent("cmd"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for line in lines {
            var words = CaseFolder.words(line)
            var environment = ["TAGIH_SECRET": sampleSecret]
            while let first = words.first, first != "tagih", let equals = first.firstIndex(of: "=") {
                environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
                words.removeFirst()
            }
            guard words.first == "tagih" else { return ["cmd line does not run tagih: \(line)"] }
            let result = try runTagih(Array(words.dropFirst()), in: work, environment: environment)
            transcript += "$ \(line)\n" + result.stdout
            for errorLine in result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                transcript += "! \(errorLine)\n"
            }
            transcript += "exit \(result.status)\n\n"
        }

        var actual = ["transcript.txt": transcript]
        for (relative, text) in try outputs(in: work, except: before) { actual["files/" + relative] = text }
        return try compare(actual)
    }

    /// Copies everything but `expected/` and returns the relative paths copied.
    func copyInputs(to work: URL) throws -> Set<String> {
        var copied: Set<String> = []
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder.path) where entry != "expected" {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(entry), to: work.appendingPathComponent(entry))
        }
        let enumerator = FileManager.default.enumerator(atPath: work.path)
        while let relative = enumerator?.nextObject() as? String { copied.insert(relative) }
        return copied
    }

    /// The files the commands left, as reviewable text.
    func outputs(in work: URL, except inputs: Set<String>) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: work.path)
        while let relative = enumerator?.nextObject() as? String {
            if inputs.contains(relative) || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = work.path + "/" + relative
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue || relative.hasSuffix(".bin") { continue }
            if relative.hasSuffix(".xlsx") {
                result[relative + ".txt"] = try XlsxDump.text(of: path)
            } else if relative.hasSuffix(".pdf") {
                result[relative + ".txt"] = try PDFDigest.text(of: path)
            } else {
                result[relative] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
        }
        return result
    }

    func compare(_ actual: [String: String]) throws -> [String] {
        let expected = folder.appendingPathComponent("expected")
        if Golden.isRecording {
            try? FileManager.default.removeItem(at: expected)
            for (relative, text) in actual {
                let url = expected.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            return ["re-recorded \(description); review with git diff, then run again without TAGIH_RECORD"]
        }
        let wanted = try Golden.readExpected(expected)
        var problems: [String] = []
        for name in Set(wanted.keys).union(actual.keys).sorted() {
            switch (wanted[name], actual[name]) {
            case (nil, _): problems.append("\(description): unexpected file \(name)")
            case (_, nil): problems.append("\(description): missing file \(name)")
            case let (want?, got?) where want != got: problems.append("\(description): \(name) differs:\n" + Golden.firstDifference(want, got))
            default: break
            }
        }
        return problems
    }

    /// A command line split into words; double quotes group, as in a shell.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" { quoted.toggle(); started = true; continue }
            if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
                continue
            }
            current.append(character)
            started = true
        }
        if started { words.append(current) }
        return words
    }
}
