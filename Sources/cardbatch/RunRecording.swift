import CardBatchCore

/// Appending a run to the ledger's history, for the one-shot commands.
enum RunRecording {
    /// A run whose outputs are written stays done when its history entry cannot be: said on stderr,
    /// never a reason to fail the run.
    static func append(_ run: RunRecord, to history: any RunHistory) {
        do {
            try history.append(run)
        } catch {
            StandardError.print("cardbatch: this \(run.kind.rawValue) run could not be recorded in the ledger's history: \(error)")
        }
    }
}
