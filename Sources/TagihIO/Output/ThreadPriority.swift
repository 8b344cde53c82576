import CPosix

/// Threads that only fill time other threads leave: the documents' helpers, which can take
/// any share of the cores while the workbooks, each on one thread, are on the critical path.
public enum ThreadPriority {
    /// Lowers the calling thread's priority for the rest of its life. Where the system does
    /// not allow it, the thread keeps its priority: the outputs are the same either way.
    public static func yieldToOthers() { _ = tagih_lower_thread_priority(10) }
}
