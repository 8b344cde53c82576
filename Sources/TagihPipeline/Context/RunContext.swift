import Foundation
import TagihCore
import TagihIO

/// How a stage stops a run: the command turns it into an exit status and messages.
enum RunStop: Error {
    /// Input rows or files are invalid: only errors.csv is written.
    case invalidInput([Diagnostic])
    /// The command line asked for something impossible or unsafe.
    case usage(String)
    /// Writing the outputs failed; nothing was replaced.
    case outputFailed(String)
    /// The run's numbers do not reconcile (a defect in tagih); nothing was written.
    case inconsistent([String])
}

/// Everything a run settles once, before any stage: the input folder and its settings, the
/// state it continues from, its as-of, its span, where its outputs and scratch files go.
/// Passed as one value to every stage.
struct RunContext {
    let options: RunOptions
    let folder: InputFolder
    let settings: Settings
    let state: BillingState
    let stateSource: StateSource?
    /// The remembered payments of the state, in id order, in the scratch folder (nil: none).
    let statePayments: String?
    let asOf: CivilDate
    let span: Span
    let setup: RunSetup
    /// Where the outputs of this run's month go.
    let monthFolder: String
    /// Problems that do not stop the run, found while settling (a passed-over state).
    let warnings: [Diagnostic]
    /// The as-of asked for, when this run stops at an earlier month's end: a span that crosses
    /// a month end is run month by month, each run continuing from the state before it.
    let continuesTo: CivilDate?

    /// What the context is settled for.
    enum Purpose {
        /// A run: the state must be before the as-of; a span crossing a month end stops there.
        case run
        /// `tagih check`: the state, if any, only tells which records were handled.
        case check
        /// `tagih overdue`: the state is required and may be as of the as-of itself.
        case overdue
    }

    var zone: Zone { settings.zone }
    var month: Period { asOf.period }
    /// Workbooks carry a creation date derived from the as-of, never the clock.
    var created: Instant { Instant(seconds: Int64(asOf.daysSinceEpoch) * 86400) }
    var stateName: String { stateSource?.name ?? "state.yaml" }

    /// The as-of a run asks for: `--as-of`, else the last day of `--period`, else today in the
    /// operator's zone.
    static func requestedAsOf(_ options: RunOptions, zone: Zone) -> CivilDate? {
        if let asOf = options.asOf { return asOf }
        if let period = options.period { return period.lastDay }
        return options.today ?? options.now.map { zone.date(of: $0) }
    }

