"""r02 第三章 三 (金融业图数据库选型关注重点, 图 15-28), the 观点摘要 sentences that restate it,
and the security requirements of 国有大行 (图 50, 第四章/第五章)."""

from __future__ import annotations

from fintech_stats.extractors.anchors import row, table, warning

_POOLED = warning(
    "pooled_base",
    "Dimension-level percentages are pooled over (factors x institutions), not shares of "
    "institutions: e.g. 87.8% = 86/98 (2 performance factors x 49 institutions), 68.4% = 134/196 "
    "and 64.8% = 127/196 (4 factors x 49); by type 57.5% of 股份制银行 = 23/40, 71.9% of 农信社 = "
    "23/32, 84.4% = 27/32. Do not compare them with factor-level shares of institutions such as "
    "91.8% = 45/49.",
)

_BASE = (
    "Base: the 49 institutions that have approved a project, run a POC or already use a graph "
    "database (针对 49 份已立项、正在 POC、已使用图数据库的被调研机构有效问卷)."
)

TABLES = [
    table(
        "graph_db_selection_dimension_importance",
        title="Importance of the four graph-database evaluation dimensions",
        title_zh="四个图数据库评估维度在金融机构采购决策中的重要性",
        description="How often each evaluation dimension (performance, security and controllability, "
        "business support, ease of operation) is considered important, ranked first, or "
        "ranked in the top three when choosing a graph database. " + _BASE,
        source="图 15; 第三章 三; 观点摘要",
        dims=("graph_db_selection_dimension", "graph_db_selection_measure"),
        unit="percent",
        warnings=[
            _POOLED,
            warning(
                "summary_wording",
                "The 观点摘要 calls the 87.8% (performance) '最重要的考量指标', but the body says "
                "it is the share that considers performance important, not the share that ranks it "
                "first (35.7%).",
            ),
        ],
        rows=[
            row(
                r"{Q}的被调研机构认为性能表现是重要的产品技术价值",
                graph_db_selection_dimension="performance",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的被调研机构将图数据库的大数据处理性能看作最重要的考量指标",
                graph_db_selection_dimension="performance",
                graph_db_selection_measure="important",
                restates=True,
                note="观点摘要; calls it '最重要的考量指标' while the body says '重要的产品技术价值'",
            ),
            row(
                r"其中 {Q}的机构将大数据量下的查询性能或是否支持原生分布式架构的性能相关指标重要程度排在首位",
                graph_db_selection_dimension="performance",
                graph_db_selection_measure="ranked_first",
                note="page number 25 stands before 其中 in the text ('25其中'); the value is intact",
            ),
            row(
                r"{Q}的被调研机构将大数据下的查询性能或是否支持原生分布式架构的性能相关指标重要度放在所有指标的前三位",
                graph_db_selection_dimension="performance",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"{Q}的被调研机构考虑安全可控的相关因素",
                graph_db_selection_dimension="security_controllability",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的被调研机构将产品闭源、代码安全性保障、能够规避知识产权风险",
                graph_db_selection_dimension="security_controllability",
                graph_db_selection_measure="important",
                restates=True,
                note="观点摘要",
            ),
            row(
                r"的相关因素,{Q}将其放在了所有因素的前三位",
                graph_db_selection_dimension="security_controllability",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"尽管{Q}的被调研机构认为“业务支撑度”“简单易运维”重要",
                graph_db_selection_dimension="business_support_and_ease_of_operation",
                graph_db_selection_measure="important",
                note="a lower bound stated for both dimensions at once; the body gives 68.4% and 64.8%",
            ),
            row(
                r"{Q}的被调研机构认为业务支撑能力十分重要",
                graph_db_selection_dimension="business_support",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的被调研机构将其列在所有技术因素的前三位",
                graph_db_selection_dimension="business_support",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"{Q}的被调研机构认为简单易运维的相关特点是选择图数据库的重要考量因素",
                graph_db_selection_dimension="ease_of_operation",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的被调研机构将该类别的相关因素排在了所有因素的前三位",
                graph_db_selection_dimension="ease_of_operation",
                graph_db_selection_measure="ranked_top3",
            ),
        ],
    ),
    table(
        "graph_db_selection_factor_importance",
        title="Importance of individual graph-database evaluation factors",
        title_zh="图数据库各技术要素重要性评估",
        description="Share of institutions that consider each evaluation factor important, rank it "
        "first or in the top three. " + _BASE + " 'ranked_first_among_important' is a "
        "share of the institutions that consider the factor important.",
        source="图 16-28; 第三章 三; 观点摘要",
        dims=("graph_db_selection_factor", "graph_db_selection_measure"),
        unit="percent",
        warnings=[
            warning(
                "summary_only",
                "The 83.6% for implementation and after-sales support appears only in the "
                "观点摘要; the body gives no figure for the after-sales factor of 表 1.",
            ),
        ],
        rows=[
            row(
                r"{Q}的机构认为图数据库在大数据量下的查询性能是重要指标",
                graph_db_selection_factor="query_performance",
                graph_db_selection_measure="important",
            ),
            row(
                r"其中 {Q}将其看作首要关注指标",
                graph_db_selection_factor="query_performance",
                graph_db_selection_measure="ranked_first_among_important",
                note="其中: share of the institutions that consider query performance important",
            ),
            row(
                r"{Q}的被调研机构将其放在所有技术价值指标的前三位",
                graph_db_selection_factor="native_distributed",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"统计发现,{Q}的被调研机构认为闭源为重要因素",
                graph_db_selection_factor="closed_source",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的金融机构认为自主可控重要",
                graph_db_selection_factor="self_controllable",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}被调研机构均认为“100%自主可控”是重要考量指标",
                graph_db_selection_factor="self_controllable",
                graph_db_selection_measure="important",
                restates=True,
                note="观点摘要",
            ),
            row(
                r"{Q}的金融机构关注图数据库是否具备丰富的图分析能力",
                graph_db_selection_factor="graph_analytics",
                graph_db_selection_measure="important",
                note="said of the institutions that care about business support; 83.7% = 41/49, so the base is all 49",
            ),
            row(
                r"的图分析能力,{Q}将其排在了所有考虑因素的前三位",
                graph_db_selection_factor="graph_analytics",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"{Q}的金融机构期望图数据库供应商具备提供完整解决方案的能力",
                graph_db_selection_factor="solution_capability",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的金融机构将其排在重要性前三位",
                graph_db_selection_factor="dev_interfaces",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"{Q}的被调研机构表示希望厂商有金融机构合作案例",
                graph_db_selection_factor="financial_institution_case",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的被调研机构均表示更倾向于与已有金融机构合作案例的图数据库厂商开展合作",
                graph_db_selection_factor="financial_institution_case",
                graph_db_selection_measure="important",
                restates=True,
                note="观点摘要",
            ),
            row(
                r"其中 {Q}看重是否有国有大行的案例",
                graph_db_selection_factor="large_bank_case",
                graph_db_selection_measure="important",
                note="其中, but 81.6% = 40/49: a share of all 49 institutions",
            ),
            row(
                r"{Q}的被调研机构表示会关注厂商是否具备完善的实施和售后支持",
                graph_db_selection_factor="implementation_and_after_sales",
                graph_db_selection_measure="important",
                note="观点摘要 only; no body figure",
            ),
        ],
    ),
    table(
        "graph_db_selection_importance_by_institution_type",
        title="Importance of graph-database evaluation criteria by institution type",
        title_zh="不同类型金融机构对图数据库评估因素的重要性评估",
        description="Statements of how each type of institution rates an evaluation dimension or "
        "factor (图 16-28). " + _BASE + " Group codes (e.g. "
        "state_joint_stock_insurance_securities) stand for a value the text gives for "
        "several types at once.",
        source="图 16-28; 第三章 三; 观点摘要",
        dims=("institution_type", "graph_db_selection_criterion", "graph_db_selection_measure"),
        unit="percent",
        warnings=[
            _POOLED,
            warning(
                "inconsistent_groups",
                "For query performance (图 16) the text puts 股份制银行 both in the group where "
                "100% consider it important and in the group that does not all consider it "
                "important.",
            ),
        ],
        rows=[
            row(
                r"{Q}的被调研机构认为大数据查询性能重要",
                institution_type="state_joint_stock_insurance_securities",
                graph_db_selection_criterion="query_performance",
                graph_db_selection_measure="important",
                note="100% of 国有大行, 股份制银行, 保险及证券机构; 股份制银行 is also in the next "
                "group, which 'does not all consider it important'",
            ),
            row(
                r"只有{Q}机构将其重要性排在第一",
                institution_type="state_joint_stock_insurance_securities",
                graph_db_selection_criterion="query_performance",
                graph_db_selection_measure="ranked_first",
                note="verbal quantity 半数",
            ),
            row(
                r"{Q}的机构将其排在了首位",
                institution_type="joint_stock_city_rural_banks",
                graph_db_selection_criterion="query_performance",
                graph_db_selection_measure="ranked_first_among_important",
                note="among the institutions of these types that consider it important",
            ),
            row(
                r"中,{Q}认为原生分布式架构重要",
                institution_type="state_joint_stock_insurance_securities",
                graph_db_selection_criterion="native_distributed",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的国有大行认为该因素重要",
                institution_type="large_state_owned_bank",
                graph_db_selection_criterion="security_controllability",
                graph_db_selection_measure="important",
                note="consistent with pooling over the 2 security factors x 6 国有大行 (9/12), "
                "not a share of institutions",
            ),
            row(
                r"{Q}的保险、证券机构将其重要性排在所有考虑因素的前三",
                institution_type="insurance_and_securities",
                graph_db_selection_criterion="closed_source",
                graph_db_selection_measure="ranked_top3",
            ),
            row(
                r"{Q}的国有大行、[\d.]+%的股份制银行将自主可控作为重要考虑因素",
                institution_type="large_state_owned_bank",
                graph_db_selection_criterion="self_controllable",
                graph_db_selection_measure="important",
            ),
            row(
                r"的国有大行、{Q}的股份制银行将自主可控作为重要考虑因素",
                institution_type="joint_stock_bank",
                graph_db_selection_criterion="self_controllable",
                graph_db_selection_measure="important",
            ),
            row(
                r"在认为自主可控重要的机构中,{Q}的国",
                institution_type="large_state_owned_bank",
                graph_db_selection_criterion="self_controllable",
                graph_db_selection_measure="ranked_first_among_important",
                repair="sentence_split",
                note="'40.0%的国…有大行将其列为首要考虑因素': a page footer and two figure captions "
                "cut 国有大行; 2 of the 5 国有大行 that consider it important",
            ),
            row(
                r"其中 {Q}国有大型商业银行将其作为首要关注的指标",
                institution_type="large_state_owned_bank",
                graph_db_selection_criterion="self_controllable",
                graph_db_selection_measure="ranked_first_among_important",
                restates=True,
                note="观点摘要; drops the body's 'among those that consider it important'",
            ),
            row(
                r"有大行将其列为首要考虑因素,{Q}将其排在了前三位",
                institution_type="large_state_owned_bank",
                graph_db_selection_criterion="self_controllable",
                graph_db_selection_measure="ranked_top3_among_important",
                repair="sentence_split",
                note="the sentence is cut by captions and page number 29 ('29有大行'); "
                "4 of the 5 国有大行 that consider it important",
            ),
            row(
                r"{Q}的农信社\(农商行\)最关注业务支撑能力",
                institution_type="rural_credit_cooperative",
                graph_db_selection_criterion="business_support",
                graph_db_selection_measure="important",
                note="'最关注'; pooled over the 4 business-support factors: 27/32",
            ),
            row(
                r"调研报告30{Q}的国有大行、",
                institution_type="large_state_owned_bank",
                graph_db_selection_criterion="ease_of_operation",
                graph_db_selection_measure="important",
                repair="page_number_glued",
                note="page number 30 glued before the value ('3075.0%')",
            ),
            row(
                r"的国有大行、{Q}的农信社\(农商行\)、",
                institution_type="rural_credit_cooperative",
                graph_db_selection_criterion="ease_of_operation",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的城商行和",
                institution_type="city_commercial_bank",
                graph_db_selection_criterion="ease_of_operation",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}的股份制银行关注简单易运维",
                institution_type="joint_stock_bank",
                graph_db_selection_criterion="ease_of_operation",
                graph_db_selection_measure="important",
            ),
            row(
                r"{Q}被调研的股份制银行将其作为重要考虑因素",
                institution_type="joint_stock_bank",
                graph_db_selection_criterion="large_bank_case",
                graph_db_selection_measure="important",
            ),
        ],
    ),
    table(
        "graph_db_security_requirements",
        title="Security and controllability requirements for graph databases",
        title_zh="金融机构对图数据库安全可控的要求",
        description="Share of institutions that will choose, or require, a self-controllable, native "
        "or closed-source graph database (图 50); the all-institution figure is from the "
        "观点摘要.",
        source="图 50; 第五章 一; 观点摘要",
        dims=("institution_type", "graph_db_security_requirement"),
        unit="percent",
        warnings=[
            warning(
                "bases",
                "The 75.0% of 国有大行 requiring a self-controllable database is not k/6 of the 6 "
                "国有大行 surveyed (83.3% and 66.7% are 5/6 and 4/6); its base is not stated. "
                "The 60% 'will choose' figure (观点摘要 only) may come from the same question "
                "as 图 50, but the text does not say so.",
            ),
        ],
        rows=[
            row(
                r"{Q}的被调研机构明确表示会选择自主可控的图数据库",
                institution_type="all",
                graph_db_security_requirement="will_choose_self_controllable",
                note="观点摘要 only; it adds that all 股份制银行 require a self-controllable database "
                "(所有, no numeral)",
            ),
            row(
                r"{Q}的机构要求必须为自主可控的图数据库",
                institution_type="large_state_owned_bank",
                graph_db_security_requirement="must_be_self_controllable",
            ),
            row(
                r"{Q}要求原生",
                institution_type="large_state_owned_bank",
                graph_db_security_requirement="native_required",
            ),
            row(
                r"{Q}要求闭源",
                institution_type="large_state_owned_bank",
                graph_db_security_requirement="closed_source_required",
            ),
        ],
    ),
]
