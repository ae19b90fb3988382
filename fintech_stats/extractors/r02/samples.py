"""r02 survey bases: questionnaires sent and returned, the sub-populations shares refer to, and the
respondents by institution type (图 6-1) and by region (图 6-2).

A base is a fact the report states many times (前言, 观点摘要, 第一章, and again wherever a share is
introduced).  Each table holds it once, as the primary row where the body states it as the survey's
sample (第三章 一、被调研机构样本统计, or the first chapter-3 sentence that introduces the
sub-population); every other statement is a `restates=True` row with the same dimensions.
"""

from __future__ import annotations

from fintech_stats.extractors.anchors import row, table, warning

_SUMMARY = "观点摘要"

TABLES = [
    table(
        "graph_db_survey_sample_sizes",
        title="Survey bases: questionnaires sent and returned, and the sub-populations of respondents",
        title_zh="调研样本量",
        description="Number of institutions in each base of the survey: the institutions sent a "
        "questionnaire (100), those returning a valid one (79), those already using a graph database "
        "at end-2022 (41), those with a project approved, in POC or already using one (49, the base of "
        "the selection and 2023-plan questions), those neither using nor planning to buy one (30), and "
        "those whose experts were interviewed (13). Every statement of a base in the report is a row; "
        "the repeats are restatements.",
        source="第三章 一、被调研机构样本统计; 第一章 三、调研对象及方法; 前言; 观点摘要",
        dims=("population",),
        unit="count",
        warnings=[
            warning(
                "damage",
                "第一章 reads '向100家金融机构发出份问卷': the number of questionnaires "
                "before 份 is lost; the row records the 100 institutions.",
            ),
            warning("base", "The 49 planners include the 41 users (立项, POC or already using)."),
        ],
        rows=[
            # 100 institutions sent the questionnaire.
            row(r"我们共发出 {Q}问卷", population="questionnaires_sent"),
            row(r"本次被调研的 {Q}机构中", population="questionnaires_sent", restates=True, note=_SUMMARY),
            row(
                r"通过向{Q}金融机构发出份问卷",
                population="questionnaires_sent",
                restates=True,
                note="第一章; the questionnaire count before 份 is lost (发出份问卷).",
            ),
            row(
                r"对{Q}金融机构进行了深入细致地调研",
                population="questionnaires_sent",
                restates=True,
                note="前言; verbal 近百家 (nearly a hundred) for the 100 institutions surveyed.",
            ),
            # 79 valid questionnaires.
            row(r"收集有效问卷 {Q}。", population="respondents"),
            row(r"机构中,{Q}金融机构返回了有效问卷", population="respondents", restates=True, note=_SUMMARY),
            row(r"收到有效问卷 {Q},", population="respondents", restates=True, note="第一章"),
            row(
                r"\(见图 33-1\)。{Q}被调研机构中",
                population="respondents",
                restates=True,
                note="第三章 四、talent section.",
            ),
            # 41 institutions already using a graph database (end-2022).
            row(r"在已经使用图数据库的 {Q}金融机构中,图数据库建", population="graph_db_users"),
            row(
                r"已使用图数据库的 {Q}机构技术应用差异化程度高",
                population="graph_db_users",
                restates=True,
                note=_SUMMARY,
            ),
            row(r"被调研的 {Q}已部署图数据库的机构中", population="graph_db_users", restates=True, note="图 11 base."),
            row(
                r"\(见图 37\)。{Q}已部署图数据库的金融机构中",
                population="graph_db_users",
                restates=True,
                note="图 37 base.",
            ),
            row(r"已有 {Q}机构应用图数据库", population="graph_db_users", restates=True, note="图 41 base."),
            row(
                r"对 {Q}已经使用图数据库的金融机构 2023 年",
                population="graph_db_users",
                restates=True,
                note="表 3 base.",
            ),
            row(
                r"对已经使用图数据库的 {Q}金融机构调研", population="graph_db_users", restates=True, note="图 45 base."
            ),
            row(r"被调研的 {Q}金融机构中,", population="graph_db_users", restates=True, note="图 48 base."),
            # 49 institutions with a project approved, in POC or already using one.
            row(r"针对 {Q}已立项、正在 POC、已使用图数据库的被调研机构有效问卷", population="graph_db_planners"),
            row(r"在有计划部署图数据库的 {Q}金融机构中", population="graph_db_planners", restates=True, note=_SUMMARY),
            row(r"在 {Q}计划部署图数据库的金融机构中", population="graph_db_planners", restates=True, note=_SUMMARY),
            row(r"在计划部署图数据库的 {Q}被调研机构中", population="graph_db_planners", restates=True, note=_SUMMARY),
            row(
                r"在 {Q}计划使用图数据库的被调研机构中",
                population="graph_db_planners",
                restates=True,
                note="图 36 base.",
            ),
            row(
                r"针对 {Q}计划使用图数据库的金融机构", population="graph_db_planners", restates=True, note="图 38 base."
            ),
            row(
                r"将有 {Q}机构应用图数据库",
                population="graph_db_planners",
                restates=True,
                note="图 41 base (2023 plan).",
            ),
            # 30 institutions neither using nor planning to buy.
            row(r"在对 {Q}尚未使用图数据库且无采购计划", population="non_users_no_plan"),
            # 13 institutions interviewed.
            row(r"与 {Q}金融机构专家进行交流", population="interviewed"),
        ],
    ),
    table(
        "graph_db_survey_sample_by_institution_type",
        title="Survey respondents by institution type",
        title_zh="调研对象机构类型样本描述",
        description="Number of the 79 institutions returning a valid questionnaire, by institution "
        "type (图 6-1). The counts sum to 79.",
        source="图 6-1; 第三章 一、被调研机构样本统计; 观点摘要",
        dims=("institution_type",),
        unit="count",
        rows=[
            row(r"包括 {Q}国有大型商业银行", institution_type="large_state_owned_bank"),
            row(r"、{Q}全国性股份制商业银行", institution_type="joint_stock_bank"),
            row(r"、{Q}城市商业银行", institution_type="city_commercial_bank"),
            row(r"、{Q}农信社\(农商行\)以及", institution_type="rural_credit_cooperative"),
            row(r"以及{Q}其他金融机构", institution_type="other_financial_institution"),
            row(
                r"被调研的 {Q}国有大型商业银行中",
                institution_type="large_state_owned_bank",
                restates=True,
                note=_SUMMARY,
            ),
            row(r"阶段,{Q}股份制银行均已进入", institution_type="joint_stock_bank", restates=True, note=_SUMMARY),
            row(
                r"阶段,{Q}其他金融机构中", institution_type="other_financial_institution", restates=True, note=_SUMMARY
            ),
            row(r";{Q}城商行中,", institution_type="city_commercial_bank", restates=True, note=_SUMMARY),
            row(r";{Q}农信社、农商行中", institution_type="rural_credit_cooperative", restates=True, note=_SUMMARY),
        ],
    ),
    table(
        "graph_db_survey_sample_by_region",
        title="Surveyed city commercial banks and rural credit cooperatives by region",
        title_zh="调研对象分布地域样本描述",
        description="Number of the 57 responding city commercial banks and rural credit cooperatives "
        "(农商行) by city cluster or region (图 6-2). The ten regions sum to 57.",
        source="图 6-2; 第三章 一、被调研机构样本统计",
        dims=("institution_type", "region"),
        unit="count",
        rows=[
            row(r"从分布地域来看,{Q}城商行", institution_type="city_and_rural_banks", region="all"),
            row(
                r"按地域划分,{Q}银行来自北部湾城市群",
                institution_type="city_and_rural_banks",
                region="beibu_gulf_city_cluster",
            ),
            row(r"{Q}来自成渝城市群", institution_type="city_and_rural_banks", region="chengdu_chongqing_city_cluster"),
            row(r"{Q}来自东三省", institution_type="city_and_rural_banks", region="northeast_three_provinces"),
            row(r"{Q}来自京津冀", institution_type="city_and_rural_banks", region="beijing_tianjin_hebei"),
            row(r"{Q}来自兰西城市群", institution_type="city_and_rural_banks", region="lanzhou_xining_city_cluster"),
            row(r"{Q}来自黔中城市群", institution_type="city_and_rural_banks", region="central_guizhou_city_cluster"),
            row(
                r"{Q}来自长江中游城市群", institution_type="city_and_rural_banks", region="middle_yangtze_city_cluster"
            ),
            row(r"{Q}来自长三角", institution_type="city_and_rural_banks", region="yangtze_river_delta"),
            row(r"{Q}来自中原城市群", institution_type="city_and_rural_banks", region="central_plains_city_cluster"),
            row(r"{Q}来自珠三角", institution_type="city_and_rural_banks", region="pearl_river_delta"),
        ],
    ),
]
