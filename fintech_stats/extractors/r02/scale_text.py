"""r02 第四章 二、3 and 三、1 (and the 观点摘要): statements about the scale of graph-database
deployments that are not cells of 表 3 (those are in `scale_table`): aggregates over 表 3 buckets,
stated ranges, and statements by institution type (图 43, 图 44, 图 45).
"""

from __future__ import annotations

from typing import Any

from fintech_stats.extractors.anchors import row, table, warning

# The executive summary (观点摘要), for restatements and summary-only facts.
_SUMMARY: dict[str, Any] = {"after": r"观点摘要数字经济", "before": r"第一章调研背景与方法一、调研背景"}

_A22: dict[str, Any] = {"year": 2022, "plan_or_actual": "actual"}
_P23: dict[str, Any] = {"year": 2023, "plan_or_actual": "plan"}

TABLES = [
    table(
        "graph_db_scale_summary",
        title="Scale of graph-database deployments: aggregate shares, 2022 actual and 2023 plan",
        title_zh="图数据库建设规模:2022 建设现状及 2023 规划(汇总)",
        description="Share of the 41 institutions using a graph database whose deployment passes a scale "
        "threshold (data volume, vertices plus edges, server nodes, CPU cores), as stated in the prose, and "
        "the year-on-year change of that share. Most are sums of 表 3 buckets (e.g. 78.0% at TB level = "
        "(16+3+13)/41); the bucket cells themselves are in the graph_db_scale_by_* tables, and statements of a "
        "single 表 3 bucket (more than 10 TB, 100 亿, 128 cores) are restatements there.",
        source="第四章 二、3 and 三、1 (表 3, 图 45); 观点摘要",
        dims=("year", "plan_or_actual", "graph_scale_dimension", "graph_scale_band", "measure"),
        unit="percent",
        rows=[
            # 2022 actual
            row(
                r"体建设规模\({Q}机构达到 TB 量级\)",
                **_A22,
                graph_scale_dimension="data_volume",
                graph_scale_band="tb_or_more",
                measure="share",
                repair="sentence_split",
                note="'相较 2022 年的整…体建设规模' is cut by 表 3 and the caption of 图 43. 58.5% = 24/41.",
            ),
            row(
                r"{Q}的金融机构达 TB 量级",
                **_A22,
                graph_scale_dimension="data_volume",
                graph_scale_band="tb_or_more",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="观点摘要",
            ),
            # 2023 plan: data volume
            row(
                r"{Q}的金融机构规划建成 TB 量级图数据库",
                **_P23,
                graph_scale_dimension="data_volume",
                graph_scale_band="tb_or_more",
                measure="share",
                note="78.0% = 32/41.",
            ),
            row(
                r"达到 TB 量级\),{Q}",
                **_P23,
                graph_scale_dimension="data_volume",
                graph_scale_band="tb_or_more",
                measure="yoy_change",
                repair="sentence_split",
                note="Change of the 78.0% over 2022's 58.5%; the sentence is cut by 表 3.",
            ),
            # 2023 plan: vertices and edges
            row(
                r"{Q}机构规划建成 10 亿规模以上大图",
                **_P23,
                graph_scale_dimension="vertices_edges",
                graph_scale_band="over_1b",
                measure="share",
                note="41.5% = (10+7)/41.",
            ),
            row(
                r"10 亿规模以上大图,{Q}",
                **_P23,
                graph_scale_dimension="vertices_edges",
                graph_scale_band="over_1b",
                measure="yoy_change",
                note="10 -> 17 institutions.",
            ),
            row(
                r"2023 年 {Q}的被调研机构图规模将超 1 亿点边",
                **_P23,
                graph_scale_dimension="vertices_edges",
                graph_scale_band="over_100m",
                measure="share",
                note="图 45; 33/41 = 80.5%.",
            ),
            # 2023 plan: server nodes
            row(
                r"仅 {Q}的机构建设规模小于 4",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="under_4_nodes",
                measure="share",
                note="26.8% = (2+9)/41.",
            ),
            row(
                r"小于 4\s*节点,{Q}",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="under_4_nodes",
                measure="yoy_change",
                note="20 -> 11 institutions.",
            ),
            row(
                r"{Q}的机构计划建设超 10 节点",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="over_10_nodes",
                measure="share",
                note="34.1% = (8+6)/41.",
            ),
            row(
                r"超 10 节点的图数据库集群,{Q}",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="over_10_nodes",
                measure="yoy_change",
                note="8 -> 14 institutions.",
            ),
        ],
    ),
    table(
        "graph_db_scale_range",
        title="Range of graph-database scale among institutions",
        title_zh="图数据库建设规模分布范围",
        description="The smallest and largest data volume (TB) and graph size (vertices plus edges) stated "
        "for the institutions using a graph database: all 41 users at the end of 2022 (观点摘要), and city "
        "commercial banks with insurance/securities firms (图 43).",
        source="观点摘要; 图 43, 第四章 二、3",
        dims=("institution_type", "year", "plan_or_actual", "graph_scale_dimension", "scale_range_bound"),
        unit=("TB", "count"),
        rows=[
            row(
                r"图数据量从 {Q}\s*到超过",
                institution_type="all",
                **_A22,
                graph_scale_dimension="data_volume",
                scale_range_bound="lower",
                **_SUMMARY,
            ),
            row(
                r"图数据量从 [^到]*到{Q},",
                institution_type="all",
                **_A22,
                graph_scale_dimension="data_volume",
                scale_range_bound="upper",
                **_SUMMARY,
            ),
            row(
                r"图规模从{Q}点边到",
                institution_type="all",
                **_A22,
                graph_scale_dimension="vertices_edges",
                scale_range_bound="lower",
                unit="count",
                **_SUMMARY,
                note="Number of vertices plus edges.",
            ),
            row(
                r"点边到{Q}点边",
                institution_type="all",
                **_A22,
                graph_scale_dimension="vertices_edges",
                scale_range_bound="upper",
                unit="count",
                **_SUMMARY,
                note="Number of vertices plus edges.",
            ),
            row(
                r"从{Q}\s*到 10TB 以上的机构都有分布",
                institution_type="city_banks_and_insurance_securities",
                **_P23,
                graph_scale_dimension="data_volume",
                scale_range_bound="lower",
                note="图 43 compares 2022 and 2023; the sentence describes the 2023 plan ('依然').",
            ),
            row(
                r"从小于 100G 到 {Q}的机构都有分布",
                institution_type="city_banks_and_insurance_securities",
                **_P23,
                graph_scale_dimension="data_volume",
                scale_range_bound="upper",
                note="图 43 compares 2022 and 2023; the sentence describes the 2023 plan ('依然').",
            ),
        ],
    ),
    table(
        "graph_db_scale_by_institution_type",
        title="Scale of graph-database deployments by institution type, 2022 actual and 2023 plan",
        title_zh="不同类型金融机构图数据库建设规模对比",
        description="Share of the institutions of one type (among those using a graph database) whose "
        "deployment is in a scale band, and its year-on-year change, as quoted in the prose of 图 43 (data "
        "volume) and 图 44 (cluster size), and for 2022 in the prose of 图 10.",
        source="图 10, 第三章 二、1; 图 43, 图 44, 第四章 二、3",
        dims=("institution_type", "year", "plan_or_actual", "graph_scale_dimension", "graph_scale_band", "measure"),
        unit="percent",
        warnings=[
            warning(
                "incomplete",
                "图 43 and 图 44 survive only as captions; the prose quotes a few values. "
                "Statements without a number (国有大行, 股份制银行 and 农信社 all at TB level in 2023; "
                "城商行 generally from 2-3 to 4-10 nodes) are not rows.",
            ),
        ],
        rows=[
            # 图 10 (2022): one printed share stands for two statements of the same institutions.
            row(
                r"{Q}的国有大行的图数据规模超过 10TB",
                institution_type="large_state_owned_bank",
                **_A22,
                graph_scale_dimension="data_volume",
                graph_scale_band="over_10tb",
                measure="share",
            ),
            row(
                r"{Q}的国有大行的图数据规模超过 10TB,图规模超过 100 亿点边",
                institution_type="large_state_owned_bank",
                **_A22,
                graph_scale_dimension="vertices_edges",
                graph_scale_band="over_10b",
                measure="share",
                note="The same 60% is said of the data volume (over 10 TB) and of the graph size.",
            ),
            row(
                r"{Q}的国有大行图数据库部署规模达到 30 节点以上",
                institution_type="large_state_owned_bank",
                **_A22,
                graph_scale_dimension="server_nodes",
                graph_scale_band="over_30_nodes",
                measure="share",
            ),
            row(
                r"{Q}的股份制银行的应用则多在 1TB-10TB 数据",
                institution_type="joint_stock_bank",
                **_A22,
                graph_scale_dimension="data_volume",
                graph_scale_band="tb1_10",
                measure="share",
            ),
            row(
                r"{Q}的股份制银行的应用则多在 1TB-10TB 数据、.*?171 亿-100 亿点边图规模上",
                institution_type="joint_stock_bank",
                **_A22,
                graph_scale_dimension="vertices_edges",
                graph_scale_band="m100_10b",
                measure="share",
                repair="sentence_split",
                note="The same 50% is said of the data volume and of the graph size; the sentence is cut by "
                "the caption of 图 9 and the page number 17 is glued to '1 亿-100 亿'.",
            ),
            row(
                r"{Q}的股份制银行已达到 10TB 以上数据规模",
                institution_type="joint_stock_bank",
                **_P23,
                graph_scale_dimension="data_volume",
                graph_scale_band="over_10tb",
                measure="share",
                note="60% = 6 of the 10 joint-stock banks.",
            ),
            row(
                r"10TB 以上数据规模,{Q}",
                institution_type="joint_stock_bank",
                **_P23,
                graph_scale_dimension="data_volume",
                graph_scale_band="over_10tb",
                measure="yoy_change",
            ),
            row(
                r"{Q}的国有大行达到 30 节点以上超大集群规模",
                institution_type="large_state_owned_bank",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="over_30_nodes",
                measure="share",
                note="60% = 3 of the 5 large state-owned banks using a graph database.",
            ),
            row(
                r"30 节点以上超大集群规模,{Q}",
                institution_type="large_state_owned_bank",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="over_30_nodes",
                measure="yoy_change",
            ),
            row(
                r"从 2022 年 {Q}的机构集群数在 4",
                institution_type="insurance_and_securities",
                **_A22,
                graph_scale_dimension="server_nodes",
                graph_scale_band="nodes_4_10",
                measure="share",
            ),
            row(
                r"变成 2023 年 {Q}的机构提升到",
                institution_type="insurance_and_securities",
                **_P23,
                graph_scale_dimension="server_nodes",
                graph_scale_band="nodes_11_30",
                measure="share",
            ),
        ],
    ),
]
