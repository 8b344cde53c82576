import CPosix
import Foundation

/// With `TAGIH_TRACE=1`, each stage's end is noted on stderr with elapsed time and memory:
/// for finding where a large run spends them. Off, it costs one check.
public enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["TAGIH_TRACE"] == "1"
    nonisolated(unsafe) static var start = DispatchTime.now()

    /// The process's peak resident memory so far, in KiB (for `--stats`).
    public static var peakResidentKB: Int { tagih_peak_rss_kb() }

    static func mark(_ stage: String) {
        guard enabled else { return }
        let begin = start.uptimeNanoseconds
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
        let residentKB = statm.count > 1 ? (Int(statm[1]) ?? 0) * 4 : 0
        FileHandle.standardError.write(Data(String(format: "[trace] %7.2f s  rss %4d MB  peak %4d MB  %@\n",
                                                   seconds, residentKB / 1024, tagih_peak_rss_kb() / 1024, stage).utf8))
    }
}
