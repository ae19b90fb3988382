"""Codelists of r02's survey-sample, adoption, application-rate and market-background tables."""

from __future__ import annotations

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    # Stage of graph-database adoption an institution is at (图 7, 图 8 and their prose).
    "graph_db_usage_stage": {
        "never_heard": ("没听说过图数据库", "Never heard of graph databases"),
        "heard_not_used": ("听说过但未使用过", "Heard of but never used one"),
        "exploring_or_planning": ("已了解、尚在探索或规划阶段", "Informed, still exploring or planning"),
        "using": ("已使用过一种以上的图数据库", "Using one or more graph databases"),
        "never_heard_or_not_used": (
            "未听说过图数据库,或听说但未使用过图数据库",
            "Never heard of, or heard of but never used, graph databases",
        ),
        "exploring_concept": ("尚在接触概念、探索价值", "Still getting to know the concept and its value"),
        "poc_testing": ("处于 POC 测试阶段", "In proof-of-concept testing"),
        "purchased_commercial": ("采购了商业图数据库", "Purchased a commercial graph database"),
        "approved_or_purchased_commercial": (
            "已立项或采购了商业图数据库",
            "Project approved or commercial graph database purchased",
        ),
    },
    # Why the 30 non-using institutions without a purchase plan do not use graph databases (图 9).
    "graph_db_non_adoption_reason": {
        "lack_understanding": (
            "对于图数据库技术及其业务价值不了解",
            "Do not understand the technology or its business value",
        ),
        "technology_not_understood": ("对于图数据库技术不了解", "Do not understand the technology"),
        "business_value_not_understood": ("对其业务价值不了解", "Do not understand its business value"),
        "no_technical_pain_point": ("尚未碰到技术痛点", "Have not met a technical pain point yet"),
        "lack_solution_and_support": (
            "缺乏合适的解决方案及技术支撑能力",
            "Lack a suitable solution and technical support",
        ),
    },
    # Application scenarios whose rates the prose of 图 13/14 quotes.
    "graph_db_app_scenario": {
        "anti_money_laundering": ("反洗钱", "Anti-money laundering"),
        "enterprise_relationship_graph": (
            "企业关联关系图谱相关场景(股权穿透图谱、担保互保圈挖掘、集团客户管理、资金流向)",
            "Enterprise relationship graph scenarios (equity penetration, guarantee circles, group "
            "clients, fund flows)",
        ),
        "equity_penetration_and_guarantee_circle": (
            "股权穿透、担保互保圈挖掘",
            "Equity penetration and guarantee-circle mining",
        ),
        "personal_credit_anti_fraud": ("个人信贷反欺诈", "Personal-credit anti-fraud"),
        "aml_qa_compliance": (
            "反洗钱、智能问答、合规内控",
            "Anti-money laundering, intelligent Q&A, compliance and internal control",
        ),
    },
    # Who published a market or data-volume estimate quoted in the report.
    "market_research_source": {
        "gartner": ("Gartner", "Gartner"),
        "iresearch": ("艾瑞", "iResearch"),
        "idc": ("IDC", "IDC"),
        "report_authors": ("金融电子化杂志社(未注明来源)", "The report's authors (no source given)"),
    },
    # What a market estimate measures.
    "market_estimate_measure": {
        "market_size": ("市场规模", "Market size"),
        "cagr": ("年复合增长率", "Compound annual growth rate"),
        "share_of_data_analytics_innovation": (
            "图技术用于数据和分析创新的占比",
            "Share of data and analytics innovations using graph technology",
        ),
    },
    # What body of data a data-volume estimate covers.
    "data_volume_scope": {
        "global_data_total": ("全球数据总量", "All data in the world"),
        "china_financial_data_warehouse": (
            "中国金融业数据仓库的数据量",
            "Data held by a Chinese financial data warehouse",
        ),
    },
    # What a performance claim compares.
    "graph_db_performance_comparison": {
        "association_query_vs_relational": (
            "关联查询效率:图数据库相比传统关系型数据库",
            "Association-query efficiency, graph vs relational database",
        ),
    },
}
