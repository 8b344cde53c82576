import Foundation
import Testing
import TestSupport

/// The small golden cases in `Tests/Cases/`: one folder per rule or problem, each with its
/// input, the commands a user would type, and what they print and write.
@Suite struct CaseTests {
    @Test(arguments: CaseFolder.all)
    func goldenCase(_ folder: CaseFolder) throws {
        for problem in try folder.check() { Issue.record(Comment(rawValue: problem)) }
    }
}
