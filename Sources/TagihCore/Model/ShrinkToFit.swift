extension Array {
    /// Gives back the room the array grew into while it was filled (arrays double, so up to
    /// half of it), once nothing more is coming: for the large arrays a run keeps to its end.
    /// Only room of an eighth of the array or more: the new array is a copy made beside the
    /// old one, and a million contracts copied to give back 5 MB made the run's peak 104 MB
    /// higher for a moment.
    public mutating func shrinkToFit() {
        guard capacity - count >= Swift.max(count / 8, 1) else { return }
        self = withUnsafeBufferPointer { Array($0) }
    }
}
