/// An object written with ``JSONWriter`` (the objects of the busiest routes) rather than `JSONEncoder`.
package protocol JSONWritable {
    /// Writes the object as one JSON value.
    func write(to writer: inout JSONWriter)
}