    /// Settles the run: reads the input folder's settings and the state, and works out the
    /// span. `scratch` receives the state's remembered payments.
    static func settle(_ options: RunOptions, scratch: String?, purpose: Purpose = .run) throws(RunStop) -> RunContext {
        var diagnostics = Diagnostics()
        var warnings: [Diagnostic] = []
        let folder: InputFolder
        do {
            folder = try InputFolder.scan(options.input, warnings: &warnings)
        } catch {
            throw .invalidInput(error.diagnostics)
        }
        guard let settings = Load.settings(folder, &diagnostics) else { throw .invalidInput(diagnostics.sorted) }

        let source = StateSource.locate(options: options, folder: folder, warnings: &warnings)
        var state = BillingState.initial
        var statePayments: String?
        if let source {
            let external = source.path != folder.state.map(folder.fullPath)
            do {
                var writer: BufferedWriter?
                if let scratch {
                    statePayments = scratch + "/state-payments.bin"
                    writer = try BufferedWriter(path: statePayments!)
                }
                var record: [UInt8] = []
                state = try StateFile.read(path: source.path, name: source.name, currencies: settings.currencies) { payment in
                    guard let writer else { return }
                    AppliedPaymentRecord.encode(payment, into: &record)
                    try withUnsafeBytes(of: UInt32(record.count).littleEndian) { try writer.write(bytes: $0) }
                    try record.withUnsafeBytes { try writer.write(bytes: $0) }
                }
                try writer?.close()
            } catch let failure as InputFailure {
                throw .invalidInput(failure.diagnostics.map { external ? $0.outside : $0 })
            } catch let error as MonthFolder.Refused {
                throw .outputFailed(error.description)
            } catch {
                throw .outputFailed("cannot read \(source.name): \(MonthFolder.reason(error))")
            }
            if let stamp = state.operatorStamp, stamp != OperatorStamp(settings) {
                let mine = OperatorStamp(settings)
                let sameTaxId = !stamp.taxId.isEmpty && stamp.taxId == mine.taxId && stamp.currency == mine.currency
                if !sameTaxId {
                    let location = SourceLocation(file: source.name, line: 5, column: 11, external: external)
                    throw .invalidInput([Diagnostic(location, value: stamp.name,
                        "\(source.name) belongs to \(stamp.name) (tax id \(stamp.taxId.isEmpty ? "none" : stamp.taxId), \(stamp.currency)), but settings.yaml is for \(mine.name) (tax id \(mine.taxId.isEmpty ? "none" : mine.taxId), \(mine.currency)); give this run the state of its own operator")])
                }
            }
        }

        // Validation alone is not as of any day: nothing it reads waits for a later run.
        let lastDay = Period(year: CivilDate.validYears.upperBound, month: 12)!.lastDay
        guard let requested = purpose == .check ? lastDay : requestedAsOf(options, zone: settings.zone) else {
            throw .usage("give --as-of DATE or --period YYYY-MM")
        }
        if let period = options.period, !period.contains(requested) {
            throw .usage("--as-of \(requested) is not in --period \(period); the as-of of a run for \(period) is a day of \(period)")
        }
        var asOf = requested
        var continuesTo: CivilDate?
        switch purpose {
        case .run:
            if let previous = state.asOf, previous >= requested {
                throw .usage(alreadyRun(previous: previous, asOf: requested, source: source!, root: options.outputRoot))
            }
            if let previous = state.asOf, previous.adding(days: 1).period < requested.period {
                asOf = previous.adding(days: 1).period.lastDay
                continuesTo = requested
            }
        case .check:
            break
        case .overdue:
            guard let previous = state.asOf else {
                throw .usage("tagih overdue works from the state a run wrote; there is none under \(options.outputRoot) or in \(options.input) (or give --state)")
            }
            if previous > requested {
                throw .usage("\(source!.name) is as of \(previous), after \(requested); give a later --as-of, or an earlier state with --state")
            }
        }
        let first = state.asOf.map { $0.adding(days: 1) } ?? (options.period ?? asOf.period).firstDay
        let span = Span(first: min(first, asOf), last: asOf)
        let setup = RunSetup(span: span, memoryHorizon: RunSetup.memoryHorizon(asOf: asOf, memoryDays: settings.paymentMemoryDays, zone: settings.zone))
        return RunContext(options: options, folder: folder, settings: settings, state: state, stateSource: source, statePayments: statePayments,
                          asOf: asOf, span: span, setup: setup,
                          monthFolder: options.monthFolder(asOf.period, asOfMonth: requested.period), warnings: warnings, continuesTo: continuesTo)
    }

    /// Where a run's errors.csv goes when the run stops before its context is settled.
    static func fallbackFolder(_ options: RunOptions) -> String {
        if let output = options.output { return output }
        let month = options.period ?? options.asOf?.period ?? options.now.map { Zone.utc.date(of: $0).period }
        return options.outputRoot + "/" + (month?.description ?? "errors")
    }

    /// The message when the state is already at or past the as-of: how to run that day again.
    static func alreadyRun(previous: CivilDate, asOf: CivilDate, source: StateSource, root: String) -> String {
        var message = "\(source.name) is as of \(previous), so the run as of \(asOf) "
        message += previous == asOf ? "has been made already" : "lies before it"
        let runs = RunFolders.list(in: root + "/" + asOf.period.description).filter { $0.asOf < asOf }
        if let earlier = runs.last {
            message += "; to run it again, continue from an earlier state: tagih run --state \(earlier.state) --as-of \(asOf)"
        } else {
            message += "; to run it again, name the state it started from with --state"
        }
        return message
    }
}

/// The runs kept in a month folder: `runs/<as-of>/` with each run's state and journal.
enum RunFolders {
    struct Run {
        let asOf: CivilDate
        let folder: String
        var state: String { folder + "/state.yaml" }
    }

    static func list(in monthFolder: String) -> [Run] {
        let root = monthFolder + "/runs"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.compactMap { name in
            guard case .success(let date) = CivilDate.parse(name) else { return nil }
            return Run(asOf: date, folder: root + "/" + name)
        }.sorted { $0.asOf < $1.asOf }
    }
}
