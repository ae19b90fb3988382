"""Codelists of the r02 case studies (第六章 金融业图数据库实践案例).

`case_institution`: the institution a case study describes.  `case_metric`: what one number of a
case measures; each label says what the value counts, so that the tables stay one value per row.
"""

from __future__ import annotations

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    "case_institution": {
        "abc": ("中国农业银行", "Agricultural Bank of China"),
        "cmbc": ("中国民生银行", "China Minsheng Bank"),
        "ping_an_bank": ("平安银行", "Ping An Bank"),
        "cib_fintech": ("兴业数字金融服务(上海)股份有限公司", "CIB Fintech (Industrial Bank's fintech subsidiary)"),
        "bohai_bank": ("渤海银行", "China Bohai Bank"),
        "czbank": ("浙商银行", "China Zheshang Bank"),
        "zhongyuan_bank": ("中原银行", "Zhongyuan Bank"),
        "sunshine_pc_insurance": ("阳光财险", "Sunshine Property and Casualty Insurance"),
    },
    "case_metric": {
        # 农业银行: graph computing platform and its applications
        "neighbor_query_scale": (
            "秒级查询支持的邻居数量级(千万级邻居秒级查询)",
            "Neighbours a query can return within seconds (order of magnitude)",
        ),
        "pilot_graph_scale_vertices_edges": (
            "开始试点时的点边数据规模",
            "Vertices and edges at the pilot stage (order of magnitude)",
        ),
        "graph_scale_vertices": ("当前图数据规模:点数", "Current graph size: vertices (order of magnitude)"),
        "graph_scale_edges": ("当前图数据规模:边数", "Current graph size: edges (order of magnitude)"),
        "equity_penetration_layers": ("股权穿透层数", "Layers of shareholding penetration"),
        "group_relation_model_accuracy": (
            "集团客户关联关系分析模型总体准确率",
            "Overall accuracy of the group-customer relationship model",
        ),
        "group_risk_model_accuracy": (
            "集团客户风险分析模型总体准确率",
            "Overall accuracy of the group-customer risk model",
        ),
        "audit_models_on_transactions_share": (
            "基于交易流水数据展开的审计查证模型占比",
            "Share of audit verification models built on transaction records",
        ),
        "relation_graph_categories": ("累计建设的关系图谱类别数", "Categories of relationship graphs built"),
        "aml_transaction_window_months": (
            "反洗钱图谱所用交易流水时长(月数)",
            "Months of transaction records the AML graph is built from",
        ),
        "aml_graph_entities": ("反洗钱图谱实体数", "Entities in the anti-money-laundering graph"),
        "aml_graph_relations": ("反洗钱图谱关系数", "Relations in the anti-money-laundering graph"),
        "aml_suspicious_customers": ("筛选出的可疑客户数", "Suspicious customers screened out"),
        "aml_identification_accuracy": ("可疑客户识别准确率", "Accuracy of suspicious-customer identification"),
        "it_systems": ("需要运维管理的 IT 系统", "IT systems to operate and manage"),
        # 民生银行: "万象" knowledge graph
        "kg_scenarios": ("知识图谱驱动业务创新的场景数", "Business scenarios driven by the knowledge graph"),
        "business_domains_served": ("已实施场景的业务领域数", "Business domains with implemented scenarios"),
        "enterprise_graph_entity_types": ("企业图谱实体类型数", "Entity types in the enterprise graph"),
        "enterprise_graph_base_relation_types": (
            "企业图谱基础关系种类数",
            "Basic relation types in the enterprise graph",
        ),
        "enterprise_graph_data_volume": ("企业全息图谱数据量", "Records in the enterprise holographic graph"),
        "marketing_success_ratio_related": (
            "有关联关系潜力客户营销成功率相对无关系客户的倍数",
            "Marketing success rate of related prospects relative to unrelated ones",
        ),
        "bill_graph_entity_types": ("票据交易网络图谱实体类型数", "Entity types in the bill transaction graph"),
        "bill_graph_relation_types": ("票据交易网络图谱关系种类数", "Relation types in the bill transaction graph"),
        "bill_violation_scenario_types": (
            "票据贴现资金预警覆盖的违规场景类数",
            "Violation scenario types covered by bill-discount fund alerts",
        ),
        "credit_products_served": (
            "接入实时组网与风险计算服务的信贷产品数",
            "Credit products served by real-time network risk computation",
        ),
        # 平安银行: Neo4j
        "neo4j_core_nodes": ("生产环境 Neo4j CORE 节点数", "Neo4j CORE nodes in production"),
        # 兴业数金: knowledge graph platform
        "graph_mining_scale_relations": (
            "图挖掘引擎支撑的关系图规模",
            "Relations the graph-mining engine handles (order of magnitude)",
        ),
        "graph_algorithms_and_models": (
            "通用、自研高阶图算法及特定场景图挖掘模型数",
            "General and in-house graph algorithms and scenario mining models",
        ),
        "risk_gangs_found": ("挖掘出的风险团伙数", "Risk gangs uncovered"),
        # 渤海银行
        "anomaly_effective_and_attention_rate": (
            "识别异常场景的有效率和关注率(均达到)",
            "Effectiveness rate and attention rate of anomaly detection (each)",
        ),
        "bank_groups_covered": ("行内集团数", "Customer groups of the bank covered"),
        "group_member_customers": ("行内集团涉及的行内客户数", "Bank customers belonging to those groups"),
        "enterprises_screened": ("参与集团识别的工商企业数", "Registered enterprises screened for groups"),
        "groups_identified": ("识别出的集团数", "Groups identified"),
        "abnormal_account_behaviour_types": (
            "监控的异常账户行为种类数",
            "Types of abnormal account behaviour monitored",
        ),
        "abnormal_fund_transaction_types": ("监控的异常资金交易种类数", "Types of abnormal fund transaction monitored"),
        "compliance_case_amount_typical": ("个案涉及金额(动辄)", "Amount of a typical branch compliance case"),
        "compliance_case_amount_extreme": ("个案涉及金额(甚至)", "Amount of the largest branch compliance cases"),
        "abnormal_transactions_2022": ("2022 年全年识别的异常交易数", "Abnormal transactions identified in 2022"),
        # 浙商银行
        "entity_types": ("实体类型数", "Entity types"),
        "graph_scale": ("企业关联关系知识图谱规模", "Size of the enterprise-relationship knowledge graph"),
        "entity_and_relation_types": ("图数据库保存的实体和关系类型数", "Entity and relation types stored"),
        "warning_signals": ("平台产生的预警信号数", "Warning signals produced by the platform"),
        "auto_graded_signal_share": ("自动定级信号占比", "Share of signals graded automatically"),
        "early_warning_rate": ("事前预警率", "Advance-warning rate"),
        "avg_early_warning_lead_days": ("系统平均事前预警时间", "Average advance-warning lead time"),
        # 中原银行: graph computing for anti-fraud
        "business_channels": ("风险管控覆盖的业务渠道数", "Business channels under risk control"),
        "business_scenarios": ("风险管控覆盖的业务场景类数", "Business scenario types under risk control"),
        "graph_records_total": ("图计算系统融合数据量", "Records merged into the graph computing system"),
        "relation_types": ("关系种类数", "Relation types"),
        "entities_enterprise": ("企业实体数", "Enterprise entities"),
        "entities_individual": ("个人实体数", "Individual entities"),
        "entities_other": ("其他实体数", "Other entities"),
        "relations_retail": ("零售关系数", "Retail relations"),
        "relations_general": ("通用关系数", "General relations"),
        "relations_corporate": ("对公关系数", "Corporate relations"),
        "fraud_cases_solved": ("协助公安机关破获的欺诈案件数", "Fraud cases solved with the police"),
        "suspicious_gangs": ("发现的可疑团伙数", "Suspicious gangs found"),
        "risk_accounts_confirmed": ("累计确认的风险账户数", "Risk accounts confirmed (cumulative)"),
        "risk_amount_controlled": ("累计管控风险金额", "Amount at risk brought under control (cumulative)"),
        "emergency_stop_leads": ("紧急止付模型推送的可疑线索数", "Suspicious leads pushed by the emergency-stop model"),
        "emergency_stop_accounts": ("紧急止付模型管控账户数", "Accounts controlled by the emergency-stop model"),
        "emergency_stop_balance": ("紧急止付模型涉及余额", "Balance involved in the emergency-stop model"),
        "fraud_company_gangs": ("欺诈公司团伙模型发现的可疑企业团伙数", "Suspicious company gangs found"),
        "fraud_company_accounts": ("可疑企业团伙涉及的可疑企业账户数", "Suspicious company accounts in those gangs"),
        "application_fraud_groups": ("申请欺诈团伙挖掘模型挖掘的团体数", "Groups mined by the application-fraud model"),
        "application_high_risk_groups": ("精准筛选出的高危风险团体数", "High-risk groups singled out"),
        "marketing_participants_analysed": ("分析的营销活动参与人数", "Marketing-campaign participants analysed"),
        "high_risk_list_total": ("认定的高危名单总数", "High-risk list entries identified"),
        "high_risk_devices": ("高危设备数", "High-risk devices"),
        "high_risk_ips": ("高危 IP 数", "High-risk IP addresses"),
        "high_risk_phone_numbers": ("高危手机号数", "High-risk phone numbers"),
        "high_risk_customer_ids": ("高危客户号数", "High-risk customer numbers"),
        # 阳光财险: non-auto product factory
        "complex_product_launch_efficiency_gain": (
            "复杂产品上线效率提升",
            "Launch-efficiency gain for complex products",
        ),
        "fully_configurable_product_share": (
            "可完全配置化上线的非车险产品占比",
            "Share of non-auto products launchable by configuration alone",
        ),
        "configurable_view_component_share": (
            "可配置化上线的复杂前端视图组件占比",
            "Share of complex front-end view components launchable by configuration",
        ),
        "code_lines_before": (
            "非车承保系统代码量(产品工厂前,行)",
            "Lines of code of the non-auto underwriting system, before",
        ),
        "code_lines_after": (
            "非车承保系统代码量(产品工厂后,行)",
            "Lines of code of the non-auto underwriting system, after",
        ),
        "product_launch_efficiency_gain": ("非车产品上线效率提高", "Launch-efficiency gain for non-auto products"),
        "operating_hours_saved_per_year": ("每年节约的操作时间", "Operating hours saved per year"),
        "partner_onboarding_speedup_weeks": (
            "合作伙伴系统接入速度平均加快(周数)",
            "Weeks saved on average when connecting a partner system",
        ),
        "collaboration_efficiency_gain": ("协同沟通效率提升倍数", "Gain in collaboration efficiency"),
        "branches_rolled_out": ("已推广的二级机构数", "Second-tier branches using the system"),
        "products_covered": ("已覆盖的非车险产品数", "Non-auto insurance products covered"),
    },
}
