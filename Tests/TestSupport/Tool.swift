import Foundation

/// Runs the built `tagih` like a user would and captures what it printed.
public struct ToolResult {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// The secret the sample month's activation codes are made with (never a real one).
public let sampleSecret = "sample-month-secret"

/// Runs tagih with `TAGIH_SECRET` set to the sample's secret unless `environment` says otherwise.
public func runTagih(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = ["TAGIH_SECRET": sampleSecret]) throws -> ToolResult {
    let process = Process()
    process.executableURL = Paths.tagih
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env["TAGIH_SECRET"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    return try capture(process)
}

/// Runs a Python 3 script with arguments: Debian's own `/usr/bin/python3`, where `make test`
/// installs the clients that check outputs (openpyxl); `python3` on the path otherwise.
public func runPython(_ script: String, arguments: [String] = []) throws -> ToolResult {
    let process = Process()
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
    }
    return try capture(process)
}

/// Runs a program found on the PATH (`pdftotext`, `pdfinfo`) with arguments.
public func runProgram(_ name: String, _ arguments: [String]) throws -> ToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    return try capture(process)
}

/// Runs a prepared process to its end and returns what it printed.
func capture(_ process: Process) throws -> ToolResult {
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once, so a chatty run cannot fill one pipe and stall while the other
    // is being read.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return ToolResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// The bytes one reader thread hands to another.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
