"""r02 第六章 金融业图数据库实践案例: the numbers of the nine case studies, one table per case.

Every table has the dimensions (case_institution, case_metric); the case_metric label says what
each value measures.  案例 2 (交通银行) states no statistic (only the year 2019 and enumerations such
as 三点 and 四大目标), so 交通银行 has no table.  The 参考文献 list holds no claims.
"""

from __future__ import annotations

from typing import Any

from fintech_stats.extractors.anchors import row, table, warning

VERBAL = "verbal quantity: an order-of-magnitude lower bound"

ABC: dict[str, Any] = dict(case_institution="abc")
CMBC: dict[str, Any] = dict(case_institution="cmbc")
CIB: dict[str, Any] = dict(case_institution="cib_fintech")
BOHAI: dict[str, Any] = dict(case_institution="bohai_bank")
CZ: dict[str, Any] = dict(case_institution="czbank")
ZY: dict[str, Any] = dict(case_institution="zhongyuan_bank")
SUN: dict[str, Any] = dict(case_institution="sunshine_pc_insurance")

TABLES = [
    table(
        "graph_db_case_abc",
        title="Agricultural Bank of China: graph computing platform and applications",
        title_zh="农业银行图数据库建设历程",
        description=(
            "Scale of ABC's graph computing platform (pilot vs now), accuracy of its group-customer "
            "models and the anti-money-laundering knowledge-graph run (案例 1)."
        ),
        source="第六章 案例 1",
        dims=("case_institution", "case_metric"),
        unit=("count", "percent"),
        warnings=[
            warning(
                "verbal",
                "千万级, 百万级, 十亿级, 百亿级, 数十类 and 约一半以上 are verbal orders of "
                "magnitude; the value is the lower bound (qualifier over).",
            ),
        ],
        rows=[
            row(r"支持{Q}邻居秒级查询", case_metric="neighbor_query_scale", unit="count", note=VERBAL, **ABC),
            row(
                r"开始试点时的{Q}点边数据",
                case_metric="pilot_graph_scale_vertices_edges",
                unit="count",
                note=VERBAL + "; vertices and edges together",
                **ABC,
            ),
            row(r"扩展到{Q}点、", case_metric="graph_scale_vertices", unit="count", note=VERBAL, **ABC),
            row(r"点、{Q}边的规模", case_metric="graph_scale_edges", unit="count", note=VERBAL, **ABC),
            row(
                r"实现对股东关系的 {Q} 层股权穿透",
                case_metric="equity_penetration_layers",
                unit="count",
                note="bare number: 10 层 (layers)",
                **ABC,
            ),
            row(
                r"准确率分别达到 {Q}、",
                case_metric="group_relation_model_accuracy",
                note="集团客户关联关系分析模型 (first of 两模型)",
                **ABC,
            ),
            row(
                r"准确率分别达到 [\d.]+%、{Q},",
                case_metric="group_risk_model_accuracy",
                note="集团客户风险分析模型 (second of 两模型)",
                **ABC,
            ),
            row(
                r"审计人员{Q}的审计查证模型",
                case_metric="audit_models_on_transactions_share",
                note="约一半以上: about half or more; " + VERBAL,
                **ABC,
            ),
            row(r"法人、产品、文章知识等{Q}关系图谱", case_metric="relation_graph_categories", note=VERBAL, **ABC),
            row(
                r"基于 {Q}月交易流水",
                case_metric="aml_transaction_window_months",
                note="3 个月: a count of months (the unit vocabulary has no month)",
                **ABC,
            ),
            row(r"包含 {Q}实体和", case_metric="aml_graph_entities", unit="count", **ABC),
            row(r"实体和 {Q}关系的图谱", case_metric="aml_graph_relations", unit="count", **ABC),
            row(
                r"最终筛选出{Q}可疑客户",
                case_metric="aml_suspicious_customers",
                note="约 2000 多个: about 2,000 or more",
                **ABC,
            ),
            row(r"可疑客户,准确率{Q}。", case_metric="aml_identification_accuracy", **ABC),
            row(
                r"拥有{Q} IT 系统需要运维管理",
                case_metric="it_systems",
                note="成百上千套: hundreds to thousands; " + VERBAL,
                **ABC,
            ),
        ],
    ),
    table(
        "graph_db_case_cmbc",
        title="China Minsheng Bank: the 万象 knowledge graph and its applications",
        title_zh="民生银行知识图谱建设与应用",
        description=(
            "Scenarios, business domains, entity and relation types, data volume and results of "
            "Minsheng Bank's enterprise, bill-transaction and credit-application graphs (案例 3)."
        ),
        source="第六章 案例 3",
        dims=("case_institution", "case_metric"),
        unit=("count", "times"),
        warnings=[
            warning(
                "measure_word",
                '"20 业务领域" and "50 信贷产品" lost their measure word 个 in the text; the unit count is inferred.',
            ),
            warning("entity_types", "The bill graph is said to have 六类实体 but only 票据、公司、账户 are named."),
        ],
        rows=[
            row(r"驱动风险、营销、审计等{Q}场景", case_metric="kg_scenarios", note=VERBAL, **CMBC),
            row(
                r"五大方向等 {Q} 业务领域",
                case_metric="business_domains_served",
                unit="count",
                repair="unit_inferred",
                note='text reads "20 业务领域" with no measure word',
                **CMBC,
            ),
            row(r"集团{Q}实体,和担保", case_metric="enterprise_graph_entity_types", note="法人、自然人、集团", **CMBC),
            row(r"额度使用等{Q}基础关系", case_metric="enterprise_graph_base_relation_types", note=VERBAL, **CMBC),
            row(
                r"共计{Q}数据",
                case_metric="enterprise_graph_data_volume",
                unit="count",
                note="近百亿: nearly ten billion records (verbal quantity)",
                **CMBC,
            ),
            row(
                r"无关系客户的 {Q}。",
                case_metric="marketing_success_ratio_related",
                note="营销成功率是无关系客户的 6 倍以上",
                **CMBC,
            ),
            row(
                r"账户{Q}实体,和出票",
                case_metric="bill_graph_entity_types",
                note="六类 as printed, but only three types (票据、公司、账户) are named",
                **CMBC,
            ),
            row(
                r"所属{Q}关系",
                case_metric="bill_graph_relation_types",
                note="出票、收款、背书、贴现、转账、所属",
                **CMBC,
            ),
            row(
                r"流入存单{Q}违规场景",
                case_metric="bill_violation_scenario_types",
                note="同名划转行外、流入保证金、流入房市、流入理财、流入股市、回流前手、流入存单",
                **CMBC,
            ),
            row(
                r"小微和消贷的 {Q} 信贷产品",
                case_metric="credit_products_served",
                unit="count",
                repair="unit_inferred",
                note='text reads "50 信贷产品" with no measure word',
                **CMBC,
            ),
        ],
    ),
    table(
        "graph_db_case_pingan",
        title="Ping An Bank: Neo4j production cluster",
        title_zh="平安银行图数据库建设发展思考与实践",
        description="Size of Ping An Bank's Neo4j production cluster (案例 4).",
        source="第六章 案例 4",
        dims=("case_institution", "case_metric"),
        unit="count",
        rows=[
            row(
                r"生产环境采用 {Q} CORE 节点",
                case_metric="neo4j_core_nodes",
                case_institution="ping_an_bank",
                note="3 个 CORE 节点组成保证高可用; read replicas not counted",
            ),
        ],
    ),
    table(
        "graph_db_case_cib_fintech",
        title="CIB Fintech: knowledge-graph platform on Nebula Graph",
        title_zh="基于图数据库的金融知识图谱典型应用(兴业数金)",
        description="Scale of CIB Fintech's graph-mining engine, its algorithm library and the gangs its "
        "credit-application anti-fraud graph uncovered (案例 5).",
        source="第六章 案例 5",
        dims=("case_institution", "case_metric"),
        unit="count",
        warnings=[warning("verbal", "All values are verbal quantities (百亿级, 几十种, 数百个): lower bounds.")],
        rows=[
            row(r"支撑{Q}关系图分析挖掘", case_metric="graph_mining_scale_relations", note=VERBAL, **CIB),
            row(
                r"可实现在{Q}关系图规模下",
                case_metric="graph_mining_scale_relations",
                restates=True,
                note=VERBAL + "; restates the heading of point (3)",
                **CIB,
            ),
            row(r"同时包含{Q}通用、自研高阶图算法", case_metric="graph_algorithms_and_models", note=VERBAL, **CIB),
            row(r"挖掘出{Q}风险团伙", case_metric="risk_gangs_found", note=VERBAL, **CIB),
        ],
    ),
    table(
        "graph_db_case_bohai",
        title="China Bohai Bank: knowledge-graph applications",
        title_zh="渤海银行图数据应用建设探索与实践",
        description=(
            "Results of Bohai Bank's compliance, group-identification and account-warning graph models (案例 6)."
        ),
        source="第六章 案例 6",
        dims=("case_institution", "case_metric"),
        unit=("count", "percent", "CNY"),
        warnings=[
            warning(
                "measure_word",
                '"3000 集团", "11000 的行内客户" and "100 异常交易" lost their measure '
                "word in the text; the unit count is inferred.",
            ),
            warning("two_measures", '"有效率和关注率均达到 40%": one printed value for two rates; held once.'),
        ],
        rows=[
            row(
                r"有效率和关注率均达到 {Q}。",
                case_metric="anomaly_effective_and_attention_rate",
                note="both the effectiveness rate and the attention rate reach 40%",
                **BOHAI,
            ),
            row(
                r"针对行内 {Q} 集团",
                case_metric="bank_groups_covered",
                unit="count",
                repair="unit_inferred",
                note='text reads "3000 集团" with no measure word',
                **BOHAI,
            ),
            row(
                r"共计 {Q} 的行内客户",
                case_metric="group_member_customers",
                unit="count",
                repair="unit_inferred",
                note='text reads "11000 的行内客户" with no measure word',
                **BOHAI,
            ),
            row(r"针对 {Q}工商企业", case_metric="enterprises_screened", unit="count", note="8000 万左右", **BOHAI),
            row(r"共识别{Q}集团", case_metric="groups_identified", note="约 200 万个集团", **BOHAI),
            row(
                r"个案涉及金额动辄{Q}甚至",
                case_metric="compliance_case_amount_typical",
                note="上亿元: upwards of 100 million yuan; an industry-wide remark, not 渤海's own figure",
                **BOHAI,
            ),
            row(
                r"甚至{Q}。针对不断发生的风险事件",
                case_metric="compliance_case_amount_extreme",
                note="上百亿元: upwards of 10 billion yuan; an industry-wide remark",
                **BOHAI,
            ),
            row(r"识别检测 {Q}监控异常账户行为", case_metric="abnormal_account_behaviour_types", **BOHAI),
            row(r"、{Q}异常资金交易", case_metric="abnormal_fund_transaction_types", **BOHAI),
            row(
                r"全年共识别 {Q} 异常交易",
                case_metric="abnormal_transactions_2022",
                unit="count",
                repair="unit_inferred",
                note='text reads "100 异常交易" with no measure word',
                **BOHAI,
            ),
        ],
    ),
    table(
        "graph_db_case_czbank",
        title="China Zheshang Bank: knowledge-graph risk-control platform",
        title_zh="基于知识图谱的智能风控平台实施案例(浙商银行)",
        description=(
            "Graph model, scale and results (warning signals, automatic grading, advance-warning "
            "rate and lead time) of Zheshang Bank's risk platform, live since November 2018 (案例 7)."
        ),
        source="第六章 案例 7",
        dims=("case_institution", "case_metric"),
        unit=("count", "percent", "day"),
        rows=[
            row(r"包含自然人和企业{Q}实体", case_metric="entity_types", **CZ),
            row(r"知识图谱规模达{Q},", case_metric="graph_scale", unit="count", note="亿级: " + VERBAL, **CZ),
            row(r"实体和关系类型达 {Q},", case_metric="entity_and_relation_types", note="20多种: over 20", **CZ),
            row(r"平台产生{Q}预警信号", case_metric="warning_signals", **CZ),
            row(r"自动定级信号占比 {Q},", case_metric="auto_graded_signal_share", **CZ),
            row(r"事前预警率达 {Q},", case_metric="early_warning_rate", **CZ),
            row(r"平均事前预警时间为 {Q},", case_metric="avg_early_warning_lead_days", **CZ),
        ],
    ),
    table(
        "graph_db_case_zhongyuan",
        title="Zhongyuan Bank: graph computing for anti-fraud",
        title_zh="图计算在中原银行反欺诈领域的探索应用",
        description=(
            "Coverage, graph data volume by entity and relation kind, and the results of Zhongyuan "
            "Bank's graph anti-fraud models (cases solved, gangs, accounts, amounts, high-risk "
            "lists) (案例 8)."
        ),
        source="第六章 案例 8",
        dims=("case_institution", "case_metric"),
        unit=("count", "CNY"),
        warnings=[
            warning(
                "parts",
                "The six entity and relation volumes (2.1+5.3+1.5+4.25+7.39+5.1 亿, each 余) sum "
                "to 25.64 亿, consistent with the 25.6 亿 total; the four high-risk list parts "
                "(83+58+70460+59) sum to the 70660 total.",
            ),
            warning("unit", '"涉及余额 729 万" has no 元; the unit CNY is inferred.'),
        ],
        rows=[
            row(r"实现对全行 {Q}业务渠道", case_metric="business_channels", **ZY),
            row(r"业务渠道、{Q}业务场景", case_metric="business_scenarios", **ZY),
            row(r"融合数据量达到 {Q},", case_metric="graph_records_total", **ZY),
            row(r"数据服务包含 {Q}实体", case_metric="entity_types", **ZY),
            row(r"实体,{Q}关系,", case_metric="relation_types", **ZY),
            row(r"其中企业实体 {Q},", case_metric="entities_enterprise", **ZY),
            row(r"个人实体 {Q},", case_metric="entities_individual", **ZY),
            row(r"其他实体 {Q},", case_metric="entities_other", **ZY),
            row(r"零售关系 {Q},", case_metric="relations_retail", **ZY),
            row(r"通用关系 {Q},", case_metric="relations_general", **ZY),
            row(r"对公关系 {Q}。", case_metric="relations_corporate", **ZY),
            row(
                r"破获欺诈案件 {Q}起",
                case_metric="fraud_cases_solved",
                unit="count",
                note="3起: 起 (cases) is not a unit word",
                **ZY,
            ),
            row(r"共发现可疑团伙 {Q},", case_metric="suspicious_gangs", **ZY),
            row(r"累计确认风险账户 {Q},", case_metric="risk_accounts_confirmed", **ZY),
            row(r"管控风险金额累计 {Q}。", case_metric="risk_amount_controlled", **ZY),
            row(r"推送可疑线索 {Q},", case_metric="emergency_stop_leads", **ZY),
            row(r"管控账户 {Q},", case_metric="emergency_stop_accounts", **ZY),
            row(
                r"涉及余额 {Q}。",
                case_metric="emergency_stop_balance",
                unit="CNY",
                repair="unit_inferred",
                note='"729 万" has no 元; read as 万元',
                **ZY,
            ),
            row(r"挖掘模型发现{Q}可疑企业团伙", case_metric="fraud_company_gangs", **ZY),
            row(r"涉及 {Q}可疑企业账户", case_metric="fraud_company_accounts", **ZY),
            row(r"共挖掘 {Q}团体", case_metric="application_fraud_groups", note="19 万余个: over 190,000", **ZY),
            row(
                r"精准筛选出{Q}高危风险团体",
                case_metric="application_high_risk_groups",
                note="近 200 个: nearly 200",
                **ZY,
            ),
            row(r"营销活动的 {Q}进行分析", case_metric="marketing_participants_analysed", **ZY),
            row(r"高危名单共计 {Q},", case_metric="high_risk_list_total", **ZY),
            row(r"高危设备 {Q},", case_metric="high_risk_devices", **ZY),
            row(r"高危 IP {Q},", case_metric="high_risk_ips", **ZY),
            row(r"高危手机号 {Q},", case_metric="high_risk_phone_numbers", **ZY),
            row(r"高危客户号 {Q},", case_metric="high_risk_customer_ids", **ZY),
        ],
    ),
    table(
        "graph_db_case_sunshine_insurance",
        title="Sunshine P&C Insurance: graph-based non-auto product factory",
        title_zh="阳光财险非车新一代产品工厂",
        description=(
            "Effects of Sunshine P&C's product factory, which keeps non-auto product master data "
            "in Neo4j: configurability, code size before and after, efficiency gains, time saved "
            "and roll-out (案例 9)."
        ),
        source="第六章 案例 9",
        dims=("case_institution", "case_metric"),
        unit=("percent", "count", "hour", "times"),
        warnings=[
            warning(
                "two_gains",
                "Two different 50% gains: 复杂产品上线效率提升 50%以上 (complex products, "
                "project goals) and 非车产品上线效率提高了 50% (all non-auto products, effects).",
            ),
            warning(
                "times",
                '"协同沟通效率提升了3倍" is kept as 3 times; the text does not say whether it means to 3x or by 300%.',
            ),
        ],
        rows=[
            row(
                r"复杂产品上线效率{Q}。",
                case_metric="complex_product_launch_efficiency_gain",
                note="提升 50%以上",
                **SUN,
            ),
            row(r"主要能力,{Q}的非车险产品", case_metric="fully_configurable_product_share", **SUN),
            row(r"复杂前端视图组件 {Q}配置化上线", case_metric="configurable_view_component_share", **SUN),
            row(
                r"代码量由 {Q}行缩减至",
                case_metric="code_lines_before",
                unit="count",
                note="900 万行 (lines of code)",
                **SUN,
            ),
            row(
                r"行缩减至 {Q}行。",
                case_metric="code_lines_after",
                unit="count",
                note="136 万行 (lines of code)",
                **SUN,
            ),
            row(r"非车产品上线效率{Q},", case_metric="product_launch_efficiency_gain", **SUN),
            row(r"每年可节约 {Q}的操作时间", case_metric="operating_hours_saved_per_year", **SUN),
            row(
                r"接入速度平均加快了{Q}周",
                case_metric="partner_onboarding_speedup_weeks",
                unit="count",
                note="近2周: a count of weeks, nearly 2 (the unit vocabulary has no week)",
                **SUN,
            ),
            row(r"协同沟通效率{Q}。", case_metric="collaboration_efficiency_gain", note="提升了3倍", **SUN),
            row(r"阳光财险全国 {Q}二级机构", case_metric="branches_rolled_out", **SUN),
            row(r"已覆盖 {Q}非车险产品", case_metric="products_covered", note="400 余款: over 400", **SUN),
        ],
    ),
]
