"""r02 第四章 金融业图数据库建设与应用趋势 (except 表 3, see `scale_table`, and the scale prose, see
`scale_text`): build approach (图 36), adoption drivers (图 37), 2023 scenario plans (图 38, 39, 46),
Graph 1.0/2.0/3.0 adoption (图 41, 42), graph + AI (图 47) and time-series demand (图 48, 49).
"""

from __future__ import annotations

from typing import Any

from fintech_stats.extractors.anchors import row, table, warning

# The executive summary (观点摘要), for restatements.
_SUMMARY: dict[str, Any] = {"after": r"观点摘要数字经济", "before": r"第一章调研背景与方法一、调研背景"}

# 图 46: "分别有 83.7%、32.7%、79.6%、61.2%的金融机构计划于 2023 年将图数据库应用于网[captions]络安全、
# 实时交易反欺诈、信用卡申请反欺诈、智能运维等高实时性场景". Values are taken in text order.
_FIG46 = r"的金融机构计划于 2023 年将图数据库应用于网"
_FIG46_NOTE = (
    "图 46 sentence, value assigned by text order; the scenario names are cut from the "
    "values by the captions of 图 45 and 图 47."
)

TABLES = [
    table(
        "graph_db_build_approach",
        title="How institutions planning a graph database mean to build it",
        title_zh="金融机构图数据库建设及应用思路",
        description="Of the 49 institutions planning to use (or using) a graph database, 45 gave a clear "
        "build approach: how many self-build, work with vendors (one or several), and whether they develop "
        "the graph applications themselves. Each share is of the population named in the row (45, 40 or "
        "14 institutions); counts are of institutions.",
        source="图 36; 第四章 一、1; 观点摘要",
        dims=("population", "graph_db_build_approach", "measure"),
        unit=("count", "percent"),
        warnings=[
            warning(
                "contradiction",
                "The executive summary says 73.0% of the institutions working with "
                "vendors will choose a single commercial vendor; the body gives 32 of 40 (80%). 73.0% "
                "fits no base of the survey (32/45 = 71.1%, 32/49 = 65.3%).",
            ),
            warning(
                "base",
                "The executive summary puts the self-build and vendor figures against the 49 "
                "planning institutions; the body's shares are of the 45 that gave a clear approach "
                "(89% = 40/45) and of the 40 working with vendors (80% = 32/40, 17.5% = 7/40).",
            ),
        ],
        rows=[
            row(
                r"{Q}反馈了明确的建设思路",
                population="graph_db_planners",
                graph_db_build_approach="stated_approach",
                measure="count",
            ),
            row(
                r"仅有 {Q}机构表示图数据库及其上层应用以自研为主",
                population="planners_with_stated_approach",
                graph_db_build_approach="self_build",
                measure="count",
            ),
            row(
                r"仅有 {Q}机构表示会以自研为主",
                population="planners_with_stated_approach",
                graph_db_build_approach="self_build",
                measure="count",
                restates=True,
                **_SUMMARY,
                note="观点摘要; the summary counts the 5 among the 49 planning institutions.",
            ),
            row(
                r"以自研为主,{Q}\(",
                population="planners_with_stated_approach",
                graph_db_build_approach="vendor_cooperation",
                measure="count",
            ),
            row(
                r"以自研为主,[^(]*\({Q}\)被调研机构表示会选择与图数据库厂商合作",
                population="planners_with_stated_approach",
                graph_db_build_approach="vendor_cooperation",
                measure="share",
                note="89% = 40/45 (88.9%).",
            ),
            row(
                r"{Q}的机构表示会选择与商业图数据库厂商合作",
                population="planners_with_stated_approach",
                graph_db_build_approach="vendor_cooperation",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="观点摘要: 近 90% restates 89% (40/45).",
            ),
            row(
                r"其中,{Q}表示希望以“联合研发”的方式",
                population="planners_cooperating_with_vendors",
                graph_db_build_approach="joint_development",
                measure="count",
            ),
            row(
                r"“联合研发”的方式;{Q}\(",
                population="planners_cooperating_with_vendors",
                graph_db_build_approach="single_vendor",
                measure="count",
            ),
            row(
                r"“联合研发”的方式;[^(]*\({Q}\)被调研机构表示会选择单一商业图数据库供应商",
                population="planners_cooperating_with_vendors",
                graph_db_build_approach="single_vendor",
                measure="share",
                note="80% = 32/40.",
            ),
            row(
                r"其中 {Q}表示会选择单一商业图数据库供应商",
                population="planners_cooperating_with_vendors",
                graph_db_build_approach="single_vendor",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="观点摘要. Contradiction: the body gives 32 of 40 (80%); 73.0% fits no base of the "
                "survey (32/45 = 71.1%, 32/49 = 65.3%).",
            ),
            row(
                r"仅{Q}\([^)]*\)机构会选择与多家图数据库厂商合作",
                population="planners_cooperating_with_vendors",
                graph_db_build_approach="multi_vendor",
                measure="count",
            ),
            row(
                r"\({Q}\)机构会选择与多家图数据库厂商合作",
                population="planners_cooperating_with_vendors",
                graph_db_build_approach="multi_vendor",
                measure="share",
                note="17.5% = 7/40.",
            ),
            row(
                r"{Q}的被调研机构表达了上层图应用自研的倾向",
                population="planners_with_stated_approach",
                graph_db_build_approach="apps_self_developed",
                measure="share",
                note="69% is 31/45 (68.9%): the 14 institutions not developing in-house are the rest of 45.",
            ),
            row(
                r"图应用非自研的{Q}机构中",
                population="planners_with_stated_approach",
                graph_db_build_approach="apps_not_self_developed",
                measure="count",
            ),
            row(
                r"{Q}的被调研机构倾向于将图数据库及其上层应用全部外包",
                population="planners_outsourcing_graph_apps",
                graph_db_build_approach="apps_single_vendor_outsourced",
                measure="share",
                note="78.6% = 11/14.",
            ),
            row(
                r"{Q}希望选择多家外部厂商赛马制",
                population="planners_outsourcing_graph_apps",
                graph_db_build_approach="apps_multi_vendor_race",
                measure="share",
                note="21.4% = 3/14.",
            ),
        ],
    ),
    table(
        "graph_db_adoption_drivers",
        title="Why institutions using a graph database bought one",
        title_zh="金融机构应用图数据库原因",
        description="Share of the 41 institutions already using a graph database naming each reason for "
        "their purchase (several answers allowed).",
        source="图 37; 第四章 一、2",
        dims=("population", "graph_db_adoption_driver"),
        unit="percent",
        rows=[
            row(
                r"{Q}的机构表示采购决策的依据是希望落地图的创新应用",
                population="graph_db_users",
                graph_db_adoption_driver="innovative_applications",
                note="85.4% = 35/41.",
            ),
            row(
                r"{Q}的机构采购图数据库由业务解决方案引入",
                population="graph_db_users",
                graph_db_adoption_driver="business_solution",
                note="58.5% = 24/41.",
            ),
            row(
                r"{Q}的被调研机构表示采购图数据库是由于现有场景中传统方案出现了性能",
                population="graph_db_users",
                graph_db_adoption_driver="performance_bottleneck",
                note="61.0% = 25/41.",
            ),
        ],
    ),
    table(
        "graph_db_scenario_plan_2023",
        title="Graph-database application scenarios planned for 2023",
        title_zh="金融行业 2023 图数据库业务场景建设规划",
        description="Share of the 49 institutions planning to use (or using) a graph database that plan "
        "to build each application scenario in 2023 (图 38 TOP5, 图 39, 图 46), the year-on-year growth "
        "of real-time transaction anti-fraud, and the executive summary's scenario statements. Only "
        "values quoted in the prose are available; the charts survive as captions.",
        source="图 38, 图 39, 图 46; 第四章 二; 观点摘要",
        dims=("population", "scenario", "measure"),
        unit="percent",
        warnings=[
            warning(
                "contradiction",
                "The executive summary says over 90% plan an enterprise relationship "
                "graph, real-time transaction anti-fraud and anti-money laundering; the body gives 79.6% "
                "for each of the top three scenarios (enterprise platform, enterprise relationship graph, "
                "real-time transaction anti-fraud), so no scenario reaches 90%. The summary rows are kept "
                "as printed.",
            ),
            warning(
                "misaligned",
                "The 图 46 sentence lists 83.7%, 32.7%, 79.6%, 61.2% for network security, "
                "real-time transaction anti-fraud, credit-card application anti-fraud and intelligent "
                "operations. Read in text order, real-time transaction anti-fraud gets 32.7%, against "
                "79.6% in 图 38 and the fastest growth (+72.3%); and network security, called a brand-new "
                "scenario, would lead with 83.7%. The values are kept in text order; the 32.7% is a "
                "restatement row of real-time transaction anti-fraud and the 79.6% of 图 38 is primary.",
            ),
            warning(
                "shared_value",
                "One printed 79.6% (占比均达到) gives the share of each of the three top "
                "scenarios; one printed 超 90% and one 超过 60% likewise give several scenarios each.",
            ),
        ],
        rows=[
            row(
                r"实时交易反欺诈成为前三的主流场景,占比均达到 {Q}",
                population="graph_db_planners",
                scenario="enterprise_graph_platform",
                measure="share",
                note="One printed value for the three top scenarios (占比均达到).",
            ),
            row(
                r"实时交易反欺诈成为前三的主流场景,占比均达到 {Q}",
                population="graph_db_planners",
                scenario="enterprise_relationship_graph",
                measure="share",
                note="One printed value for the three top scenarios (占比均达到).",
            ),
            row(
                r"实时交易反欺诈成为前三的主流场景,占比均达到 {Q}",
                population="graph_db_planners",
                scenario="realtime_transaction_anti_fraud",
                measure="share",
                note="One printed value for the three top scenarios (占比均达到).",
            ),
            row(
                r"{Q}的被调研机构优先规划建设企业级图数据库平台",
                population="graph_db_planners",
                scenario="enterprise_graph_platform",
                measure="share",
                restates=True,
                note="图 39 paragraph restates the 79.6% of 图 38.",
            ),
            row(
                r"企业级图数据库平台成为首要规划建设的场景,{Q}的机构",
                population="graph_db_planners",
                scenario="enterprise_graph_platform",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="观点摘要: 80% is the body's 79.6% (39/49) rounded.",
            ),
            row(
                r"{Q}的被调研机构规划建设企业关系图谱库",
                population="graph_db_planners",
                scenario="enterprise_relationship_graph",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="观点摘要. Contradiction: the body gives 79.6%, not over 90%.",
            ),
            row(
                r"{Q}的被调研机构规划建设企业关系图谱库",
                population="graph_db_planners",
                scenario="realtime_transaction_anti_fraud",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="观点摘要. Contradiction: the body gives 79.6%, not over 90%.",
            ),
            row(
                r"{Q}的被调研机构规划建设企业关系图谱库",
                population="graph_db_planners",
                scenario="anti_money_laundering",
                measure="share",
                **_SUMMARY,
                note="观点摘要 only. Contradiction: the body's top three scenarios are 79.6% each and do "
                "not include anti-money laundering, so it cannot exceed 90%.",
            ),
            row(
                r"{Q}的被调研机构有零售营销图谱及数据血缘场景的建设计划",
                population="graph_db_planners",
                scenario="retail_marketing_graph",
                measure="share",
                **_SUMMARY,
                note="观点摘要 only; one printed value for two scenarios.",
            ),
            row(
                r"{Q}的被调研机构有零售营销图谱及数据血缘场景的建设计划",
                population="graph_db_planners",
                scenario="data_lineage",
                measure="share",
                **_SUMMARY,
                note="观点摘要 only; one printed value for two scenarios.",
            ),
            row(
                r"分别有 {Q}、[^、]*、[^、]*、[^、]*" + _FIG46,
                population="graph_db_planners",
                scenario="network_security",
                measure="share",
                repair="sentence_split",
                note=_FIG46_NOTE + " Network security is called a brand-new scenario, yet would lead the "
                "2023 plans: probably misaligned.",
            ),
            row(
                r"分别有 [^、]*、{Q}、[^、]*、[^、]*" + _FIG46,
                population="graph_db_planners",
                scenario="realtime_transaction_anti_fraud",
                measure="share",
                repair="sentence_split",
                restates=True,
                note=_FIG46_NOTE + " Contradiction: 图 38 gives 79.6% for real-time "
                "transaction anti-fraud, and its +72.3% growth fits 79.6% better; the sentence is "
                "probably misaligned.",
            ),
            row(
                r"分别有 [^、]*、[^、]*、{Q}、[^、]*" + _FIG46,
                population="graph_db_planners",
                scenario="credit_card_application_anti_fraud",
                measure="share",
                repair="sentence_split",
                note=_FIG46_NOTE + " 79.6% is also 图 38's value for real-time transaction anti-fraud: "
                "probably misaligned.",
            ),
            row(
                r"分别有 [^、]*、[^、]*、[^、]*、{Q}" + _FIG46,
                population="graph_db_planners",
                scenario="intelligent_ops_cmdb",
                measure="share",
                repair="sentence_split",
                note=_FIG46_NOTE,
            ),
            row(
                r"以实时交易反欺诈的应用增长最快,{Q}",
                population="graph_db_planners",
                scenario="realtime_transaction_anti_fraud",
                measure="yoy_change",
                note="Growth of the 2023 plan over the 2022 application rate (图 46).",
            ),
        ],
    ),
    table(
        "graph_db_app_generation_adoption",
        title="Institutions applying Graph 1.0, 2.0 and 3.0 scenarios, 2022 actual and 2023 plan",
        title_zh="金融机构各类图应用场景 2022 现状与 2023 规划对比",
        description="Number and share of institutions applying each generation of graph application "
        "(表 2 classifies the scenarios): in 2022 of the 41 using a graph database, in the 2023 plan of "
        "the 49 planning one; the year-on-year change of the share; and the largest growth among city "
        "commercial banks, rural credit cooperatives and insurance/securities firms (图 42).",
        source="图 41, 图 42, 表 2; 第四章 二、2",
        dims=("institution_type", "graph_generation", "year", "plan_or_actual", "measure"),
        unit=("count", "percent"),
        warnings=[
            warning(
                "base",
                "2022 shares are of 41 institutions, 2023 shares of 49. The 同比增长 figures "
                "compare the shares, not the counts: Graph 1.0 is (48/49) / (37/41) - 1 = +8.5%, while "
                "the count rises 37 -> 48 (+29.7%). From the rounded shares 98.0/90.2 - 1 gives 8.6%.",
            ),
        ],
        rows=[
            row(
                r"其中 {Q}机构应用 Graph1\.0静态",
                institution_type="all",
                graph_generation="graph_1_0",
                year=2022,
                plan_or_actual="actual",
                measure="count",
            ),
            row(
                r"Graph1\.0静态关系图谱相关场景,占比 {Q}",
                institution_type="all",
                graph_generation="graph_1_0",
                year=2022,
                plan_or_actual="actual",
                measure="share",
            ),
            row(
                r";{Q}机构应用 Graph2\.0",
                institution_type="all",
                graph_generation="graph_2_0",
                year=2022,
                plan_or_actual="actual",
                measure="count",
            ),
            row(
                r"机构应用 Graph2\.0,占比 {Q}",
                institution_type="all",
                graph_generation="graph_2_0",
                year=2022,
                plan_or_actual="actual",
                measure="share",
            ),
            row(
                r";{Q}机构应用 Graph3\.0",
                institution_type="all",
                graph_generation="graph_3_0",
                year=2022,
                plan_or_actual="actual",
                measure="count",
            ),
            row(
                r"机构应用 Graph3\.0,占比 {Q}",
                institution_type="all",
                graph_generation="graph_3_0",
                year=2022,
                plan_or_actual="actual",
                measure="share",
            ),
            row(
                r"有 {Q}机构有规划建设 Graph 1\.0",
                institution_type="all",
                graph_generation="graph_1_0",
                year=2023,
                plan_or_actual="plan",
                measure="count",
            ),
            row(
                r"规划建设 Graph 1\.0 类的应用,占比 {Q}",
                institution_type="all",
                graph_generation="graph_1_0",
                year=2023,
                plan_or_actual="plan",
                measure="share",
            ),
            row(
                r"规划建设 Graph 1\.0 类的应用,占比 [^,]*,{Q}",
                institution_type="all",
                graph_generation="graph_1_0",
                year=2023,
                plan_or_actual="plan",
                measure="yoy_change",
                note="Change of the share: (48/49) / (37/41) - 1 = 8.5% (the rounded shares would give 8.6%).",
            ),
            row(
                r";{Q}机构有规划建设 Graph 2\.0",
                institution_type="all",
                graph_generation="graph_2_0",
                year=2023,
                plan_or_actual="plan",
                measure="count",
            ),
            row(
                r"规划建设 Graph 2\.0,占比 {Q}",
                institution_type="all",
                graph_generation="graph_2_0",
                year=2023,
                plan_or_actual="plan",
                measure="share",
            ),
            row(
                r"规划建设 Graph 2\.0,占比 [^,]*,{Q}",
                institution_type="all",
                graph_generation="graph_2_0",
                year=2023,
                plan_or_actual="plan",
                measure="yoy_change",
                note="Change of the share (85.7% of 49 vs 68.3% of 41).",
            ),
            row(
                r";{Q}机构有规划建设 Graph3\.0",
                institution_type="all",
                graph_generation="graph_3_0",
                year=2023,
                plan_or_actual="plan",
                measure="count",
            ),
            row(
                r"2023 规划增量对比{Q},同比",
                institution_type="all",
                graph_generation="graph_3_0",
                year=2023,
                plan_or_actual="plan",
                measure="share",
                repair="sentence_split",
                note="'占比' is cut from its value by 表 2 and the caption of 图 42.",
            ),
            row(
                r"2023 规划增量对比[^,]*,{Q},",
                institution_type="all",
                graph_generation="graph_3_0",
                year=2023,
                plan_or_actual="plan",
                measure="yoy_change",
                note="Change of the share (98.0% of 49 vs 65.9% of 41).",
            ),
            row(
                r"最高达到{Q}",
                institution_type="city_rural_insurance_securities",
                graph_generation="graph_3_0",
                year=2023,
                plan_or_actual="plan",
                measure="yoy_change_max",
                note="图 42: the largest growth of a Graph 3.0 application rate among city commercial "
                "banks, rural credit cooperatives and insurance/securities firms; which type is not said.",
            ),
        ],
    ),
    table(
        "graph_db_ai_integration_interest",
        title="Interest in combining graph databases with AI",
        title_zh="金融机构对图数据库与人工智能结合的看法及期待",
        description="Share of the 79 responding institutions that want graph databases combined with AI, "
        "and with each AI technology (图 47).",
        source="图 47; 第四章 三、2",
        dims=("population", "graph_ai_technology"),
        unit="percent",
        rows=[
            row(r"{Q}的被调研机构期待图数据库与 AI 结合", population="respondents", graph_ai_technology="any_ai"),
            row(
                r"KG 知识图谱\({Q}\)",
                population="respondents",
                graph_ai_technology="knowledge_graph",
                note="79.7% = 63/79: the base is the 79 respondents.",
            ),
            row(
                r"GNN 图神经网络\({Q}\)",
                population="respondents",
                graph_ai_technology="graph_neural_network",
                note="55.7% = 44/79.",
            ),
            row(
                r"ML机器学习\({Q}\)",
                population="respondents",
                graph_ai_technology="machine_learning",
                note="48.1% = 38/79.",
            ),
            row(r"NLP 自然语言处理\({Q}\)", population="respondents", graph_ai_technology="nlp", note="46.8% = 37/79."),
        ],
    ),
    table(
        "graph_db_time_series_demand",
        title="Demand for time-series analysis in graph databases",
        title_zh="金融机构对图数据库时序分析功能看法及期待",
        description="Share of the 41 institutions using a graph database that need time-series analysis "
        "now or want it later (图 48), and of the large state-owned banks among them expecting it (图 49).",
        source="图 48, 图 49; 第四章 三、3",
        dims=("population", "institution_type", "time_series_attitude"),
        unit="percent",
        rows=[
            row(
                r"中,{Q}表达了对图数据库支持时序数据分析的明确需求",
                population="graph_db_users",
                institution_type="all",
                time_series_attitude="explicit_need",
                note="53.7% = 22/41.",
            ),
            row(
                r"另外 {Q}哪怕暂时不需要也希望未来能支持",
                population="graph_db_users",
                institution_type="all",
                time_series_attitude="future_support_wanted",
                note="34.1% = 14/41.",
            ),
            row(
                r"{Q}的国有大行均期望建设时序功能",
                population="graph_db_users",
                institution_type="large_state_owned_bank",
                time_series_attitude="expects_time_series_function",
                note="80% = 4 of the 5 large state-owned banks using a graph database.",
            ),
        ],
    ),
]
