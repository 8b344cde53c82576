#if canImport(Glibc)
import Glibc
#endif

/// The wall clock, read only where a user asked for "today"; never in an output.
public enum Clock {
    public static func secondsSinceEpoch() -> Int {
        time(nil)
    }
}
