/// The authorization letter really is a PDF, JPEG or PNG, judged by its bytes.
public struct LetterFormatRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.format", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "The authorization letter is a real PDF, JPEG or PNG", zh: "授权书须为真实的 PDF、JPG 或 PNG 文件"),
        rationale: "The outlet files the letter as a PDF or an image scan. The file is judged by its bytes and opened with a real library (qpdf for PDF, without repairing damage; libpng or libjpeg-turbo for scans, decoding every row): a Word file renamed to .pdf, or a truncated file, is refused.",
        configurationKeys: ["archive.maxLetterBytes"]
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter else { return [] }
        let location = Location(bundle: context.bundle, entry: letter.entry)
        guard [.pdf, .jpeg, .png].contains(letter.signature) else {
            return [Self.description.finding(
                at: location, value: letter.signature.displayName, expected: "a PDF, JPEG or PNG file",
                en: "The authorization letter \"\(letter.entry)\" is \(letter.signature.displayName). Submit it as PDF, or as a JPEG/PNG scan.",
                zh: "授权书 \"\(letter.entry)\" 实际为\(letter.signature.displayNameZH)。请提交 PDF 或 JPG/PNG 扫描件。"
            )]
        }
        guard let problem = letter.structureProblem else { return [] }
        return [Self.description.finding(
            at: location, value: problem, expected: "a complete \(letter.signature.rawValue.uppercased()) file",
            en: "The authorization letter \"\(letter.entry)\" (\(letter.signature.displayName)) cannot be used: \(problem). Save or scan it again.",
            zh: "授权书 \"\(letter.entry)\" 无法使用（\(problem)）。请重新保存或扫描。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [
                Example.bundle { $0.letter?.signature = .unknown },
                Example.bundle { $0.letter?.structureProblem = "no %%EOF marker: the file is truncated" },
            ],
            passing: [Example.bundle, Example.bundle { $0.letter = LetterFacts(entry: "letter.png", byteCount: 90_000, signature: .png, width: 1240, height: 1754) }]
        )
    }
}
