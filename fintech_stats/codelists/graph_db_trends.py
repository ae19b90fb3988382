"""Codelists of r02 chapter 4 (金融业图数据库建设与应用趋势): build approach, drivers, scenarios,
Graph 1.0/2.0/3.0 generations, scale statements outside 表 3, graph + AI and time-series demand.
"""

from __future__ import annotations

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    # Graph application scenarios: every scenario of 表 2 (图数据库场景, grouped there into Graph 1.0,
    # 2.0 and 3.0), the sub-scenarios the prose of 第三章 names, and the scenarios of 图 38/39/46 and
    # the 观点摘要 that 表 2 does not list.
    "scenario": {
        # 表 2, retail (零售)
        "retail_kyc_360_graph": ("零售KYC:零售客户 360 图谱", "Retail KYC: retail customer 360 graph"),
        "credit_card_anti_cash_out": ("信用卡反套现", "Credit-card anti-cash-out"),
        "credit_card_application_anti_fraud": ("信用卡申请反欺诈", "Credit-card application anti-fraud"),
        "intelligent_qa": ("智能问答", "Intelligent question answering"),
        "anti_scam_anti_gambling": ("反诈骗反赌博", "Anti-scam and anti-gambling"),
        "anti_scam": ("反诈骗", "Anti-scam"),
        "anti_gambling": ("反赌博", "Anti-gambling"),
        "realtime_transaction_anti_fraud": ("实时交易反欺诈", "Real-time transaction anti-fraud"),
        "credit_card_precision_marketing": ("信用卡精准营销", "Credit-card precision marketing"),
        "intelligent_recommendation": ("智能推荐系统", "Intelligent recommendation system"),
        "personal_business_marketing": ("个人业务营销", "Personal business marketing"),
        "potential_vip_customer_analysis": ("潜在 VIP 客户分析", "Potential VIP customer analysis"),
        "lost_contact_repair": ("失联修复", "Lost-contact repair (re-contacting customers)"),
        # 表 2, corporate (对公)
        "enterprise_relationship_graph": (
            "企业关联关系图谱(担保圈识别、股权穿透、集团客户管理等)",
            "Enterprise relationship graph (guarantee circles, equity penetration, group clients, ...)",
        ),
        "investment_research_graph": ("投研图谱", "Investment research graph"),
        "corporate_business_marketing": ("对公业务营销", "Corporate business marketing"),
        "corporate_credit_review": ("对公信贷审核", "Corporate credit review"),
        "industry_chain_graph": ("产业链图谱", "Industry chain graph"),
        # 表 2, internal supervision (内部监管)
        "audit": ("审计", "Audit"),
        "anti_money_laundering": ("反洗钱", "Anti-money laundering"),
        "network_security": ("网络安全", "Network security"),
        "master_data_management": ("主数据管理", "Master data management"),
        "fx_violation_supervision": ("外汇违规违法监管", "Supervision of foreign-exchange violations"),
        "intelligent_ops_cmdb": ("智能运维/CMDB", "Intelligent operations (AIOps) / CMDB"),
        "compliance_internal_control": ("合规内控", "Compliance and internal control"),
        "data_lineage": ("数据血缘", "Data lineage"),
        # Sub-scenarios and related scenarios named in the prose (第三章, 图 13/14)
        "equity_penetration_graph": ("股权穿透图谱", "Equity penetration graph"),
        "guarantee_circle_mining": ("担保互保圈挖掘", "Guarantee and mutual-guarantee circle mining"),
        "group_customer_management": ("集团客户管理", "Group customer management"),
        "fund_flow": ("资金流向", "Fund flow tracing"),
        "small_micro_credit": ("小微信贷", "Small and micro business credit"),
        "application_anti_fraud": ("申请反欺诈", "Application anti-fraud"),
        "transaction_anti_fraud": ("交易反欺诈", "Transaction anti-fraud"),
        "personal_credit_anti_fraud": ("个人信贷反欺诈", "Personal-credit anti-fraud"),
        # Not in 表 2: the platform of 图 38/39, the retail marketing graph of the 观点摘要
        "enterprise_graph_platform": ("企业级图数据库平台(行级图平台)", "Enterprise-wide graph database platform"),
        "retail_marketing_graph": ("零售营销图谱", "Retail marketing graph"),
    },
    # How the institutions planning a graph database mean to build it (图 36).
    "graph_db_build_approach": {
        "stated_approach": ("反馈了明确的建设思路", "Gave a clear build approach"),
        "self_build": ("图数据库及其上层应用以自研为主", "Mainly self-build the database and its applications"),
        "vendor_cooperation": ("选择与图数据库厂商合作", "Work with a graph-database vendor"),
        "joint_development": ("以“联合研发”的方式", "Joint development with a vendor"),
        "single_vendor": ("选择单一商业图数据库供应商", "A single commercial graph-database vendor"),
        "multi_vendor": ("与多家图数据库厂商合作,各场景独立运维", "Several vendors, each scenario run separately"),
        "apps_self_developed": ("上层图应用自研", "Develop the graph applications in-house"),
        "apps_not_self_developed": ("图应用非自研", "Do not develop the graph applications in-house"),
        "apps_single_vendor_outsourced": (
            "图数据库及其上层应用全部外包给单一商业数据库提供商",
            "Outsource database and applications to one vendor",
        ),
        "apps_multi_vendor_race": (
            "多家外部厂商赛马制分别建设",
            "Several vendors building in competition (horse race)",
        ),
    },
    # Why the institutions using a graph database bought one (图 37).
    "graph_db_adoption_driver": {
        "innovative_applications": ("希望落地图的创新应用", "To deliver innovative graph applications"),
        "business_solution": ("由业务解决方案引入", "Brought in by a business solution"),
        "performance_bottleneck": (
            "现有场景中传统方案出现了性能瓶颈",
            "Performance bottleneck of traditional solutions",
        ),
    },
    # Generations of graph applications (表 2, 图 41/42).
    "graph_generation": {
        "graph_1_0": ("Graph 1.0", "Graph 1.0: small, static relationship graphs"),
        "graph_2_0": ("Graph 2.0", "Graph 2.0: larger data, low timeliness"),
        "graph_3_0": ("Graph 3.0", "Graph 3.0: big, dynamic data with real-time analysis"),
    },
    # Which scale of a deployment a statement is about.
    "graph_scale_dimension": {
        "data_volume": ("图数据规模", "Graph data volume"),
        "vertices_edges": ("图谱点边数量规模", "Number of vertices plus edges"),
        "server_nodes": ("服务器节点数量", "Number of server nodes"),
        "server_cores": ("服务器核数", "Number of server CPU cores"),
    },
    # Scale thresholds and bands quoted in the prose (aggregates of 表 3 buckets, 图 43-45).
    "graph_scale_band": {
        "tb_or_more": ("TB 量级", "1 TB and more"),
        "over_10tb": ("10TB 以上", "More than 10 TB"),
        "tb1_10": ("1TB-10TB", "1-10 TB"),
        "m100_10b": ("1 亿-100 亿点边", "100 million - 10 billion vertices and edges"),
        "over_100m": ("超 1 亿点边", "More than 100 million vertices and edges"),
        "over_1b": ("10 亿规模以上", "More than 1 billion vertices and edges"),
        "over_10b": ("100 亿以上", "More than 10 billion vertices and edges"),
        "under_4_nodes": ("小于 4 节点", "Fewer than 4 nodes"),
        "over_10_nodes": ("超 10 节点", "More than 10 nodes"),
        "nodes_4_10": ("4-10 节点", "4-10 nodes"),
        "nodes_11_30": ("11-30 节点", "11-30 nodes"),
        "over_30_nodes": ("30 节点以上", "More than 30 nodes"),
        "over_128_cores": ("128 核以上", "More than 128 cores"),
    },
    # The end of a stated range.
    "scale_range_bound": {
        "lower": ("下限", "Lower end"),
        "upper": ("上限", "Upper end"),
    },
    # Graph + AI technologies the institutions want (图 47).
    "graph_ai_technology": {
        "any_ai": ("图数据库与 AI 结合", "Graph database combined with any AI"),
        "knowledge_graph": ("KG 知识图谱", "Knowledge graph"),
        "graph_neural_network": ("GNN 图神经网络", "Graph neural network"),
        "machine_learning": ("ML机器学习", "Machine learning"),
        "nlp": ("NLP 自然语言处理", "Natural language processing"),
    },
    # Attitude to time-series analysis in graph databases (图 48/49).
    "time_series_attitude": {
        "explicit_need": ("对图数据库支持时序数据分析的明确需求", "Explicitly needs time-series analysis"),
        "future_support_wanted": ("暂时不需要也希望未来能支持", "No need yet, but wants future support"),
        "expects_time_series_function": ("期望建设时序功能", "Expects to build time-series functions"),
    },
}
