extension Array {
    /// Gives back the room the array grew into while it was filled (arrays double, so up to
    /// half of it), once nothing more is coming: for the large arrays a run keeps to its end.
    public mutating func shrinkToFit() {
        guard capacity > count else { return }
        self = withUnsafeBufferPointer { Array($0) }
    }
}
