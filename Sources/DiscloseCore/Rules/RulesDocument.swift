/// docs/rules.md, generated from the rule definitions so it cannot drift (`disclose rules`).
public enum RulesDocument {
    public static func markdown() -> String {
        var out = """
        # 勾稽规则（Reconciliation rules）

        本文件由 `disclose rules > docs/rules.md` 从规则定义生成，请勿手工修改。
        Generated from the rule definitions by `disclose rules > docs/rules.md`; do not edit by hand.

        ## 舍入与容差（Rounding and tolerances）

        按 XBRL Calculations 1.1 的思路处理四舍五入（Rounding follows XBRL Calculations 1.1）：

        - 以 d 位小数公开的数代表区间 [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]。金额一律按两位小数（万元或元）处理。
          A figure printed with d decimals stands for an interval; amounts are taken at two decimals.
        - **合计与分项（尾差规则）**：n 个分项各自四舍五入后，与合计之差超过 (n + 1) × 0.005 即报错；不为 0 但在此区间内的差
          是尾差，报告为 `ROUNDING-TAIL` 警告，并指出应调整哪个数、调整多少（见下文 `ROUNDING-TAIL`）。文字与数据使用同一区间。
          A total and its n parts: a difference beyond (n + 1) × 0.005 is an error; a non-zero difference within it is a
          `ROUNDING-TAIL` warning naming the figure to adjust and by how much. Text and data use the same intervals.
        - **同一个数出现两次**（同样两位小数）必须完全相同；精度不同时按较低的精度比较。
          The same fact printed twice at the same precision must be identical; otherwise compare at the lower precision.
        - **百分比**由写出的金额精确计算后，按其打印精度四舍五入再比较：写成整数的按整数比较（“增长11%”对 11.03% 是正确的），
          写成两位小数的按两位小数比较（4.0789% 写成 4.07% 是错误的）。句子自己写出了金额或增减额时，用句中的数计算。
          Percentages are computed exactly from the amounts as written and compared after rounding to the precision they
          were printed with; where the sentence states the amount or the change itself, that figure is used.
        - **增减率**以上年数为基数；**完成率** = 决算数 ÷ 预算数，预算数为 0 时不能写完成率。
          Change rates are over last year's figure; completion = actual ÷ budget, undefined for a zero budget.

        ## 错误与警告（Errors and warnings）

        错误（error）使 `disclose check` 以状态 1 退出、`disclose build` 拒绝生成；警告（warning）提示需要核对，
        但可能有合理解释（如机关运行经费与公用经费口径不同）。每条数字类提示都带有 expected（应为）和 actual（实为），
        并指向最可能出错的那个数所在的行，其他相关的行写在消息中。

        **一个错数只报一次（Likely cause）**：一个数填错时，用到它的每条规则都会不成立。两类连锁只报一次：
        (1) 被判定为元/万元混填的数（`UNIT-MAGNITUDE`）——其他涉及这个数的错误作为附注列在它的消息里；
        (2) 同一个错误的金额出现在几处（如整体绩效报告的表和正文都写了同一个错数）——在数据（YAML）中的那一处报错，
        正文等其他位置作为附注；(3) 两处尾差由同一个数引起（它既是一处的合计、又是另一处的分项，两处差额正好相反）——
        只报一个 `ROUNDING-TAIL`，指向这个数，调整它两处同时一致。(4) 超出舍入区间的求和与等式错误：把每条不成立的求和
        （合计 = 分项之和；两处应相等的同一个数视为只有一个分项的求和）中的每个数据（YAML）数都当作候选，算出使这一条成立的值，
        在内存中代入后重新核对本报告所有不成立的求和、以及所有原本成立的求和。能同时修好最多条、又不破坏任何原本成立的求和的那个数，
        就是最可能的错数：只报一条，指向它，“应为”是这个值，被它修好的其他错误作为附注（如“项目支出”填错，使“本年支出合计”与支出功能分类明细两处都不成立）。
        同样多时优先选明细数（不是任何求和的合计的数），再选原为非零的数，再选改动的数字位数较少的（如 220.24 与 202.24 只是两位数字颠倒），再选改动较小的，再按文件位置；不会把一个非负的数改成负数。剩下的错误再找下一个原因。附注的位置也列在 related 中。
        One wrong figure breaks every rule that uses it. A unit slip, and one wrong amount repeated in several places,
        are reported once — at the figure in the data — with the other findings attached as notes. For failing sums and
        equalities, each data figure of a failure is tried at the value that mends its sum; the one that mends the most
        failures without raising a new one is named once (ties: a leaf before a total, a printed figure before a zero,
        fewer digits changed, the smaller change, the first place), the failures it mends attached as notes.

        **规则一定运行（Never silent）**：结构错误（如未知科目编码）只在出错的那一行报告；其余规则照常运行，
        未知编码的行按前三位计入其所属的类。只有涉及无法读取的数（格式错误、缺失）的勾稽结果会被略去，以免重复报告。
        A structural error is reported on its line and every rule still runs; only findings about an unreadable figure are dropped.

        """
        for area in ReconciliationRule.Area.allCases {
            let rules = ReconciliationRules.all.filter { $0.area == area }
            guard !rules.isEmpty else { continue }
            out += "\n## \(area.rawValue)（\(area.english)）\n"
            for rule in rules {
                out += """

                ### `\(rule.id)` — \(rule.title.zh)

                \(rule.title.en). **\(rule.severity == .error ? "错误 error" : "警告 warning")**

                \(rule.description.zh)

                \(rule.description.en)

                示例 / example: `\(rule.example)`

                """
            }
        }
        out += narrativeLimits
        return out
    }

    /// The limits of the Markdown check (`MarkdownRenderer.lint`, DiscloseKit): what no narrative needs,
    /// and what would make pages unreadable or the check slow. A test keeps the numbers true.
    static let narrativeLimits = """

        ## 文字的限度（Limits of the narrative）

        说明文件（Markdown）在勾稽规则之前先检查以下限度；每条都指出文件、行和列，并写出实际大小和上限。
        Before the rules, each narrative file is checked against these limits, each named with file, line, column, size and limit.

        - `MD-NESTING`（错误 error）：引用、列表或强调嵌套超过 32 层。Quotes, lists or emphasis nested beyond 32 levels.
        - `MD-REPETITION`（错误 error）：同一小段符号或文字（不超过 12 个字节，如 `*a`、`[`、`> a`、“财政拨款”）连续重复超过
          10000 个字符，多半是从损坏的导出中粘贴来的；每个文件报第一处。
          One short pattern repeated over 10000 characters (a paste from a broken export); the first run per file.
        - `FILE-UNREADABLE`（错误 error）：说明文件超过 2 MB，不解析。A narrative file over 2 MB is not parsed.
        - `MD-RAW-HTML`、`MD-UNSAFE-LINK`（警告 warning）：每个文件最多列出 20 处，其余合计为一条。At most 20 listed per file.

        """
}
