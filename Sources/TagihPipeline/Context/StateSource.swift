import Foundation
import TagihCore
import TagihIO

/// Which state a run continues from: one named with `--state`, else the newest a run wrote
/// under the output root, else the input folder's `state.yaml`; none for a first run.
struct StateSource: Sendable {
    /// The file, and its name in messages (relative, as a user typed or sees it).
    let path: String
    let name: String
    /// The month folder it belongs to, whose earlier runs the next run of that month carries.
    let monthFolder: String?
    let namedOnPurpose: Bool

    /// The month folders a run wrote under `root` (tagih's own folders holding a state), newest
    /// as-of first: (folder, its state's as-of).
    static func monthFolders(under root: String) -> [(folder: String, asOf: CivilDate)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var found: [(String, CivilDate)] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let folder = root + "/" + entry
            guard FileManager.default.fileExists(atPath: folder + "/" + MonthFolder.marker),
                  let asOf = peekAsOf(folder + "/state.yaml") else { continue }
            found.append((folder, asOf))
        }
        return found.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }

    /// The `as_of:` line near the top of a state file, without reading the rest.
    static func peekAsOf(_ path: String) -> CivilDate? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 1024)) ?? Data(), as: UTF8.self)
        for line in head.split(separator: "\n") where line.hasPrefix("as_of: ") {
            if case .success(let date) = CivilDate.parse(String(line.dropFirst(7))) { return date }
        }
        return nil
    }

    /// The tagih month folder a state file lies in: `M/state.yaml` or `M/runs/<day>/state.yaml`.
    static func monthFolder(of path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        for candidate in [url, url.deletingLastPathComponent().deletingLastPathComponent()]
        where FileManager.default.fileExists(atPath: candidate.path + "/" + MonthFolder.marker) {
            return candidate.path
        }
        return nil
    }

    /// Picks the state; a state in the input folder older than the newest under the output
    /// root is passed over (with a warning), so nothing is billed twice by accident.
    static func locate(options: RunOptions, folder: InputFolder, warnings: inout [Diagnostic]) -> StateSource? {
        if let named = options.statePath {
            return StateSource(path: named, name: named, monthFolder: monthFolder(of: named), namedOnPurpose: true)
        }
        let newest = monthFolders(under: options.outputRoot).first
        let inInput = folder.state.map { (path: folder.fullPath($0), name: $0) }
        if let newest {
            if let inInput, let inputAsOf = peekAsOf(inInput.path), inputAsOf < newest.asOf {
                warnings.append(Diagnostic(.file(inInput.name), value: inputAsOf.description,
                    "\(inInput.name) is as of \(inputAsOf), older than \(newest.folder)/state.yaml (as of \(newest.asOf)), which this run continues from; to run from the older state on purpose, name it with --state"))
            } else if let inInput, let inputAsOf = peekAsOf(inInput.path), inputAsOf > newest.asOf {
                return StateSource(path: inInput.path, name: inInput.name, monthFolder: nil, namedOnPurpose: false)
            }
            return StateSource(path: newest.folder + "/state.yaml", name: newest.folder + "/state.yaml", monthFolder: newest.folder, namedOnPurpose: false)
        }
        if let inInput { return StateSource(path: inInput.path, name: inInput.name, monthFolder: nil, namedOnPurpose: false) }
        return nil
    }
}
