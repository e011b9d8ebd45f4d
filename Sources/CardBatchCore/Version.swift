/// The tool's version, printed in every report beside the rule-set version.
public enum CardBatchVersion {
    public static let tool = "0.1.0"
}
