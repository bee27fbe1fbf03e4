/// The 尾差 (rounding tail) rule. It has no check of its own: every sum rule (`Finding.sum`) and the
/// text rules apply it, so data and text are judged with the same intervals. It is listed here so
/// that docs/rules.md explains the policy once.
enum RoundingRules {
    static let all: [ReconciliationRule] = [tail]

    static let tail = ReconciliationRule(
        .roundingTail, .within, .warning,
        title: Message(zh: "尾差：合计与分项相差在舍入区间之内", en: "Rounding tail: a total and its parts differ within the rounding interval"),
        description: Message(
            zh: """
            一个合计与其 n 个分项各自四舍五入到两位小数后，按 XBRL Calculations 1.1 的区间算法，二者之差不超过 (n + 1) × 0.005 \
            时数据本身并不矛盾（每个数代表 ±0.005 的区间，区间可以相交），超过即为错误（由相应的求和规则报告）。但只要差不为 0，\
            公开的表格上读者就会看到“合计 64.88、分项相加 64.89”，所以非零的尾差报告为警告，并给出尾差调整建议：把最大的分项\
            （两位小数看不出各数的舍入余数，最大的分项调整 0.01 的相对影响最小，也是通行做法）调整差额，使表内相加一致；合计保持\
            不变，因为它是由未舍入的数得出的。文字中的金额与由多个数据相加得出的数比较时使用同一区间：区间内的差报告为本警告，\
            超出为 TEXT-AMOUNT 错误。`disclose check --fix-tails` 逐项应用这些调整（仅在调整后不产生新的问题时），保留 YAML 中的\
            注释，并列出改动。
            """,
            en: """
            Under XBRL Calculations 1.1 a total and its n parts, each rounded to two decimals, are consistent when they differ \
            by at most (n + 1) × 0.005 (each printed figure stands for an interval of ±0.005); beyond that the sum rule reports \
            an error. A non-zero difference within the interval is still visible to a reader of the published table, so it is \
            a warning that names the part to adjust (尾差调整: the largest part, where one cent matters least — two-decimal \
            figures do not reveal their rounding remainders) and the amount; the total, computed from unrounded figures, stays. \
            Amounts in the text compared with a sum of data figures use the same interval: within it this warning, beyond it a \
            TEXT-AMOUNT error. `disclose check --fix-tails` applies the adjustments one by one (each only when it raises no new \
            finding), keeps the YAML comments, and lists what it changed.
            """),
        example: "尾差（EXP-TOTAL）：“本年支出合计”为 64.88，各类支出之和为 64.89，相差 -0.01，在舍入区间 ±0.015 之内……尾差调整：把最大的分项（第 15 行 expenditure.basic）由 50.12 调为 50.11。"
    ) { _ in [] }
}
