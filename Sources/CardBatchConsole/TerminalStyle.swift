public import Foundation

/// What a terminal may show: colour only on an interactive terminal, and only when `NO_COLOR` is
/// unset and the terminal is not "dumb" (https://no-color.org). Renderers take a style rather than
/// asking the terminal themselves, so they are tested with plain values.
public struct TerminalStyle: Sendable, Equatable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Plain text: files, pipes, tests.
    public static let plain = TerminalStyle(colour: false)

    /// The style for standard output as it is now.
    public static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        TerminalStyle(colour: isInteractive(STDOUT_FILENO) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
    }

    public static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// `text` in an SGR colour (`"32"` green, `"31;1"` bold red) when colour is on.
    public func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}
