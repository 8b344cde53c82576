import Foundation
import Synchronization
import TagihPipeline

#if canImport(Glibc)
import Glibc
#endif

/// The progress line of a long run, redrawn in place on stderr twice a second. Only on a
/// terminal: when stderr is a file or a pipe (CI, cron, a test) nothing of it is written,
/// so logs hold the diagnostics and nothing else.
final class ProgressLine: Sendable {
    private let stopped = Mutex(false)
    private let done = DispatchSemaphore(value: 0)

    /// Starts the line when stderr is a terminal; nil otherwise. Short runs finish before
    /// the first draw (after a second; `TAGIH_PROGRESS_DELAY` seconds when set) and show nothing.
    static func start() -> ProgressLine? {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(2) == 1, environment["TAGIH_TRACE"] != "1" else { return nil }
        let delay = environment["TAGIH_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
        let line = ProgressLine()
        Thread.detachNewThread { line.loop(delay: delay) }
        return line
    }

    private func loop(delay: Double) {
        let start = DispatchTime.now()
        var drawn = false
        var wait = delay
        while true {
            usleep(useconds_t(max(0, wait) * 1_000_000))
            if stopped.withLock({ $0 }) { break }
            let elapsed = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000_000)
            Self.write("\r" + Progress.shared.snapshot.line(elapsedSeconds: elapsed) + "\u{1B}[K")
            drawn = true
            wait = 0.5
        }
        if drawn { Self.write("\r\u{1B}[K") }
        done.signal()
    }

    /// Clears the line, so the summary and diagnostics that follow start on a clean row.
    func stop() {
        stopped.withLock { $0 = true }
        done.wait()
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}
