import Foundation

/// Where things are when tests run: the package root and the built `tagih` binary.
public enum Paths {
    /// The package root, found from this file's path.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The `tagih` executable built next to the test bundle (`swift build --build-tests`), or
    /// the one `TAGIH_BINARY` names: `make test` runs the command-line suites again against
    /// the release build users run.
    public static var tagih: URL {
        if let binary = ProcessInfo.processInfo.environment["TAGIH_BINARY"], !binary.isEmpty {
            return URL(fileURLWithPath: binary, relativeTo: root).standardizedFileURL
        }
        return executable("tagih")
    }

    /// The benchmark tool, whose generator makes synthetic months for the scale tests.
    public static var bench: URL { executable("tagih-bench") }

    static func executable(_ name: String) -> URL {
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/" + name)
    }

    /// A new empty folder, alone in a folder of its own. A run given `--output F` looks for
    /// the newest state beside F, so a test's output must have no neighbours: not another
    /// test's month, nor a month some other run left in the system's temporary folder.
    public static func temporaryFolder(_ label: String = "tagih-test") -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString).appendingPathComponent(label)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This test process's folder under the system's temporary folder, removed when it exits.
    static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tagih-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Paths.processFolder) }
        return url
    }()
}
