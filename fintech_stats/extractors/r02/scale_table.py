"""r02 表 3: scale of graph-database deployments, 2022 actual vs 2023 plan, of the 41 users.

The table is flattened in the text: each block's counts are glued into one digit run, followed by
the shares and a damaged 同比变化 (year-on-year) run; `layouts.count_share_yoy_block` decodes it.
The executive summary (观点摘要) restates several cells.
"""

from __future__ import annotations

from typing import Any

from fintech_stats.extractors.anchors import row, table, warning
from fintech_stats.extractors.layouts import count_share_yoy_block

# The shares of 表 3 are of the 41 institutions already using a graph database.
_BASE = r"对 {Q}已经使用图数据库的金融机构 2023 年图数据库的建设规划调研发现"
_SUMMARY: dict[str, Any] = {"after": r"观点摘要数字经济", "before": r"第一章调研背景与方法一、调研背景"}
_DIMS = ("year", "plan_or_actual", "measure")
_SOURCE = "表 3 已部署图数据库的金融机构 2022 建设现状及 2023 规划"
_DECODING = warning(
    "decoded_damage",
    "In the text the counts of each row are glued into one digit run; they are split where every "
    "count / 41 reproduces the printed share. The 同比变化 cells lost their leading digits to a "
    "glyph (f = 66, u = 75, S = 53, 3 = 33, space = 20) or to a dropped control character; they "
    "are decoded and each equals count2023 / count2022 - 1.",
)

