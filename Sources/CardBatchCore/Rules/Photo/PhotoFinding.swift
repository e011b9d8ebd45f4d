/// Shared by the pixel rules: a finding with the measured value against the threshold.
extension EmployeeSubject {
    func photoFinding(_ rule: RuleDescription, _ context: RuleContext, value: String, expected: String, en: String, zh: String) -> Finding {
        record.finding(rule, context, field: .photo, value: value, expected: expected,
                       en: "Row \(record.row): photo \"\(photo?.entry ?? "")\" — \(en)", zh: "第 \(record.row) 行：照片 \"\(photo?.entry ?? "")\"：\(zh)")
    }
}

func fmt(_ v: Double, _ digits: Int = 1) -> String {
    let p = digits == 1 ? 10.0 : 100.0
    let r = (v * p).rounded() / p
    return digits == 1 ? String(format1: r) : String(format2: r)
}

extension String {
    init(format1 v: Double) { let t = Int((abs(v) * 10).rounded()); self = (v < 0 ? "-" : "") + "\(t / 10).\(t % 10)" }
    init(format2 v: Double) { let t = Int((abs(v) * 100).rounded()); self = (v < 0 ? "-" : "") + "\(t / 100)." + (t % 100 < 10 ? "0" : "") + "\(t % 100)" }
}

func percent(_ v: Double) -> String { "\(Int((v * 100).rounded()))%" }
