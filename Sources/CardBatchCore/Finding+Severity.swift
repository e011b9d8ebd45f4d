extension Finding {
    func withSeverity(_ severity: Severity) -> Finding {
        var copy = self
        copy.severity = severity
        return copy
    }
}
