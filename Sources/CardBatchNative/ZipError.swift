import CLibZip

/// A failure reported by libzip, with libzip's own error code and message kept.
public struct ZipError: Error, Sendable, CustomStringConvertible {
    /// libzip's `ZIP_ER_*` code.
    public let code: Int32
    public let message: String
    /// What cardbatch was doing: "open", "stat", "read", "close", …
    public let operation: String

    public var description: String { "\(operation): \(message)" }

    /// The one place a libzip `zip_error_t` becomes a Swift error.
    static func from(_ error: UnsafeMutablePointer<zip_error_t>, operation: String) -> ZipError {
        ZipError(code: zip_error_code_zip(error), message: String(cString: zip_error_strerror(error)), operation: operation)
    }

    /// Error from a libzip error code (as `zip_open` reports it).
    static func from(code: Int32, operation: String) -> ZipError {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return from(&error, operation: operation)
    }
}
