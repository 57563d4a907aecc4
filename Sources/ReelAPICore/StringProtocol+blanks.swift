extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (the blanks HTTP allows around header values and
    /// their parts); cheaper than Foundation's `trimmingCharacters(in:)` on every request.
    package var trimmingBlanks: SubSequence {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
