/// The content format of docs/content-format.md, as data.
public enum ContentSchemas {
    static let unitChoice = SchemaType.choice(MoneyUnit.allCases.map(\.rawValue))

    // MARK: site.yaml, unit.yaml

    public static let site = ObjectSchema("站点信息", [
        Field("title", .text, required: true, "站点标题"),
        Field("publisher", .text, required: true, "发布单位"),
        Field("base_url", .url, required: true, "站点地址"),
        Field("language", .choice(["zh-CN"]), "语言"),
        Field("site_name", .text, "网站名称（政府网站元数据 SiteName，默认为 title）"),
        Field("site_domain", .text, "网站域名（SiteDomain，默认取 base_url 的域名）"),
        Field("site_id_code", .text, "网站标识码（SiteIDCode）"),
        Field("column_name", .text, "栏目名称（ColumnName，默认为“部门决算”或“单位决算”）"),
        Field("profile", .text, "版式（各单位默认的公开格式：sichuan-2023、shanghai、mof-9…；见 docs/provinces.md）"),
    ])

    public static let unit = ObjectSchema("单位信息", [
        Field("name", .text, required: true, "单位全称"),
        Field("short_name", .text, required: true, "单位简称"),
        Field("level", .choice(["省", "市", "县", "区"]), required: true, "行政级别"),
        Field("region", .text, required: true, "所在地区"),
        Field("budget_code", .text, "预算单位编码"),
        Field("other_names", .list(.text), "其他名称（加挂牌子）"),
        Field("supervisor", .text, "主管部门（单位决算填写所属部门；部门本身可不填）"),
        Field("contact", .text, "联系方式（报告页显示，如“财务科 0830-1234567”）"),
        Field("profile", .text, "版式（本单位报告的公开格式，优先于 site.yaml 的 profile；见 docs/provinces.md）"),
    ])

    // MARK: report.yaml

    static let headcount = ObjectSchema("人数分类", [
        Field("category", .text, required: true, "类别"),
        Field("count", .count, required: true, "人数"),
        Field("previous", .count, "上年同期人数"),
    ])

    static let headcountGroup = ObjectSchema("人数", [
        Field("total", .count, required: true, "合计"),
        Field("breakdown", .list(.object(headcount)), "分类"),
    ])

    static let entity = ObjectSchema("纳入决算编制范围的单位", [
        Field("name", .text, required: true, "单位名称"),
        Field("type", .choice(["行政单位", "参照公务员法管理的事业单位", "其他事业单位"]), required: true, "单位性质"),
    ])

    public static let report = ObjectSchema("报告信息", [
        Field("year", .year, required: true, "决算年度"),
        Field("kind", .choice(["部门", "单位"]), required: true, "部门或单位"),
        Field("tables", .text, required: true, "附表套表"),
        Field("unit", unitChoice, "金额单位"),
        Field("approved_on", .date, "批复日期（财政部门批复决算的日期，用于核对批复后 20 日内公开）"),
        Field("published_on", .date, "公开日期"),
        Field("updated_on", .date, "更新日期（公开后更正时填写）"),
        Field("organization", .object(ObjectSchema("机构设置", [
            Field("internal_divisions", .count, required: true, "内设机构个数"),
            Field("division_names", .list(.text), "内设机构名称"),
            Field("entities", .list(.object(entity), minItems: 1), required: true, "纳入决算编制范围的单位"),
            Field("independent_accounting", .boolean, "二级单位是否独立核算"),
        ])), required: true, "机构设置"),
        Field("staffing", .object(ObjectSchema("人员情况", [
            Field("authorized", .object(headcountGroup), "编制"),
            Field("actual", .object(headcountGroup), "实有人数"),
            Field("retirees", .list(.object(headcount)), "离退休人员"),
        ])), "人员情况"),
    ])

    // MARK: accounts.yaml

    static func amounts(_ label: String, _ fields: [(String, String)], required: Bool = false,
                        negativeAllowed: Set<String> = []) -> ObjectSchema {
        ObjectSchema(label, fields.map { name, title in
            Field(name, .amount(negativeAllowed: negativeAllowed.contains(name)), required: required, title)
        })
    }

