"""r02 第三章 二: adoption of graph databases (图 7, 8, 9), by region (观点摘要), and application rates
by business line (图 11, 图 40) and by scenario (the prose of 图 13/14).

Most charts survive only as captions; the rows are the values the prose quotes.
"""

from __future__ import annotations

from fintech_stats.extractors.anchors import row, table, warning

_SUMMARY = "观点摘要"

TABLES = [
    table(
        "graph_db_usage_status",
        title="Awareness and use of graph databases among surveyed institutions",
        title_zh="金融机构图数据库使用现状",
        description="Share of the 79 responding institutions at each stage of graph-database adoption (图 7).",
        source="图 7; 观点摘要",
        dims=("population", "graph_db_usage_stage"),
        unit="percent",
        warnings=[
            warning(
                "sum",
                "The four stages the text quotes sum to 88.6% (2.5 + 20.3 + 51.9 + 13.9); "
                "the remaining 11.4% (9 of 79, presumably 立项/POC) is not stated.",
            ),
        ],
        rows=[
            row(r"仅 {Q}未听说过图数据库的概念", population="respondents", graph_db_usage_stage="never_heard"),
            row(r"听说过但未使用过\({Q}\)", population="respondents", graph_db_usage_stage="heard_not_used"),
            row(r"已使用过一种以上的\({Q}\)", population="respondents", graph_db_usage_stage="using"),
            row(r"尚在探索或规划阶段\({Q}\)", population="respondents", graph_db_usage_stage="exploring_or_planning"),
            row(
                r"仅有 {Q}的机构表示没听说过图数据库",
                population="respondents",
                graph_db_usage_stage="never_heard",
                restates=True,
                note=_SUMMARY,
            ),
            row(
                r"返回了有效问卷,{Q}的机构已在使用图数据库",
                population="respondents",
                graph_db_usage_stage="using",
                restates=True,
                note="观点摘要; verbal 超过半数 (more than half) for the 51.9% of 图 7.",
            ),
        ],
    ),
    table(
        "graph_db_usage_by_institution_type",
        title="Graph-database adoption by institution type",
        title_zh="各类金融机构图数据库使用现状对比",
        description="Share (of the responding institutions of each type) or number of institutions at "
        "a stage of graph-database adoption, by institution type (图 8). Bases: 6 large state-owned "
        "banks, 10 joint-stock banks, 32 city commercial banks, 25 rural credit cooperatives, 6 other "
        "institutions.",
        source="图 8; 观点摘要",
        dims=("institution_type", "graph_db_usage_stage"),
        unit=("percent", "count"),
        warnings=[
            warning(
                "missing",
                "The summary says all 10 joint-stock banks use a graph database (均已进入"
                "使用阶段) without a number; there is no row for it.",
            ),
            warning(
                "stages",
                "The stages are the report's wordings and overlap: 72.0% of rural credit "
                "cooperatives have never heard of or never used one, 68.0% are still getting to "
                "know the concept.",
            ),
        ],
        rows=[
            row(
                r"国有大型商业银行中,{Q}已进入图数据库的使用阶段",
                institution_type="large_state_owned_bank",
                graph_db_usage_stage="using",
                note="观点摘要 only; the body says all but one of the large and joint-stock banks use one.",
            ),
            row(
                r"其他金融机构中,{Q}已进入使用阶段",
                institution_type="other_financial_institution",
                graph_db_usage_stage="using",
                note=_SUMMARY,
            ),
            row(
                r"城商行中,{Q}正在使用图数据库",
                institution_type="city_commercial_bank",
                graph_db_usage_stage="using",
                note=_SUMMARY,
            ),
            row(
                r"农商行中,{Q}的机构未听说过图数据库",
                institution_type="rural_credit_cooperative",
                graph_db_usage_stage="never_heard_or_not_used",
                note=_SUMMARY,
            ),
            row(
                r"{Q}的农信社\(农商行\)、[^、]+的城商行尚在接触概念",
                institution_type="rural_credit_cooperative",
                graph_db_usage_stage="exploring_concept",
            ),
            row(
                r"的农信社\(农商行\)、{Q}的城商行尚在接触概念",
                institution_type="city_commercial_bank",
                graph_db_usage_stage="exploring_concept",
            ),
            row(
                r"探索价值,使用率尚未超过 {Q},仅",
                institution_type="city_and_rural_banks",
                graph_db_usage_stage="using",
                note="An upper bound: 使用率尚未超过 50% (usage has not exceeded 50%); the parser has no "
                "'not above' qualifier, so the qualifier reads exact.",
            ),
            row(
                r"使用率尚未超过 [^,]+,仅 {Q}采购了商业图数据库",
                institution_type="city_and_rural_banks",
                graph_db_usage_stage="purchased_commercial",
            ),
            row(
                r"除{Q}机构仍处于 POC 测试阶段外",
                institution_type="state_owned_and_joint_stock_banks",
                graph_db_usage_stage="poc_testing",
                note="Verbal 一家 (one institution); all the others already use a graph database.",
            ),
            row(
                r"其中 {Q}的国有大行、[^、]+的股份制银行已立项或采购",
                institution_type="large_state_owned_bank",
                graph_db_usage_stage="approved_or_purchased_commercial",
            ),
            row(
                r"的国有大行、{Q}的股份制银行已立项或采购",
                institution_type="joint_stock_bank",
                graph_db_usage_stage="approved_or_purchased_commercial",
            ),
        ],
    ),
    table(
        "graph_db_usage_by_region",
        title="Graph-database use in the leading regions",
        title_zh="各地区图数据库使用程度",
        description="Share of the responding institutions of the Yangtze and Pearl River Deltas that "
        "already use one or more graph databases (each region: more than half).",
        source="观点摘要",
        dims=("region", "graph_db_usage_stage"),
        unit="percent",
        rows=[
            row(
                r"使用程度最高,{Q}的机构已使用一种及以上图数据库",
                region="yangtze_and_pearl_river_deltas",
                graph_db_usage_stage="using",
                note="观点摘要 only; verbal 超过半数 (more than half), said of each of the two regions.",
            ),
        ],
    ),
    table(
        "graph_db_non_adoption_reasons",
        title="Why institutions do not use graph databases",
        title_zh="金融机构未应用图数据库技术的原因",
        description="Share of the 30 institutions neither using a graph database nor planning to buy "
        "one that give each reason (图 9); several reasons may be given.",
        source="图 9",
        dims=("graph_db_non_adoption_reason",),
        unit="percent",
        rows=[
            row(
                r"发现,{Q} 的被调研机构表示未使用图数据库产品的主要原因",
                graph_db_non_adoption_reason="lack_understanding",
                note="Verbal 近 1/2 (nearly half) for not understanding the technology (43.3%) or its "
                "business value (36.7%).",
            ),
            row(r"图数据库技术\({Q}\)及其业务价值", graph_db_non_adoption_reason="technology_not_understood"),
            row(r"及其业务价值\({Q}\)不了解", graph_db_non_adoption_reason="business_value_not_understood"),
            row(
                r"{Q} 的用户认为是尚未碰到技术痛点",
                graph_db_non_adoption_reason="no_technical_pain_point",
                note="Printed as 近 1/3 (nearly a third).",
            ),
            row(
                r"{Q} 的用户认为是缺乏合适的解决方案",
                graph_db_non_adoption_reason="lack_solution_and_support",
                note="Printed as the fraction 1/4.",
            ),
        ],
    ),
    table(
        "graph_db_application_rate_by_business_line",
        title="Graph-database application rate by business line, 2022 actual and 2023 plan",
        title_zh="金融机构三大类场景中图数据库的应用率",
        description="Share of institutions applying (2022: of the 41 users) or planning to apply "
        "(2023: of the 49 planners) a graph database in each of the three business lines (图 11, 图 40).",
        source="图 11; 图 40",
        dims=("business_line", "year", "plan_or_actual"),
        unit="percent",
        warnings=[
            warning(
                "base",
                "The 2022 shares are of the 41 institutions using a graph database, the 2023 "
                "shares of the 49 with a project approved, in POC or in use.",
            ),
        ],
        rows=[
            row(
                r"分别有 {Q}、[^、]+、[^、]+的机构在对公、内部管理以及零售",
                business_line="corporate",
                year=2022,
                plan_or_actual="actual",
            ),
            row(
                r"分别有 [^、]+、{Q}、[^、]+的机构在对公、内部管理以及零售",
                business_line="internal_management",
                year=2022,
                plan_or_actual="actual",
            ),
            row(
                r"分别有 [^、]+、[^、]+、{Q}的机构在对公、内部管理以及零售",
                business_line="retail",
                year=2022,
                plan_or_actual="actual",
            ),
            row(r"2023 年应用规划中分别占比 {Q}、", business_line="corporate", year=2023, plan_or_actual="plan"),
            row(r"2023 年应用规划中分别占比 [^、]+、{Q}、", business_line="retail", year=2023, plan_or_actual="plan"),
            row(
                r"2023 年应用规划中分别占比 [^、]+、[^、]+、{Q},对比",
                business_line="internal_management",
                year=2023,
                plan_or_actual="plan",
            ),
        ],
    ),
    table(
        "graph_db_application_rate_by_scenario",
        title="Graph-database application rate in selected scenarios",
        title_zh="各场景的图数据库应用率",
        description="Share of institutions (all, or of one type) applying a graph database in a "
        "scenario, as the prose of 图 13 and 图 14 quotes it (2022).",
        source="图 13-1, 13-3; 图 14-1, 14-2, 14-3",
        dims=("institution_type", "business_line", "graph_db_app_scenario"),
        unit="percent",
        rows=[
            row(
                r"{Q}被调研机构已将图数据库应用于反洗钱场景",
                institution_type="all",
                business_line="internal_management",
                graph_db_app_scenario="anti_money_laundering",
                note="图 13-3; verbal 近半数 (nearly half).",
            ),
            row(
                r"国有大行 {Q}覆盖",
                institution_type="large_state_owned_bank",
                business_line="corporate",
                graph_db_app_scenario="enterprise_relationship_graph",
                note="图 14-1",
            ),
            row(
                r"代表应用,{Q}的被调研机构表示已经落地相关应用",
                institution_type="all",
                business_line="corporate",
                graph_db_app_scenario="equity_penetration_and_guarantee_circle",
                note="图 13-1",
            ),
            row(
                r"场景下的应用率达到 {Q},远超其他类型机构",
                institution_type="large_state_owned_bank",
                business_line="retail",
                graph_db_app_scenario="personal_credit_anti_fraud",
                repair="sentence_split",
                note="图 14-2; the sentence '国有大行在个人信贷反欺诈 … 场景下的应用率达到 100%' is cut by "
                "the 图 12 paragraph and the 图 13 captions.",
            ),
            row(
                r"合规内控等场景应用率达到 {Q}。",
                institution_type="insurance_and_securities",
                business_line="internal_management",
                graph_db_app_scenario="aml_qa_compliance",
                note="图 14-3; said of each of the three scenarios.",
            ),
        ],
    ),
]
