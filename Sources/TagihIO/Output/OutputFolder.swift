import CPosix
import Foundation

/// A run's outputs are written into a private folder next to the final one and swapped into
/// place in one step when everything succeeded. A failed or killed run leaves the earlier
/// output of that period as it was; its leftover work folder is removed by the next run.
public final class OutputFolder {
    /// Where the outputs end up, e.g. `output/2026-11`.
    public let finalPath: String
    /// The private work folder, `output/.tagih-2026-11-<pid>`.
    public let workPath: String
    private let lock: Int32
    private var finished = false

    public init(finalPath: String) throws {
        let final = URL(fileURLWithPath: finalPath).standardizedFileURL
        self.finalPath = final.path
        let parent = final.deletingLastPathComponent().path
        let name = final.lastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        // One run per output folder at a time; the lock dies with the process, even on SIGKILL.
        lock = open(parent + "/.tagih-\(name).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            throw OutputError("another tagih run is writing \(finalPath); wait for it to finish")
        }
        let prefix = ".tagih-\(name)-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
        workPath = parent + "/" + prefix + String(getpid())
        try FileManager.default.createDirectory(atPath: workPath, withIntermediateDirectories: false)
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: workPath) }
        close(lock)
    }

    /// A path inside the work folder for a name tagih chose or made safe; never outside it.
    public func path(_ relative: String) -> String {
        precondition(!relative.hasPrefix("/") && !relative.split(separator: "/").contains(".."), "unsafe output name \(relative)")
        return workPath + "/" + relative
    }

    public func makeSubfolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Puts the work folder in place of the final one, atomically where the system allows.
    public func commit() throws {
        // One sync for every file written (there can be a hundred thousand mails), so what is
        // swapped into place is on disk.
        _ = tagih_sync_filesystem(workPath)
        syncDirectory(workPath)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: finalPath, isDirectory: &isDirectory) {
            if tagih_exchange_paths(workPath, finalPath) != 0 {
                // No atomic exchange here: move the old aside first, then the new in.
                let aside = workPath + ".old"
                guard rename(finalPath, aside) == 0 else { throw OutputError("cannot replace \(finalPath): \(String(cString: strerror(errno)))") }
                guard rename(workPath, finalPath) == 0 else { throw OutputError("cannot move outputs into \(finalPath): \(String(cString: strerror(errno)))") }
                try? FileManager.default.removeItem(atPath: aside)
            } else {
                try? FileManager.default.removeItem(atPath: workPath)
            }
        } else {
            guard rename(workPath, finalPath) == 0 else { throw OutputError("cannot move outputs into \(finalPath): \(String(cString: strerror(errno)))") }
        }
        finished = true
        syncDirectory(URL(fileURLWithPath: finalPath).deletingLastPathComponent().path)
    }

    /// Replaces one file of the final folder (creating the folder if needed), leaving the
    /// rest as it was: how a failed run reports its errors without touching earlier output.
    public static func replaceFile(in folder: String, named name: String, contents write: (String) throws -> Void) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.\(name).tagih-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        try write(temporary)
        guard rename(temporary, folder + "/" + name) == 0 else {
            throw OutputError("cannot write \(folder)/\(name): \(String(cString: strerror(errno)))")
        }
    }

    private func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