    static let incomeSources: [(String, String)] = [
        ("general_budget", "一般公共预算财政拨款收入"),
        ("government_fund", "政府性基金预算财政拨款收入"),
        ("state_capital", "国有资本经营预算财政拨款收入"),
        ("superior_subsidy", "上级补助收入"),
        ("business", "事业收入"),
        ("operating", "经营收入"),
        ("subordinate_remittance", "附属单位上缴收入"),
        ("other", "其他收入"),
    ]

    static let expenditureTypes: [(String, String)] = [
        ("basic", "基本支出"),
        ("project", "项目支出"),
        ("remit_to_superior", "上缴上级支出"),
        ("operating", "经营支出"),
        ("subsidy_to_subordinates", "对附属单位补助支出"),
    ]

    static let funds: [(String, String)] = [
        ("general_budget", "一般公共预算财政拨款"),
        ("government_fund", "政府性基金预算财政拨款"),
        ("state_capital", "国有资本经营预算财政拨款"),
    ]

    static let income = ObjectSchema("收入", incomeSources.map { Field($0.0, .amount(), required: true, $0.1) } + [
        Field("total", .amount(), required: true, "本年收入合计"),
        Field("non_appropriation_balance_used", .amount(), required: true, "使用非财政拨款结余"),
        Field("carryover_beginning", .amount(negativeAllowed: true), required: true, "年初结转和结余"),
        Field("grand_total", .amount(), required: true, "收入总计"),
        Field("budget", .amount(), "本年收入预算数"),
    ])

    static let expenditure = ObjectSchema("支出", expenditureTypes.map { Field($0.0, .amount(), required: true, $0.1) } + [
        Field("total", .amount(), required: true, "本年支出合计"),
        Field("balance_distribution", .amount(negativeAllowed: true), required: true, "结余分配"),
        Field("carryover_ending", .amount(negativeAllowed: true), required: true, "年末结转和结余"),
        Field("grand_total", .amount(), required: true, "支出总计"),
        Field("budget", .amount(), "本年支出预算数"),
    ])

    static let statedAppropriation = amounts("原表印出的合计、总计", [
        ("income_total", "本年收入合计"),
        ("expenditure_total", "本年支出合计"),
        ("carryover_beginning", "年初财政拨款结转和结余合计"),
        ("carryover_ending", "年末财政拨款结转和结余合计"),
        ("income_grand_total", "收入总计"),
        ("expenditure_grand_total", "支出总计"),
    ], negativeAllowed: ["carryover_beginning", "carryover_ending"])

    static let appropriation = ObjectSchema("财政拨款", [
        Field("carryover_beginning", .object(amounts("年初财政拨款结转和结余", funds, required: true, negativeAllowed: Set(funds.map(\.0)))), required: true, "年初财政拨款结转和结余"),
        Field("carryover_ending", .object(amounts("年末财政拨款结转和结余", funds, required: true, negativeAllowed: Set(funds.map(\.0)))), required: true, "年末财政拨款结转和结余"),
        Field("budget", .amount(), "财政拨款支出预算数"),
        Field("stated", .object(statedAppropriation), "原表印出的合计、总计（照原表填写）"),
    ])

    static let previous = amounts("上年决算数", [
        ("grand_total", "上年收、支总计"),
        ("income_total", "上年本年收入合计"),
        ("expenditure_total", "上年本年支出合计"),
        ("appropriation_total", "上年财政拨款收、支总计"),
        ("general_budget_expenditure", "上年一般公共预算财政拨款支出"),
        ("government_fund_expenditure", "上年政府性基金预算财政拨款支出"),
        ("state_capital_expenditure", "上年国有资本经营预算财政拨款支出"),
    ])

    public static let reasonSlots: [(String, String)] = [
        ("total_change", "收支总计变动原因"),
        ("income_budget_difference", "收入决算数与预算数差异原因"),
        ("expenditure_budget_difference", "支出决算数与预算数差异原因"),
        ("appropriation_change", "财政拨款收支总计变动原因"),
        ("general_budget_change", "一般公共预算财政拨款支出变动原因"),
        ("government_fund_change", "政府性基金预算支出变动原因"),
        ("state_capital_change", "国有资本经营预算支出变动原因"),
    ]

    public static let fundChoices = ["general_budget", "government_fund", "state_capital", "other"]

