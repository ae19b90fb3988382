"""Codelists of r02 chapter 3 sections 三/四 and chapter 5: how institutions choose a graph
database (evaluation dimensions and factors, security requirements) and what holds them back
(talent, standards, vendor support)."""

from __future__ import annotations

# The four evaluation dimensions of 表 1 / 图 15.
_DIMENSIONS: dict[str, tuple[str, str]] = {
    "performance": ("性能", "Performance"),
    "security_controllability": ("安全可控", "Security and controllability"),
    "business_support": ("业务支撑度", "Business support"),
    "ease_of_operation": ("简单易运维", "Ease of operation and maintenance"),
    "business_support_and_ease_of_operation": (
        "“业务支撑度”“简单易运维”",
        "Business support and ease of operation (each, stated together)",
    ),
}

# The individual evaluation factors of 表 1 (and the summary's implementation/after-sales support).
_FACTORS: dict[str, tuple[str, str]] = {
    "query_performance": ("大数据量下的查询性能", "Query performance on large data volumes"),
    "native_distributed": ("是否支持原生分布式架构", "Native distributed architecture"),
    "closed_source": ("是否闭源", "Closed source"),
    "self_controllable": ("是否 100%自主可控", "Fully self-controllable (domestic IP and capital)"),
    "graph_analytics": ("是否具备丰富的图分析能力", "Rich graph-analytics functions"),
    "solution_capability": ("提供完整解决方案的能力", "Ability to provide complete solutions"),
    "dev_interfaces": ("是否具备丰富的开发接口", "Rich development interfaces"),
    "financial_institution_case": ("厂商有金融机构合作案例", "Vendor has financial-institution cases"),
    "large_bank_case": ("是否有国有大行的案例", "Vendor has a large state-owned bank case"),
    "implementation_and_after_sales": ("完善的实施和售后支持", "Full implementation and after-sales support"),
}

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    "graph_db_selection_dimension": dict(_DIMENSIONS),
    "graph_db_selection_factor": dict(_FACTORS),
    # Dimensions and factors together, for statements by institution type that mix both levels.
    "graph_db_selection_criterion": {**_DIMENSIONS, **_FACTORS},
    "graph_db_selection_measure": {
        "important": ("认为重要", "Considered important"),
        "ranked_first": ("排在首位", "Ranked first among all factors"),
        "ranked_top3": ("排在前三位", "Ranked among the top three factors"),
        "ranked_first_among_important": (
            "认为重要的机构中排在首位",
            "Ranked first, among institutions considering it important",
        ),
        "ranked_top3_among_important": (
            "认为重要的机构中排在前三位",
            "Ranked in the top three, among institutions considering it important",
        ),
    },
    "graph_db_security_requirement": {
        "will_choose_self_controllable": ("会选择自主可控的图数据库", "Will choose a self-controllable graph database"),
        "must_be_self_controllable": ("要求必须为自主可控的图数据库", "Requires a self-controllable graph database"),
        "native_required": ("要求原生", "Requires a native graph database"),
        "closed_source_required": ("要求闭源", "Requires a closed-source graph database"),
    },
    "graph_db_adoption_challenge": {
        "talent_shortage": ("缺乏相关的专业技术人才", "Lack of specialised technical talent"),
        "business_department_talent_shortage": ("业务部门对相关人才的缺乏", "Business departments lack graph talent"),
        "value_unproven": ("业务场景下的价值有待验证", "Value in business scenarios still unproven"),
        "no_proven_architecture": ("缺乏成功的架构和方案", "No proven architecture or solution"),
    },
    "graph_talent_status": {
        "lacks_talent": ("缺乏相关人才", "Lacks graph talent"),
        "has_hired": ("已经招聘了相关人才", "Has already hired graph talent"),
        "no_hiring_plan": ("无人才招聘计划", "No plan to hire graph talent"),
    },
    "graph_db_standards_view": {
        "wants_national_standard": ("建议制订国家标准", "Recommends a national standard"),
        "wants_industry_standard": ("希望加快制订行业标准", "Wants an industry standard sooner"),
        "considers_test_certification": (
            "在选型过程中会考虑厂商是否通过相关测试",
            "Considers whether the vendor passed tests (CAICT, LDBC) when selecting",
        ),
    },
    "graph_db_vendor_support_type": {
        "scenario_application_support": ("图数据库场景应用支持", "Support for scenario applications"),
    },
}
