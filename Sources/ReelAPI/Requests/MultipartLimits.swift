/// What one multipart request may hold in memory and on disk; past any of these the read stops with a 413.
struct MultipartLimits: Sendable {
    /// Largest text part, in bytes.
    var fieldBytes: Int
    /// Largest file part, in bytes.
    var uploadBytes: Int64
    /// Most parts in one body (text and files).
    var parts = 64
    /// Most header bytes of one part (names and values).
    var headerBytes = 16 * 1024
    /// Most text bytes of all text parts together: four times the largest field.
    var textBytes: Int { fieldBytes.multipliedReportingOverflow(by: 4).overflow ? Int.max : fieldBytes * 4 }
}