    static let functionalRow = ObjectSchema("支出功能分类明细行", [
        Field("code", .code(.functional), required: true, "科目编码"),
        Field("name", .text, "科目名称"),
        Field("fund", .choice(fundChoices), "资金来源"),
    ] + expenditureTypes.map { Field($0.0, .amount(), required: $0.0 == "basic" || $0.0 == "project", $0.1) } + [
        Field("budget", .amount(), "预算数"),
        Field("reason", .markdown, "决算数与预算数差异原因"),
        Field("purpose", .markdown, "主要用于（如上海格式逐项说明用途）"),
    ])

    /// Where a stated 类/款/合计 row belongs: one fund's table, the appropriations' or every fund's.
    public static let scopeChoices = FundScope.allCases.map(\.rawValue)

    static let statedFunctionalLine = ObjectSchema("原表印出的类、款行或合计行", [
        Field("code", .code(.functional), "类（3 位）或款（5 位）编码；合计行不写"),
        Field("fund", .choice(scopeChoices), "所在的表：资金来源，或 appropriations（财政拨款）、all（全部资金）"),
        Field("total", .amount(), "合计"),
    ] + expenditureTypes.map { Field($0.0, .amount(), $0.1) } + [
        Field("budget", .amount(), "预算数"),
    ])

    static let incomeByFunctionRow = ObjectSchema("收入决算表明细行", [
        Field("code", .code(.functional), required: true, "科目编码"),
        Field("name", .text, "科目名称"),
    ] + incomeSources.map { Field($0.0, .amount(), $0.1) })

    static let economicItem = SchemaType.oneOf([
        .code(.economic),
        .object(ObjectSchema("经济分类科目", [
            Field("code", .code(.economic), required: true, "科目编码"),
            Field("name", .text, "科目名称"),
            Field("amount", .amount(), "金额"),
        ])),
    ])

    static let basicGroup = ObjectSchema("基本支出分项", [
        Field("label", .text, "称呼"),
        Field("total", .amount(), required: true, "合计"),
        Field("items", .list(economicItem), "经济分类科目"),
        Field("stated_classes", .list(.object(ObjectSchema("原表印出的类级行", [
            Field("code", .code(.economic), required: true, "类级编码（3 位）"),
            Field("amount", .amount(), required: true, "金额"),
        ]))), "原表印出的类级行（301、302…）金额"),
    ])

    static let threePublicItems = ObjectSchema("“三公”经费分项", [
        Field("overseas", .amount(), required: true, "因公出国（境）费"),
        Field("vehicle_purchase", .amount(), required: true, "公务用车购置费"),
        Field("vehicle_operation", .amount(), required: true, "公务用车运行维护费"),
        Field("reception", .amount(), required: true, "公务接待费"),
        Field("vehicle", .amount(), "公务用车购置及运行维护费小计（如公开）"),
        Field("total", .amount(), "合计（如公开）"),
    ])

    /// Last year's figures: each item only where it was published.
    static let threePublicPrevious = ObjectSchema("“三公”经费上年决算数", threePublicItems.fields.map {
        Field($0.name, $0.type, $0.label)
    })

    static let vehicleModels = ["轿车", "越野车", "载客汽车", "其他"]
    /// Every category of the national 公务用车 rules, the spellings provinces print (离退休干部用车 in Shanghai),
    /// and any other category a bundled profile lists (`vehicle_categories`). The schema does not fix the
    /// field to these: the report's own profile (a site's Profiles/<id>.json included) says which categories
    /// it accepts, checked when the report is loaded (ContentLoader: PROFILE-VEHICLE for another province's
    /// spelling, SCHEMA-ENUM for a category no profile knows).
    public static let vehicleUses: [String] = {
        var uses = ["部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部服务用车", "离退休干部用车", "其他用车"]
        for id in ReportProfile.bundled.keys.sorted() {
            for category in ReportProfile.bundled[id]!.vehicleCategories where !uses.contains(category) { uses.append(category) }
        }
        return uses
    }()

    /// What the JSON Schema says of assets.vehicles[].type: the categories are the report profile's.
    static let vehicleUseHelp = "公务用车类别，由报告所用版式的 vehicle_categories 决定（站点可在 Profiles/ 中自定义版式并增加类别）。内置版式的类别：" + vehicleUses.joined(separator: "、")

