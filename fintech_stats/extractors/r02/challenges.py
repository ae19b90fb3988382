"""r02 第三章 四 (金融业图数据库建设难点, 图 29-35), the 观点摘要 sentence that restates it, and the
talent and vendor-support figures of 第五章 二 (图 31, 图 51)."""

from __future__ import annotations

from fintech_stats.extractors.anchors import row, table, warning

TABLES = [
    table(
        "graph_db_adoption_challenges",
        title="Main difficulties in applying graph databases",
        title_zh="金融机构应用图数据库的主要难点",
        description="Share of institutions reporting each difficulty: all 79 respondents or the 41 "
        "institutions already using a graph database (population).",
        source="图 29, 图 31; 第三章 四; 第五章 二; 观点摘要",
        dims=("population", "graph_db_adoption_challenge"),
        unit="percent",
        rows=[
            row(
                r"{Q}的被调研机构表示缺乏相关的专业技术人才",
                population="respondents",
                graph_db_adoption_challenge="talent_shortage",
            ),
            row(
                r"{Q}的金融机构表示缺乏相关的技术专业人才",
                population="respondents",
                graph_db_adoption_challenge="talent_shortage",
                restates=True,
                note="观点摘要",
            ),
            row(
                r"{Q}的被调研机构表示缺乏相关专业人才更好地使用图数据库",
                population="respondents",
                graph_db_adoption_challenge="talent_shortage",
                restates=True,
                note="第五章 二",
            ),
            row(
                r"高达 {Q}的机构认为专业",
                population="graph_db_users",
                graph_db_adoption_challenge="talent_shortage",
                repair="sentence_split",
                note="'认为专业…人才的缺乏是重要痛点': a figure caption and page footer cut the "
                "sentence; 87.8% = 36/41",
            ),
            row(
                r"业务部门对相关人才的缺乏度达到 {Q}",
                population="respondents",
                graph_db_adoption_challenge="business_department_talent_shortage",
                note="第五章 二, citing 图 31; 44.3% = 35/79",
            ),
            row(
                r"依然有 {Q}的被调研机构表示图数据库在其业务场景下的价值有待验证",
                population="graph_db_users",
                graph_db_adoption_challenge="value_unproven",
            ),
            row(
                r"{Q}的被调研机构表示他们缺乏成功的架构和方案",
                population="graph_db_users",
                graph_db_adoption_challenge="no_proven_architecture",
            ),
        ],
    ),
    table(
        "graph_db_talent_by_institution_type",
        title="Graph-technology talent: shortage and hiring by institution type",
        title_zh="不同类型金融机构的图技术人才现状及招聘计划",
        description="Share of institutions of each type that lack graph talent (图 30), have already "
        "hired it, or have no plan to hire it (图 33-1), among the 79 respondents. Group "
        "codes stand for a value the text gives for several types at once (均).",
        source="图 30, 图 33-1; 第三章 四",
        dims=("institution_type", "graph_talent_status"),
        unit="percent",
        rows=[
            row(
                r"{Q}的国有大行、保险和证券机构均表示缺乏相关人才",
                institution_type="state_owned_and_insurance_securities",
                graph_talent_status="lacks_talent",
            ),
            row(
                r"79 家被调研机构中,{Q}的国有大行",
                institution_type="large_state_owned_bank",
                graph_talent_status="has_hired",
            ),
            row(
                r"{Q}的股份制银行与保险证券公司均表示已经招聘了相关人才",
                institution_type="joint_stock_and_insurance_securities",
                graph_talent_status="has_hired",
            ),
            row(
                r"{Q}城商数据来源",
                institution_type="city_commercial_bank",
                graph_talent_status="no_hiring_plan",
                repair="sentence_split",
                note="'56.3%城商…行、80%的农信社(农商行)无人才招聘计划': a figure caption and page footer cut 城商行",
            ),
            row(
                r"{Q}的农信社\(农商行\)无人才招聘计划",
                institution_type="rural_credit_cooperative",
                graph_talent_status="no_hiring_plan",
            ),
        ],
    ),
    table(
        "graph_db_standards_views",
        title="Views on graph-database standards and benchmark tests",
        title_zh="金融机构对图数据库标准的建议与认知",
        description="Share of the 79 respondents that recommend a national standard, want an industry "
        "standard sooner (图 34), or consider whether a vendor passed tests such as CAICT "
        "or LDBC when selecting (图 35).",
        source="图 34, 图 35; 第三章 四",
        dims=("graph_db_standards_view",),
        unit="percent",
        rows=[
            row(r"{Q}的被调研机构建议制订国家标准", graph_db_standards_view="wants_national_standard"),
            row(r"{Q}的被调研机构希望加快制订行业标准", graph_db_standards_view="wants_industry_standard"),
            row(
                r"只有{Q}的被调研机构表示在图数据库选型过程中会考虑厂商是否通过相关测试",
                graph_db_standards_view="considers_test_certification",
            ),
        ],
    ),
    table(
        "graph_db_vendor_support_demand",
        title="Demand for vendor support with graph databases",
        title_zh="金融机构对图数据库厂商技术指导的需求",
        description="Share of the 79 respondents wanting each kind of support from graph-database "
        "vendors (图 51); only the scenario-application figure is given in the text.",
        source="图 51; 第五章 二",
        dims=("graph_db_vendor_support_type",),
        unit="percent",
        warnings=[warning("incomplete", "图 51 survives only as a caption; the text quotes one of its values.")],
        rows=[
            row(
                r"获得图数据库场景应用支持需求占比 {Q}",
                graph_db_vendor_support_type="scenario_application_support",
                note="63.3% = 50/79",
            ),
        ],
    ),
]
