import CPosix

/// Removing a folder with everything in it. Foundation's `removeItem` held 46 MB while it
/// removed a month folder of 400,000 mails (the day-30 run's peak); walking the tree depth
/// first holds one directory stream per level.
public enum FileTree {
    /// Removes `path` (a folder and all under it, or a file); a path already gone is no error.
    /// Returns false when something could not be removed (what could, is).
    @discardableResult
    public static func remove(_ path: String) -> Bool { tagih_remove_tree(path) == 0 }
}