    static let receptionGroup = ObjectSchema("接待", [
        Field("amount", .amount(), required: true, "金额"),
        Field("batches", .count, required: true, "批次"),
        Field("persons", .count, required: true, "人次"),
        Field("purpose", .markdown, "主要用途"),
        Field("items", .list(.object(ObjectSchema("接待事项", [
            Field("purpose", .text, required: true, "事由"),
            Field("persons", .count, "人次"),
            Field("amount", .amount(), required: true, "金额"),
        ]))), "逐项列示"),
    ])

    static let threePublic = ObjectSchema("财政拨款“三公”经费", [
        Field("budget", .object(threePublicItems), required: true, "预算数"),
        Field("actual", .object(threePublicItems), required: true, "决算数"),
        Field("previous", .object(threePublicPrevious), "上年决算数"),
        Field("reasons", .object(ObjectSchema("原因说明", [
            Field("budget_difference", .markdown, "决算数与预算数差异原因"),
            Field("change", .markdown, "与上年相比变动原因"),
            Field("overseas", .markdown, "因公出国（境）费说明"),
            Field("vehicle", .markdown, "公务用车说明"),
            Field("reception", .markdown, "公务接待说明"),
        ])), "原因说明"),
        Field("overseas_trips", .object(ObjectSchema("因公出国（境）", [
            Field("groups", .count, required: true, "团组数"),
            Field("persons", .count, required: true, "人次"),
        ])), "因公出国（境）团组"),
        Field("vehicles_purchased", .list(.object(ObjectSchema("本年购置公务用车", [
            Field("type", .choice(vehicleModels), required: true, "车型"),
            Field("count", .count, required: true, "辆数"),
            Field("amount", .amount(), required: true, "金额"),
        ]))), "本年更新购置公务用车"),
        Field("vehicles_held", .list(.object(ObjectSchema("年末公务用车保有量", [
            Field("type", .choice(vehicleModels), required: true, "车型"),
            Field("count", .count, required: true, "辆数"),
        ]))), "年末公务用车保有量"),
        Field("vehicle_operation_purpose", .markdown, "公务用车运行维护费主要用途"),
        Field("reception", .object(ObjectSchema("公务接待", [
            Field("domestic", .object(receptionGroup), required: true, "国内公务接待"),
            Field("foreign", .object(receptionGroup), required: true, "外事接待"),
        ])), required: true, "公务接待"),
    ])

    static let fundTable = ObjectSchema("分科目结转", [
        Field("by_code", .list(.object(ObjectSchema("分科目", [
            Field("code", .code(.functional), required: true, "科目编码"),
            Field("name", .text, "科目名称"),
            Field("carryover_beginning", .amount(negativeAllowed: true), required: true, "年初结转和结余"),
            Field("income", .amount(), required: true, "本年收入"),
            Field("carryover_ending", .amount(negativeAllowed: true), required: true, "年末结转和结余"),
        ]))), "分科目"),
    ])

    public static let accounts = ObjectSchema("决算数字", [
        Field("unit", unitChoice, "金额单位"),
        Field("income", .object(income), required: true, "收入"),
        Field("expenditure", .object(expenditure), required: true, "支出"),
        Field("appropriation", .object(appropriation), required: true, "财政拨款"),
        Field("previous", .object(previous), "上年决算数"),
        Field("reasons", .object(ObjectSchema("原因说明", reasonSlots.map { Field($0.0, .markdown, $0.1) })), "原因说明"),
        Field("functional", .list(.object(functionalRow), minItems: 1), required: true, "支出功能分类明细"),
        Field("functional_stated", .list(.object(statedFunctionalLine)), "原表印出的类、款行和合计行（照原表填写）"),
        Field("income_by_function", .list(.object(incomeByFunctionRow)), "收入决算表明细"),
        Field("basic_expenditure", .object(ObjectSchema("基本支出", [
            Field("personnel", .object(basicGroup), required: true, "人员经费"),
            Field("public", .object(basicGroup), required: true, "公用经费"),
        ])), required: true, "一般公共预算财政拨款基本支出"),
        Field("three_public", .object(threePublic), required: true, "“三公”经费"),
        Field("government_fund", .object(fundTable), "政府性基金预算"),
        Field("state_capital", .object(fundTable), "国有资本经营预算"),
        Field("agency_operating_cost", .object(ObjectSchema("机关运行经费", [
            Field("amount", .amount(), required: true, "金额"),
            Field("previous", .amount(), "上年数"),
            Field("reason", .markdown, "变动原因"),
            Field("note", .markdown, "与公用经费不一致的说明"),
        ])), required: true, "机关运行经费"),
        Field("procurement", .object(ObjectSchema("政府采购", [
            Field("goods", .amount(), required: true, "货物"),
            Field("works", .amount(), required: true, "工程"),
            Field("services", .amount(), required: true, "服务"),
            Field("total", .amount(), required: true, "政府采购支出总额"),
            Field("sme", .amount(), "授予中小企业合同金额"),
            Field("micro", .amount(), "授予小微企业合同金额"),
            Field("purpose", .markdown, "主要用途"),
        ])), required: true, "政府采购"),
        Field("assets", .object(ObjectSchema("国有资产占有使用情况", [
            Field("as_of", .date, "截止日期"),
            Field("vehicles", .list(.object(ObjectSchema("车辆", [
                Field("type", .text, required: true, "用途", help: vehicleUseHelp),
                Field("count", .count, required: true, "辆数"),
                Field("purpose", .markdown, "主要用途"),
            ]))), required: true, "车辆"),
            Field("equipment", .list(.object(ObjectSchema("设备", [
                Field("type", .text, required: true, "类别"),
                Field("count", .count, required: true, "台（套）"),
            ]))), "设备"),
        ])), required: true, "国有资产"),
        Field("budget_basis", .choice(["年初预算", "全年预算"]), "预算数的口径（各 budget 是年初预算还是全年预算；说明文字据此措辞）"),
    ])

