import Foundation

/// Compares a run's output folder with committed expectations, file by file. Workbooks are
/// unzipped and each part compared as text (XML broken into one element a line, so a
/// difference reads like a diff), PDFs by size, checksum and text (`PDFDigest`); CSV, YAML
/// and .eml files are compared as they are.
///
/// With `TAGIH_RECORD=1` in the environment the expectations are rewritten from the run
/// instead, and the comparison reports that as a failure, so a re-record never passes
/// silently: review the change with `git diff`, commit it, and run again without the switch.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["TAGIH_RECORD"] == "1" }

    /// Every file under `folder` with its bytes, by relative path (hidden files included).
    public static func bytes(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try? Data(contentsOf: url)
            }
        }
        return files
    }

    /// The expected files of an output folder: relative path → text.
    public static func snapshot(of folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        for case let relative as String in enumerator {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            // A run's journal is binary and internal; what it holds shows in the workbooks, and
            // the re-run test compares its bytes.
            if relative.hasSuffix(".bin") { continue }
            if relative.hasSuffix(".xlsx") {
                for (name, bytes) in try ZipArchive.entries(of: path) {
                    result["\(relative)/\(name)"] = readable(String(decoding: bytes, as: UTF8.self))
                }
            } else if relative.hasSuffix(".pdf") {
                result[relative + ".txt"] = try PDFDigest.text(of: path)
            } else {
                result[relative] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
        }
        return result
    }

    /// One element a line, so a changed cell shows as a changed line.
    static func readable(_ xml: String) -> String {
        xml.replacingOccurrences(of: "><", with: ">\n<") + (xml.hasSuffix("\n") ? "" : "\n")
    }

    /// Differences between the actual output and the expectations, or after recording, the
    /// note that it recorded. Empty means equal.
    public static func compare(output: URL, expected: URL, ignoring: Set<String> = []) throws -> [String] {
        let actual = try snapshot(of: output).filter { !ignoring.contains($0.key) }
        if isRecording {
            try? FileManager.default.removeItem(at: expected)
            for (relative, text) in actual {
                let url = expected.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            return ["re-recorded \(actual.count) expected files in \(expected.path); review them with git diff, then run again without TAGIH_RECORD"]
        }
        let wanted = try readExpected(expected).filter { !ignoring.contains($0.key) }
        var problems: [String] = []
        for name in Set(wanted.keys).union(actual.keys).sorted() {
            switch (wanted[name], actual[name]) {
            case (nil, _): problems.append("unexpected output file \(name)")
            case (_, nil): problems.append("missing output file \(name)")
            case let (want?, got?) where want != got: problems.append("\(name) differs:\n" + firstDifference(want, got))
            default: break
            }
        }
        return problems
    }

    static func readExpected(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                result[relative] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)), as: UTF8.self)
            }
        }
        return result
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(want.count, got.count) {
            let a = index < want.count ? String(want[index]) : "<end>"
            let b = index < got.count ? String(got[index]) : "<end>"
            if a != b { return "  line \(index + 1)\n  expected: \(a)\n  actual:   \(b)" }
        }
        return "  (whitespace only)"
    }
}
