/// The employer's Unified Social Credit Code is well-formed and its check character is right.
public struct EmployerCreditCodeRule: Rule {
    public static let description = RuleDescription(
        identifier: "employer.credit-code", severity: .error, scope: .bundle, category: .employer,
        title: LocalizedText(en: "Unified Social Credit Code is valid (GB 32100-2015)", zh: "统一社会信用代码有效（GB 32100-2015）"),
        rationale: "The employer is identified by its 18-character Unified Social Credit Code, whose last character is a check character (weights 3^i mod 31). A mistyped code would file the application under no employer or the wrong one. Legacy codes that predate the checksum can be admitted with employer.legacyCreditCodes.",
        configurationKeys: ["employer.legacyCreditCodes"]
    )
    public init() {}

    /// Why `code` is not a valid credit code, or nil.
    public static func problem(_ code: String) -> String? {
        guard code.count == 18 else { return "it has \(code.count) characters, not 18" }
        guard code.allSatisfy({ CheckCharacters.creditCodeAlphabet.contains($0) }) else {
            return "it may hold only digits and the capitals A–Y without I, O, S, V and Z"
        }
        let expected = CheckCharacters.creditCode(code.prefix(17))!
        guard code.last == expected else { return "its check character is \(code.last!) but should be \(expected)" }
        return nil
    }

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let code = facts.header[.employerCreditCode]
        guard !code.isEmpty, !context.configuration.employer.legacyCreditCodes.contains(code),
              let problem = Self.problem(code) else { return [] }
        let name = RosterField.employerCreditCode.name(in: facts.rosterFormat)
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line),
            field: name, value: code, expected: "an 18-character Unified Social Credit Code with a valid check character",
            en: "\(name) \"\(code)\" is not a valid Unified Social Credit Code: \(problem). Copy it from the business licence.",
            zh: "\(name) \"\(code)\" 不是有效的统一社会信用代码。请按营业执照抄写。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.header[.employerCreditCode] = "91310115MA1K4LXX3B" },
                         Example.bundle { $0.header[.employerCreditCode] = "91310115MA1K4LXX3" },
                         Example.bundle { $0.header[.employerCreditCode] = "91310115MA1K4LXXOB" }],
            passing: [Example.bundle, Example.bundle { $0.header[.employerCreditCode] = "91110108MA01ABCD1E" }]
        )
    }
}