    // MARK: performance.yaml

    static let indicator = ObjectSchema("绩效指标", [
        Field("level1", .text, required: true, "一级指标"),
        Field("level2", .text, required: true, "二级指标"),
        Field("level3", .text, required: true, "三级指标"),
        Field("nature", .choice(["=", ">=", "<=", ">", "<", "定性"]), "指标性质"),
        Field("target", .text, required: true, "年度指标值"),
        Field("unit", .text, "度量单位"),
        Field("actual", .text, "实际完成值"),
        Field("weight", .score, "分值"),
        Field("score", .score, "得分"),
        Field("rate", .percent, "完成率"),
        Field("reason", .markdown, "未完成原因和改进措施"),
    ])

    static let projectFunds = ObjectSchema("项目资金", [
        Field("initial_budget", .amount(), "年初预算数"),
        Field("budget", .amount(), required: true, "全年预算数"),
        Field("actual", .amount(), required: true, "全年执行数"),
        Field("rate", .percent, "执行率"),
        Field("weight", .score, "分值"),
        Field("score", .score, "得分"),
        Field("sources", .list(.object(ObjectSchema("资金来源", [
            Field("source", .text, required: true, "来源"),
            Field("initial_budget", .amount(), "年初预算数"),
            Field("budget", .amount(), required: true, "全年预算数"),
            Field("actual", .amount(), required: true, "全年执行数"),
            Field("rate", .percent, "执行率"),
        ]))), "资金来源"),
    ])

    static let project = ObjectSchema("项目支出绩效自评表", [
        Field("name", .text, required: true, "项目名称"),
        Field("department", .text, required: true, "主管部门"),
        Field("implementer", .text, required: true, "实施单位"),
        Field("category", .choice(["常年项目", "一次性项目"]), "项目类别"),
        Field("unit", unitChoice, "金额单位"),
        Field("summary", .markdown, "绩效目标完成情况综述"),
        Field("funds", .object(projectFunds), required: true, "项目资金"),
        Field("goals", .list(.object(ObjectSchema("年度总体目标", [
            Field("target", .markdown, required: true, "年度目标"),
            Field("actual", .markdown, "实际完成情况"),
        ]))), required: true, "年度总体目标"),
        Field("indicators", .list(.object(indicator)), required: true, "绩效指标"),
        Field("conclusion", .markdown, "评价结论"),
        Field("problems", .markdown, "存在问题"),
        Field("improvements", .markdown, "改进措施"),
    ])

