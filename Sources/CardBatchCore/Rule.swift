/// Anything with a rule description: listed by `cardbatch rules`, explained by `cardbatch explain`.
///
/// Some rules are detected where the bytes are read (a zip bomb is noticed while inflating, a
/// schema error while libxml2 validates); those conform to this protocol only and make their
/// findings through `description.finding(...)` at the point of detection.
public protocol RuleDescribing: Sendable {
    static var description: RuleDescription { get }
    /// A message the rule gives, for `explain`: a checked rule's own finding on its first triggering
    /// example; a detected rule's `example`.
    static var exampleMessage: LocalizedText? { get }
}

/// A rule detected where the bytes are read, with no subject to run examples on: it carries the
/// message it gives as its example, which a test produces for real from real bytes.
public protocol DetectedRule: RuleDescribing {
    static var example: LocalizedText { get }
}

extension DetectedRule {
    public static var exampleMessage: LocalizedText? { example }
}

/// A rule that judges a plain value (the subject) and returns findings. Rules are pure: no files,
/// no C libraries, no clock; the processing date comes in the context.
public protocol Rule<Subject>: RuleDescribing {
    associatedtype Subject: Sendable
    init()
    func check(_ subject: Subject, in context: RuleContext) -> [Finding]
    /// Subjects that must trigger the rule and subjects that must not. The test suite walks these
    /// for every registered rule, so the examples are executable documentation.
    static var examples: RuleExamples<Subject> { get }
}

extension Rule {
    public static var exampleMessage: LocalizedText? {
        examples.triggering.first.flatMap { Self().check($0, in: .example).first?.message }
    }
}

public struct RuleExamples<Subject: Sendable>: Sendable {
    public var triggering: [Subject]
    public var passing: [Subject]

    public init(triggering: [Subject], passing: [Subject]) {
        self.triggering = triggering
        self.passing = passing
    }
}

/// What every rule may know besides its subject.
public struct RuleContext: Sendable {
    public var processingDate: CalendarDate
    public var configuration: Configuration
    /// The bundle file name, for locations.
    public var bundle: String
    /// The roster's entry name inside the bundle, for locations.
    public var rosterEntry: String
    /// The reference extract of valid work permits, when the outlet supplied one.
    public var permits: PermitExtract?

    public init(processingDate: CalendarDate, configuration: Configuration = Configuration(), bundle: String, rosterEntry: String,
                permits: PermitExtract? = nil) {
        self.processingDate = processingDate
        self.configuration = configuration
        self.bundle = bundle
        self.rosterEntry = rosterEntry
        self.permits = permits
    }

    /// The context rule examples run in: 2026-11-25, default configuration, and an extract that
    /// lists the example employee's permit.
    public static let example = RuleContext(
        processingDate: CalendarDate(year: 2026, month: 11, day: 25)!,
        bundle: "example.zip",
        rosterEntry: "roster.csv",
        permits: PermitExtract(source: "permits.csv", permits: [PermitRecord(
            permitNumber: "FWP3100202611250001", nationality: "FRA", passportNumber: "19AB12345", name: "MARTIN CLAIRE ANNE",
            expiry: "2027-12-31", line: 2)])
    )
}
