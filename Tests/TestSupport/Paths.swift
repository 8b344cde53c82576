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

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ label: String = "tagih-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