    public static let performance = ObjectSchema("预算绩效", [
        Field("management", .object(ObjectSchema("预算绩效管理情况", [
            Field("ex_ante_assessed", .count, "事前绩效评估项目数"),
            Field("with_targets", .count, required: true, "编制绩效目标项目数"),
            Field("monitored", .count, required: true, "绩效监控项目数"),
            Field("self_evaluated", .count, required: true, "绩效自评项目数"),
            Field("evaluated", .count, "自行组织绩效评价项目数"),
            Field("overall_self_score", .score, "部门整体绩效自评得分"),
            Field("summary", .markdown, "绩效管理情况综述"),
        ])), required: true, "预算绩效管理情况"),
        Field("overall", .object(ObjectSchema("部门整体支出绩效报告", [
            Field("title", .text, "报告标题"),
            Field("unit", unitChoice, "金额单位"),
            Field("score", .score, "自评得分"),
            Field("score_parts", .list(.object(ObjectSchema("分项得分", [
                Field("label", .text, required: true, "项目"),
                Field("score", .score, required: true, "得分"),
                Field("weight", .score, "分值"),
            ]))), "分项得分"),
            Field("score_table", .list(.object(ObjectSchema("整体支出绩效自评表行", [
                Field("level1", .text, required: true, "一级指标"),
                Field("level2", .text, required: true, "二级指标"),
                Field("level3", .text, required: true, "三级指标"),
                Field("weight", .score, required: true, "分值"),
                Field("score", .score, required: true, "得分"),
                Field("explanation", .markdown, "指标解释"),
            ]))), "整体支出绩效自评表"),
            Field("figures", .object(ObjectSchema("报告引用的收支数字", [
                Field("income_total", .amount(), "本年收入合计"),
                Field("appropriation_income", .amount(), "财政拨款收入"),
                Field("expenditure_total", .amount(), "本年支出合计"),
                Field("basic", .amount(), "基本支出"),
                Field("project", .amount(), "项目支出"),
                Field("carryover_ending", .amount(negativeAllowed: true), "年末结转和结余"),
                Field("initial_budget", .object(amounts("年初预算", [
                    ("income", "本年收入"), ("expenditure", "本年支出"),
                    ("general_budget", "一般公共预算财政拨款"), ("government_fund", "政府性基金预算财政拨款"),
                    ("state_capital", "国有资本经营预算财政拨款"),
                ])), "年初预算"),
                Field("stock_funds_used", .object(amounts("使用存量资金", funds.map { ($0.0, $0.1) })), "使用存量资金"),
            ])), "报告引用的收支数字"),
            Field("project_groups", .list(.object(ObjectSchema("项目类别统计", [
                Field("label", .text, required: true, "类别"),
                Field("count", .count, required: true, "项目个数"),
                Field("budget", .amount(), required: true, "预算总金额"),
                Field("actual", .amount(), required: true, "执行金额"),
                Field("rate", .percent, "预算执行总体进度（%）"),
                Field("over_10pct_balance", .count, "结余率大于10%的项目个数"),
                Field("under_10pct_balance", .count, "结余率小于10%的项目个数"),
            ]))), "项目类别统计"),
        ])), "部门整体支出绩效报告"),
        Field("projects", .list(.object(project)), "项目支出绩效自评表"),
    ])

    // MARK: glossary.yaml

    public static let glossary = ObjectSchema("名词解释", [
        Field("entries", .list(.object(ObjectSchema("词条", [
            Field("term", .text, required: true, "名词"),
            Field("definition", .markdown, required: true, "解释"),
        ]))), "补充或改写的词条"),
        Field("omit", .list(.text), "不显示的标准词条"),
    ])

    // MARK: import.yaml

    /// The officer's decisions about a workbook, honoured by every later `disclose import`.
    public static let importRecord = ObjectSchema("导入记录", [
        Field("ignore", .list(.object(ObjectSchema("不导入的单元格", [
            Field("cell", .text, required: true, "单元格（工作表!A1）"),
            Field("reason", .text, "原因"),
        ]))), "不导入的单元格"),
        Field("codes", .list(.object(ObjectSchema("科目编码对应", [
            Field("from", .text, required: true, "表中的科目编码"),
            Field("to", .text, required: true, "改记为的科目编码"),
            Field("sheet", .text, "只用于这张工作表"),
            Field("reason", .text, "原因"),
        ]))), "科目编码对应"),
        Field("keep", .list(.object(ObjectSchema("手工确定的数字", [
            Field("path", .text, required: true, "accounts.yaml 中的位置（如 three_public.actual.reception）"),
            Field("reason", .text, "原因"),
        ]))), "手工确定、重新导入时保留的数字"),
    ])
}
