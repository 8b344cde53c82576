import CPosix
import Foundation

/// A folder tagih writes whole, such as a month folder `output/2026-11/`: written into a
/// private work folder beside it and swapped into place in one step when everything succeeded.
/// A failed or killed run leaves the earlier folder as it was.
///
/// tagih only ever replaces a folder that is its own (it holds the `.tagih` marker) or that
/// is absent or empty: `--output .` or `--output input` is refused, never emptied. Clean-up
/// touches only this folder's own dead work folders.
public final class MonthFolder {
    public static let marker = ".tagih"

    /// Where the outputs end up, e.g. `output/2026-11`.
    public let finalPath: String
    /// The private work folder, `output/.tagih-2026-11-<pid>`.
    public let workPath: String
    private let lock: Int32
    private var finished = false

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public init(finalPath: String) throws {
        let final = URL(fileURLWithPath: finalPath).standardizedFileURL
        self.finalPath = final.path
        let parent = final.deletingLastPathComponent().path
        let name = final.lastPathComponent
        try MonthFolder.checkReplaceable(final.path)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Refused(description: "cannot create the folder \(parent): \(MonthFolder.reason(error))")
        }
        // One run per output folder at a time; the lock dies with the process, even on SIGKILL.
        lock = open(parent + "/.tagih-\(name).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            throw Refused(description: "cannot write in \(parent): \(String(cString: strerror(errno)))")
        }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            close(lock)
            throw Refused(description: "another tagih run is writing \(final.path); wait for it to finish")
        }
        // Work folders of runs of this same folder that died: `.tagih-<name>-<pid>` exactly.
        let prefix = ".tagih-\(name)-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            if !rest.isEmpty, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber) {
                FileTree.remove(parent + "/" + entry)
            }
        }
        workPath = parent + "/" + prefix + String(getpid())
        do {
            try FileManager.default.createDirectory(atPath: workPath, withIntermediateDirectories: false)
            try writeFile(workPath + "/" + MonthFolder.marker, "tagih output folder: replaced as a whole by each run\n")
        } catch {
            throw Refused(description: "cannot write in \(parent): \(MonthFolder.reason(error))")
        }
    }

    deinit {
        if !finished { FileTree.remove(workPath) }
        close(lock)
    }

    /// Refuses a path that is a file, or a folder with content that tagih did not write.
    public static func checkReplaceable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Refused(description: "\(path) is a file, not a folder tagih writes; give --output a folder of its own")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty || entries.contains(marker) { return }
        throw Refused(description: "\(path) holds files tagih did not write (it has no \(marker) marker); tagih replaces a whole output folder, so give --output a new or empty folder")
    }

    /// A path inside the work folder for a name tagih chose or made safe; never outside it.
    public func path(_ relative: String) -> String {
        precondition(!relative.hasPrefix("/") && !relative.split(separator: "/").contains(".."), "unsafe output name \(relative)")
        return workPath + "/" + relative
    }

    public func makeSubfolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Brings a file or folder of an earlier month folder into this one, as hard links (the
    /// same bytes, never rewritten); copied where links cannot be made.
    public func carry(_ relative: String, from folder: String, as name: String? = nil) throws {
        let source = folder + "/" + relative
        let target = path(name ?? relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for entry in try FileManager.default.contentsOfDirectory(atPath: source).sorted() {
                try carry(relative + "/" + entry, from: folder, as: (name ?? relative) + "/" + entry)
            }
        } else if link(source, target) != 0 {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
    }

    /// Writes what is written so far in the work folder's file system to disk, waiting until
    /// it is: run beside the last jobs once the bulk is written, it leaves `commit` little to sync.
    public static func writeBack(_ workPath: String) {
        _ = tagih_sync_filesystem(workPath)
    }

    /// Puts the work folder in place of the final one, atomically where the system allows.
    public func commit() throws {
        // One sync for every file written (there can be a hundred thousand mails), so what is
        // swapped into place is on disk.
        Self.writeBack(workPath)
        syncDirectory(workPath)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: finalPath, isDirectory: &isDirectory) {
            if tagih_exchange_paths(workPath, finalPath) != 0 {
                // No atomic exchange here: move the old aside first, then the new in.
                let aside = workPath + ".old"
                guard rename(finalPath, aside) == 0 else { throw OutputError("cannot replace \(finalPath): \(String(cString: strerror(errno)))") }
                guard rename(workPath, finalPath) == 0 else { throw OutputError("cannot move outputs into \(finalPath): \(String(cString: strerror(errno)))") }
                FileTree.remove(aside)
            } else {
                FileTree.remove(workPath)
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
        try checkReplaceable(folder)
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try writeFile(folder + "/" + marker, "tagih output folder: replaced as a whole by each run\n")
            } catch {
                throw OutputError("cannot create \(folder): \(reason(error))")
            }
        } else if !FileManager.default.fileExists(atPath: folder + "/" + marker) {
            try? writeFile(folder + "/" + marker, "tagih output folder: replaced as a whole by each run\n")
        }
        let temporary = folder + "/.\(name).tagih-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        try write(temporary)
        guard rename(temporary, folder + "/" + name) == 0 else {
            throw OutputError("cannot write \(folder)/\(name): \(String(cString: strerror(errno)))")
        }
    }

    /// A file-system error as a person reads it (Foundation's own text names its error domain).
    public static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteFileExists: return "it already exists"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            default: break
            }
        }
        if let error = error as? OutputError { return error.description }
        return "\(error)"
    }

    private func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// A run's scratch folder under the output root, `.tagih-scratch-<pid>`, for sorted runs of
/// payments and the state's remembered payments: never part of any output, removed when the
/// run ends; one left by a killed run is removed by the next.
public final class ScratchFolder {
    public let path: String

    public init(root: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw MonthFolder.Refused(description: "cannot create the output folder \(root): \(MonthFolder.reason(error))")
        }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where entry.hasPrefix(".tagih-scratch-") {
            if let pid = Int32(entry.dropFirst(".tagih-scratch-".count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                FileTree.remove(root + "/" + entry)
            }
        }
        path = root + "/.tagih-scratch-\(getpid())"
        FileTree.remove(path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw MonthFolder.Refused(description: "cannot write in \(root): \(MonthFolder.reason(error))")
        }
    }

    deinit { FileTree.remove(path) }
}
