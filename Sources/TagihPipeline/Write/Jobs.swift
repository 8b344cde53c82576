import Dispatch
import Foundation
import Synchronization
import TagihIO

/// Independent output jobs run side by side on the machine's cores. Each job writes its own
/// files, so what ends up on disk does not depend on which finishes first.
enum Jobs {
    /// Runs every job; the first failure (in job order) is thrown after all have finished.
    static func run(_ jobs: [@Sendable () throws -> Void]) throws {
        let failures = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            do { try jobs[index]() } catch {
                failures.withLock { $0[index] = "\(error)" }
            }
        }
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw OutputError(first.value) }
    }
}

/// A job started now and waited for later, on its own thread.
final class BackgroundJob<Result: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var outcome: Swift.Result<Result, Error>?

    init(_ body: @escaping @Sendable () throws -> Result) {
        group.enter()
        Thread.detachNewThread { [self] in
            outcome = Swift.Result { try body() }
            group.leave()
        }
    }

    /// Waits for the job and returns its result or throws its error.
    func wait() throws -> Result {
        group.wait()
        return try outcome!.get()
    }
}

/// A value handed to exactly one job, which alone uses it (a workbook being written, a
/// stream being read): safe to send, though its type does not say so.
struct Handoff<Value>: @unchecked Sendable {
    let value: Value
}
