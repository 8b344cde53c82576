import ArgumentParser
import CPosix
import CXlsxWriter
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `make bench`: generates a synthetic month (cached), then measures `tagih check`, `tagih run`
/// and a raw libxlsxwriter baseline writing as many cells, each as its own process.
@main
struct TagihBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagih-bench", abstract: "Synthetic months and measurements for tagih.",
        subcommands: [Generate.self, Measure.self, Baseline.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic month, the same bytes for the same seed and sizes.")
    @Option var out: String
    @Option var tenants = 100_000
    @Option(help: "New orders to bill; 20,000, or a seventh of the tenants when there are fewer than 100,000 (each order buys StaffHub for a tenant without it).")
    var orders: Int?
    @Option var payments = 1_000_000
    @Option var seed: UInt64 = 2026

    func run() throws {
        try Generator(tenants: tenants, orders: orders ?? Generator.defaultOrders(tenants: tenants), payments: payments, seed: seed).write(to: out)
    }
}

struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write N cells with libxlsxwriter alone (constant memory), as tagih's rows look.")
    @Option var cells: Int
    @Option var out: String

    func run() throws {
        var options = lxw_workbook_options()
        options.constant_memory = 1
        guard let workbook = workbook_new_opt(out, &options) else { throw ValidationError("cannot create \(out)") }
        let money = workbook_add_format(workbook)
        format_set_num_format(money, "\"Rp \"#,##0")
        let columns = 15
        var sheet: UnsafeMutablePointer<lxw_worksheet>? = nil
        var row: UInt32 = 0
        var part = 0
        var written = 0
        while written < cells {
            if sheet == nil || row == 1_048_575 {
                part += 1
                sheet = workbook_add_worksheet(workbook, "Sheet \(part)")
                row = 0
            }
            for column in 0..<min(columns, cells - written) {
                if column % 2 == 0 {
                    _ = worksheet_write_string(sheet, row, UInt16(column), "INV/2026/11/\(written)", nil)
                } else {
                    _ = worksheet_write_number(sheet, row, UInt16(column), Double(written % 1_000_000), money)
                }
                written += 1
            }
            row += 1
        }
        guard workbook_close(workbook) == LXW_NO_ERROR else { throw ValidationError("cannot write \(out)") }
    }
}

struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time tagih check, tagih run and the baseline on a generated month.")
    @Option var data: String
    @Option var tagih = ".build/release/tagih"
    @Option var bench = ".build/release/tagih-bench"
    @Option var work = "bench-data/out"
    @Flag(inversion: .prefixedNo, help: "Also run the month as 30 daily runs, each export holding its day and the day before.")
    var daily = true
    @Flag(inversion: .prefixedNo, help: "Run the month with PDFs as well as without (a million tenants' PDFs and mails take some 75 GB).")
    var pdf = true

    func run() throws {
        let input = data + "/input"
        let rows = try countRows(input)
        say("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; input \(megabytes(folderSize(input))) MB, \(rows.payments) payment rows, \(rows.total) rows in all")

        if FileManager.default.fileExists(atPath: work) {
            // A run's 392,327 mail files deleted just before the next run make ext4 without a
            // journal slow to hand out inodes: it passes over every inode freed less than 60 s
            // ago (5 minutes more while its table is not yet on disk: `recently_deleted` in
            // fs/ext4/ialloc.c), which took one month's run from 86 s to 156 s on the
            // development VM, time that is the disk's, not tagih's. So the folder goes, its
            // table is written out, and the bench waits past that minute.
            try removeTree(work)
            sync()
            say("removed the previous \(work); waiting 65 s for the file system to settle")
            sleep(65)
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? removeTree(work) }
        let checkStats = work + "/check-stats.json"
        let check = try spawn(tagih, ["check", "--input", input, "--stats", checkStats])
        report("tagih check", check, rows: rows)
        // Figures of a run that refused its input measure nothing.
        guard check.status == 0 else { throw ValidationError("tagih check refused the bench data (see above); delete \(data) to make it again") }

        let runStats = work + "/run-stats.json"
        let output = work + "/run"
        var run: Result?
        if pdf {
            let withPDF = try spawn(tagih, ["run", "--input", input, "--period", "2026-11", "--output", output, "--stats", runStats],
                                    environment: ["TAGIH_SECRET": "bench-secret"])
            report("tagih run", withPDF, rows: rows)
            say("  outputs: \(megabytes(folderSize(output))) MB (\(sizes(output)))")
            run = withPDF
        }

        // The same month without PDFs (`pdf: false`), to show what the documents cost.
        let plain = work + "/input-no-pdf"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: input) where name != "settings.yaml" {
            try FileManager.default.linkItem(atPath: input + "/" + name, toPath: plain + "/" + name)
        }
        let settings = try String(contentsOfFile: input + "/settings.yaml", encoding: .utf8)
        try (settings + "pdf: false\n").write(toFile: plain + "/settings.yaml", atomically: false, encoding: .utf8)
        let plainStats = work + "/no-pdf-stats.json"
        let withoutPDF = try spawn(tagih, ["run", "--input", plain, "--period", "2026-11", "--output", work + "/no-pdf/2026-11", "--stats", plainStats],
                                   environment: ["TAGIH_SECRET": "bench-secret"])
        report("tagih run without PDFs", withoutPDF, rows: rows)
        let stats = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plainStats)))) as? [String: Int] ?? [:]
        let cells = stats["cells"] ?? 0
        say("  \(cells) cells")
        if let run { say(String(format: "PDFs: the run takes %.2f times as long with them (target 1.5 or less)", run.seconds / max(withoutPDF.seconds, 0.001))) }
        // Left until the work folder goes at the end: deleting its mails now would slow the
        // file creation of the daily runs that follow (see above).

        let baseline = try spawn(bench, ["baseline", "--cells", String(cells), "--out", work + "/baseline.xlsx"])
        report("libxlsxwriter alone, \(cells) cells", baseline, rows: nil)
        let plainRatio = withoutPDF.seconds / max(baseline.seconds, 0.001)
        if let run {
            say(String(format: "ratio: tagih run / baseline = %.2f; without PDFs %.2f (targets: no more than 1.37-1.48, the month run before runs at any cadence; 0.8 or less)", run.seconds / max(baseline.seconds, 0.001), plainRatio))
        } else {
            say(String(format: "ratio: tagih run without PDFs / baseline = %.2f (targets: no more than 1.37-1.48, the month run before runs at any cadence; 0.8 or less)", plainRatio))
        }
        say(String(format: "check speed: %.0f payment rows/s (target 1,000,000 or more)", Double(rows.payments) / max(check.seconds, 0.001)))
        let tenants = try countLines(input + "/tenants.csv") - 1
        let result = SizeResult(tenants: tenants, payments: rows.payments, cells: cells,
                                runSeconds: run?.seconds, runPeakMB: run.map { $0.peakKB / 1024 },
                                plainSeconds: withoutPDF.seconds, plainPeakMB: withoutPDF.peakKB / 1024,
                                baselineSeconds: baseline.seconds)
        try result.save(to: data + "/results.json")
        compareSizes(result)
        if daily, let run { try measureDays(monthly: run, monthlyOutput: output) }
    }

    /// One size's monthly figures, kept beside its data so a bench of another size can
    /// report how time and memory grew with tenants.
    struct SizeResult: Codable {
        let tenants: Int
        let payments: Int
        let cells: Int
        /// With PDFs; nil when the bench ran without them (`--no-pdf`).
        let runSeconds: Double?
        let runPeakMB: Int?
        let plainSeconds: Double
        let plainPeakMB: Int
        let baselineSeconds: Double

        func save(to path: String) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(self).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Against every other size measured with the same payments (`bench-data/*/results.json`):
    /// how time and peak memory grew with tenants, with the targets for a tenfold step.
    func compareSizes(_ this: SizeResult) {
        let root = URL(fileURLWithPath: data).deletingLastPathComponent().path
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().compactMap { name -> SizeResult? in
            guard let bytes = FileManager.default.contents(atPath: root + "/" + name + "/results.json") else { return nil }
            return try? JSONDecoder().decode(SizeResult.self, from: bytes)
        }.filter { $0.tenants != this.tenants && $0.payments == this.payments }
        for other in others {
            let (small, large) = other.tenants < this.tenants ? (other, this) : (this, other)
            let factor = Double(large.tenants) / Double(small.tenants)
            var line = String(format: "%d tenants against %d (%.0f times the tenants): without PDFs %.1f times the time (target %.0f or less), peak %d MB (target under 1024 at a million), %.2f times its baseline",
                              large.tenants, small.tenants, factor, large.plainSeconds / max(small.plainSeconds, 0.001), factor * 1.1,
                              large.plainPeakMB, large.plainSeconds / max(large.baselineSeconds, 0.001))
            if let largeRun = large.runSeconds, let smallRun = small.runSeconds, let peak = large.runPeakMB {
                line += String(format: "; with PDFs %.1f times the time, peak %d MB", largeRun / max(smallRun, 0.001), peak)
            }
            say(line)
        }
    }

    func countLines(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The same month as 30 daily runs, each continuing from the one before: the export of
    /// day D holds the payments of days D-1 and D (exports overlap), the tables whole (orders
    /// created after the as-of wait). Reports the slowest day against the monthly run, every
    /// day's peak memory, the state's size, and whether the month ends in the same state.
    func measureDays(monthly: Result, monthlyOutput: String) throws {
        let input = data + "/input"
        let root = work + "/daily"
        let dayInput = work + "/day-input"
        var slowest = (day: 0, seconds: 0.0)
        var heaviest = (day: 0, kb: 0)
        var total = 0.0
        var stateSizes: [Int] = []
        for day in 1...30 {
            try? FileManager.default.removeItem(atPath: dayInput)
            try FileManager.default.createDirectory(atPath: dayInput, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: input)
            where !name.hasPrefix("payments") && !name.hasPrefix("stripe") && !name.hasPrefix("midtrans") {
                try FileManager.default.linkItem(atPath: input + "/" + name, toPath: dayInput + "/" + name)
            }
            var native = Data()
            for part in [day - 1, day] where part >= 1 {
                let folder = data + "/days/" + String(format: "%02d", part)
                var lines = try Data(contentsOf: URL(fileURLWithPath: folder + "/payments.csv"))
                if !native.isEmpty, let end = lines.firstIndex(of: 0x0A) { lines = lines[(end + 1)...] }
                native.append(lines)
                for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != "payments.csv" {
                    try FileManager.default.linkItem(atPath: folder + "/" + name, toPath: dayInput + "/" + name)
                }
            }
            try native.write(to: URL(fileURLWithPath: dayInput + "/payments.csv"))
            let stats = work + "/day-stats.json"
            let result = try spawn(tagih, ["run", "--input", dayInput, "--output", root + "/2026-11", "--as-of", String(format: "2026-11-%02d", day), "--stats", stats],
                                   environment: ["TAGIH_SECRET": "bench-secret"])
            guard result.status == 0 else {
                report("day \(day)", result, rows: nil)
                throw ValidationError("the daily run of day \(day) failed")
            }
            total += result.seconds
            if result.seconds > slowest.seconds { slowest = (day, result.seconds) }
            if result.peakKB > heaviest.kb { heaviest = (day, result.peakKB) }
            let size = ((try? FileManager.default.attributesOfItem(atPath: root + "/2026-11/state.yaml"))?[.size] as? Int) ?? 0
            stateSizes.append(size)
            say(String(format: "  day %2d: %.2f s, peak %d MB, state %@ MB", day, result.seconds, result.peakKB / 1024, megabytes(size)))
        }
        try? FileManager.default.removeItem(atPath: dayInput)
        say(String(format: "30 daily runs: %.1f s in all; slowest day %d: %.2f s (%.2f of the monthly run, target 1.0 or less); highest peak day %d: %d MB (target under 256)",
                   total, slowest.day, slowest.seconds, slowest.seconds / max(monthly.seconds, 0.001), heaviest.day, heaviest.kb / 1024))
        let monthlyState = try Data(contentsOf: URL(fileURLWithPath: monthlyOutput + "/state.yaml"))
        let dailyState = try Data(contentsOf: URL(fileURLWithPath: root + "/2026-11/state.yaml"))
        say("  state after the daily month: \(megabytes(dailyState.count)) MB (largest \(megabytes(stateSizes.max() ?? 0)) MB); "
            + (monthlyState == dailyState ? "the same bytes as the monthly run's state" : "DIFFERS from the monthly run's state"))
    }

    struct Result {
        let seconds: Double
        let peakKB: Int
        let status: Int32
    }

    func report(_ name: String, _ result: Result, rows: (payments: Int, total: Int)?) {
        var line = String(format: "%@: %.2f s, peak %d MB", name, result.seconds, result.peakKB / 1024)
        if let rows { line += String(format: ", %.0f input rows/s", Double(rows.total) / max(result.seconds, 0.001)) }
        if result.status != 0 { line += " (exit \(result.status))" }
        say(line)
    }

    /// Runs a program as a child through /usr/bin/time and reads its wall time and peak memory.
    /// (A child's own rusage is not enough: posix_spawn shares the parent's pages until exec,
    /// and those count towards the child's peak.)
    /// Removes a folder and everything in it. `FileManager.removeItem` gave up part way
    /// through a work folder of 392,327 mails, and a leftover file then failed the next bench.
    func removeTree(_ path: String) throws {
        let remove = Process()
        remove.executableURL = URL(fileURLWithPath: "/bin/rm")
        remove.arguments = ["-rf", "--", path]
        try remove.run()
        remove.waitUntilExit()
        guard !FileManager.default.fileExists(atPath: path) else { throw ValidationError("cannot remove \(path)") }
    }

    func spawn(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let peakFile = work + "/peak-\(UUID().uuidString).txt"
        let argv = (["/usr/bin/time", "-f", "%M", "-o", peakFile, path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        // Each measured run starts on a quiet disk: what the run before left to write back (the
        // run with PDFs, 13 GB) is written first, untimed. It also puts the inode tables on
        // disk, so files deleted before the bench (by anyone) slow its file creation for one
        // minute, not six: a table block still dirty adds five minutes to ext4's
        // `recently_deleted` window, and the runs' own new files dirty those blocks. The month
        // run without PDFs took 144 s where it takes 64 s, three minutes after 400,000 files
        // were deleted by hand.
        sync()
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawn(&pid, "/usr/bin/time", nil, nil, argv, envp) == 0 else { throw ValidationError("cannot start \(path)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let peak = (try? String(contentsOfFile: peakFile, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) } ?? 0
        return Result(seconds: seconds, peakKB: peak, status: (status >> 8) & 0xFF)
    }

    func countRows(_ folder: String) throws -> (payments: Int, total: Int) {
        var payments = 0, total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasSuffix(".yaml") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name), options: .alwaysMapped)
            var lines = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            if !name.hasSuffix(".jsonl") { lines -= 1 }
            total += lines
            if name.hasPrefix("payments") || name.hasPrefix("stripe") || name.hasPrefix("midtrans") { payments += lines }
        }
        return (payments, total)
    }

    func folderSize(_ folder: String) -> Int {
        var size = 0
        for case let name as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.default.enumerator(atPath: "/dev/null")! {
            size += ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int) ?? 0
        }
        return size
    }

    func sizes(_ folder: String) -> String {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().compactMap { name -> String? in
            guard let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int, !name.hasPrefix("mail") else { return nil }
            return "\(name) \(megabytes(size))"
        }.joined(separator: ", ")
    }

    func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}

/// Writes a line at once (print buffers when stdout is not a terminal), so the figures stay
/// in order with what the measured children print.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
