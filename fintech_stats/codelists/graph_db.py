"""Codelists of the graph-database survey (r02) shared by several of its tables.

Append codes with small edits; several people extend this file.
"""

from __future__ import annotations

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    # Which base a share or count refers to.
    "population": {
        "questionnaires_sent": ("发出问卷的金融机构", "Institutions sent the questionnaire"),
        "respondents": ("返回有效问卷的金融机构", "Institutions returning a valid questionnaire (79)"),
        "graph_db_users": ("已使用图数据库的机构", "Institutions already using a graph database (41)"),
        "graph_db_planners": (
            "计划部署图数据库的机构",
            "Institutions planning to deploy or using a graph database (49)",
        ),
        "non_users_no_plan": ("未使用且无采购计划的机构", "Institutions neither using nor planning to buy (30)"),
        "interviewed": ("参与交流的金融机构专家", "Institutions whose experts were interviewed"),
        "planners_with_stated_approach": (
            "反馈了明确建设思路的计划使用图数据库的机构",
            "Planning institutions that gave a clear build approach (45)",
        ),
        "planners_cooperating_with_vendors": (
            "会选择与图数据库厂商合作的机构",
            "Planning institutions that will work with vendors (40)",
        ),
        "planners_outsourcing_graph_apps": (
            "图应用非自研的机构",
            "Planning institutions not developing graph apps in-house (14)",
        ),
    },
    "business_line": {
        "corporate": ("对公业务", "Corporate business"),
        "retail": ("零售业务", "Retail business"),
        "internal_management": ("内部管理/监管", "Internal management and supervision"),
    },
}