TABLES = [
    table(
        "graph_db_scale_by_server_nodes",
        title="Graph-database server nodes of the institutions using one, 2022 actual and 2023 plan",
        title_zh="图数据库服务器节点数量:2022 建设情况与 2023 建设规划",
        description="Number and share of the 41 institutions already using a graph database, by the "
        "number of server nodes of their deployment (2022 actual, 2023 plan), and the year-on-year change.",
        source=_SOURCE,
        dims=("year", "plan_or_actual", "server_node_bucket", "measure"),
        unit=("count", "percent"),
        warnings=[
            _DECODING,
            warning("sum", "The 2023 node counts sum to 40 of 41 (the shares to 97.6%)."),
            warning(
                "typo",
                "The 2023 share of 4-10 nodes is printed 26.6%; 15/41 is 36.6%, which the "
                "executive summary gives. The printed value is kept.",
            ),
            warning("label", "The last bucket is printed '30 节点'; it is more than 30 nodes."),
        ],
        rows=[
            count_share_yoy_block(
                "表 3 server nodes",
                label="服务器节点数量",
                end=r"1-16 核",
                base_anchor=_BASE,
                bucket_dim="server_node_bucket",
                buckets=("n1", "n2_3", "n4_10", "n11_30", "over_30"),
            ),
            row(
                r"图服务器节点数量 2-3 个占比{Q};",
                year=2022,
                plan_or_actual="actual",
                server_node_bucket="n2_3",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r";4-10 个占比 {Q},12\.2%",
                year=2022,
                plan_or_actual="actual",
                server_node_bucket="n4_10",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"{Q}的机构部署了超过 30 个节点",
                year=2022,
                plan_or_actual="actual",
                server_node_bucket="over_30",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"图服务器节点数量 2-3 个占比 {Q},同比",
                year=2023,
                plan_or_actual="plan",
                server_node_bucket="n2_3",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"2-3 个占比 22\.0%,{Q},4-10",
                year=2023,
                plan_or_actual="plan",
                server_node_bucket="n2_3",
                measure="yoy_change",
                restates=True,
                **_SUMMARY,
                note="Contradiction: 表 3 gives 2-3 nodes 16 -> 9 (-43.8%); -50.0% is the 1-node change.",
            ),
            row(
                r",4-10 个占比 {Q},同比增长15",
                year=2023,
                plan_or_actual="plan",
                server_node_bucket="n4_10",
                measure="share",
                restates=True,
                **_SUMMARY,
                note="The summary's 36.6% matches 15/41; 表 3 prints 26.6%.",
            ),
            row(
                r"4-10 个占比 36\.6%,{Q},",
                year=2023,
                plan_or_actual="plan",
                server_node_bucket="n4_10",
                measure="yoy_change",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"{Q}的机构计划部署超过 30 个节点",
                year=2023,
                plan_or_actual="plan",
                server_node_bucket="over_30",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"计划部署超过 30 个节点,{Q}。",
                year=2023,
                plan_or_actual="plan",
                server_node_bucket="over_30",
                measure="yoy_change",
                restates=True,
                **_SUMMARY,
            ),
        ],
    ),
    table(
        "graph_db_scale_by_server_cores",
        title="Graph-database server CPU cores of the institutions using one, 2022 actual and 2023 plan",
        title_zh="图数据库服务器核数:2022 建设情况与 2023 建设规划",
        description="Number and share of the 41 institutions already using a graph database, by the "
        "number of CPU cores of their servers (2022 actual, 2023 plan), and the year-on-year change.",
        source=_SOURCE,
        dims=("year", "plan_or_actual", "server_core_bucket", "measure"),
        unit=("count", "percent"),
        warnings=[_DECODING],
        rows=[
            count_share_yoy_block(
                "表 3 server cores",
                label="服务器核数",
                end=r"1-100GB",
                base_anchor=_BASE,
                bucket_dim="server_core_bucket",
                buckets=("c1_16", "c17_32", "c33_64", "c65_128", "over_128"),
            ),
            row(
                r"{Q}的机构预计采购 128 核以上",
                year=2023,
                plan_or_actual="plan",
                server_core_bucket="over_128",
                measure="share",
                restates=True,
            ),
            row(
                r"128 核以上大算力服务器,{Q}",
                year=2023,
                plan_or_actual="plan",
                server_core_bucket="over_128",
                measure="yoy_change",
                restates=True,
            ),
        ],
    ),
    table(
        "graph_db_scale_by_data_volume",
        title="Graph data volume of the institutions using a graph database, 2022 actual and 2023 plan",
        title_zh="图数据存储规模:2022 建设情况与 2023 建设规划",
        description="Number and share of the 41 institutions already using a graph database, by the "
        "storage size of their graph data (2022 actual, 2023 plan), and the year-on-year change.",
        source=_SOURCE,
        dims=("year", "plan_or_actual", "data_volume_bucket", "measure"),
        unit=("count", "percent"),
        warnings=[_DECODING],
        rows=[
            count_share_yoy_block(
                "表 3 data volume",
                label="存储规模",
                end=r"0-1 百万",
                base_anchor=_BASE,
                bucket_dim="data_volume_bucket",
                buckets=("gb1_100", "gb101_500", "gb501_1024", "tb1_5", "tb6_10", "over_11tb"),
            ),
            # The prose says "10TB 以上" for the bucket 表 3 labels "11TB 以上".
            row(
                r"TB 量级,{Q}超过 10TB",
                year=2022,
                plan_or_actual="actual",
                data_volume_bucket="over_11tb",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"建成 TB 量级图数据库的机构中,{Q}的机构",
                year=2023,
                plan_or_actual="plan",
                data_volume_bucket="over_11tb",
                measure="share",
                restates=True,
                note="Worded as a share of the TB-level institutions, but 31.7% is 13 of all 41 users.",
            ),
            row(
                r"图数据规模将达 10TB 以上,{Q}",
                year=2023,
                plan_or_actual="plan",
                data_volume_bucket="over_11tb",
                measure="yoy_change",
                restates=True,
            ),
            row(
                r"规划中,{Q}机构的图数据规模达 10TB 以上",
                year=2023,
                plan_or_actual="plan",
                data_volume_bucket="over_11tb",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"机构的图数据规模达 10TB 以上,{Q};",
                year=2023,
                plan_or_actual="plan",
                data_volume_bucket="over_11tb",
                measure="yoy_change",
                restates=True,
                **_SUMMARY,
            ),
        ],
    ),
    table(
        "graph_db_scale_by_vertices_edges",
        title="Graph size (vertices plus edges) of the institutions using a graph database, 2022 actual and 2023 plan",
        title_zh="图谱点边数量规模:2022 建设情况与 2023 建设规划",
        description="Number and share of the 41 institutions already using a graph database, by the "
        "number of vertices plus edges of their graphs (2022 actual, 2023 plan), and the year-on-year change.",
        source=_SOURCE,
        dims=("year", "plan_or_actual", "graph_size_bucket", "measure"),
        unit=("count", "percent"),
        warnings=[_DECODING],
        rows=[
            count_share_yoy_block(
                "表 3 vertices and edges",
                label="图谱点边数量规模",
                end=r"表 3已部署",
                base_anchor=_BASE,
                bucket_dim="graph_size_bucket",
                buckets=("upto_1m", "m1_10m", "m10_100m", "m100_1b", "b1_10b", "over_10b"),
            ),
            row(
                r"其中,{Q}达 100 亿以上规模",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="over_10b",
                measure="share",
                restates=True,
            ),
            row(
                r"达 100 亿以上规模,{Q}",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="over_10b",
                measure="yoy_change",
                restates=True,
            ),
            row(
                r"{Q}的被调研机构的图规模将超过 100 亿点边",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="over_10b",
                measure="share",
                restates=True,
                note="图 45: '近20%' restates the 17.1% (7/41) of 表 3.",
            ),
            row(
                r"主流在 1 亿-10 亿点边规模\({Q}\)",
                year=2022,
                plan_or_actual="actual",
                graph_size_bucket="m100_1b",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"{Q}达 10 亿-100 亿点边规模,9",
                year=2022,
                plan_or_actual="actual",
                graph_size_bucket="b1_10b",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"{Q}的机构建设规模达 100 亿以上",
                year=2022,
                plan_or_actual="actual",
                graph_size_bucket="over_10b",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"主流依然为 1 亿-10 亿点边规模\({Q}\)",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="m100_1b",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"{Q}达 10 亿-100 亿点边规模,同比",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="b1_10b",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"达 10 亿-100 亿点边规模,{Q},",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="b1_10b",
                measure="yoy_change",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"{Q}达 100 亿以上点边规模",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="over_10b",
                measure="share",
                restates=True,
                **_SUMMARY,
            ),
            row(
                r"达 100 亿以上点边规模,{Q};",
                year=2023,
                plan_or_actual="plan",
                graph_size_bucket="over_10b",
                measure="yoy_change",
                restates=True,
                **_SUMMARY,
            ),
        ],
    ),
]
