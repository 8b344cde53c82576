import CPosix

/// A stage that drops what it built (the tables' duplicate checks, the billing engine's
/// calendars) leaves its freed blocks resident in the C library's heap; the next stage's
/// peak would be counted on top of them. Called between stages, not inside loops.
public enum FreeMemory {
    public static func release() { tagih_release_free_memory() }
}
