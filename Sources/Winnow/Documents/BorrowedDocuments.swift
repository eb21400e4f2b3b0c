extension Array where Element == Document {
    /// Calls `body` with each document and its index, in order. Each is moved out into a constant and
    /// back, so that the calls in `body` borrow it: a document read in place is copied for a call
    /// (the call could change the array under it), which retains and releases each of its strings
    /// and slices.
    mutating func borrowEach(_ body: (Int, Document) -> Void) {
        withUnsafeMutableBufferPointer { documents in
            for index in documents.indices {
                let document = documents.moveElement(from: index)
                body(index, document)
                documents.initializeElement(at: index, to: document)
            }
        }
    }
}
