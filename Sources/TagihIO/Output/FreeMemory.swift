import CPosix

/// A stage that drops what it built (the tables' duplicate checks, the billing engine's
/// calendars) leaves its freed blocks resident in the C library's heap; the next stage's
/// peak would be counted on top of them. Called between stages, not inside loops.
public enum FreeMemory {
    public static func release() { tagih_release_free_memory() }

    /// Arrays of 256 KiB or more get pages of their own, handed back the moment they are
    /// freed. By default glibc raises that threshold to the largest block freed so far (up to
    /// 32 MiB), after which a growing array's old copies, a stage's tables and a job's
    /// buffers all come from one heap whose free room stays resident between them: 30-40 MB
    /// of the bench month's peak. Called once, as the process starts.
    public static func mapLargeBlocks() { tagih_map_large_blocks(256 * 1024) }
}
