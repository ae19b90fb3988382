"""r02 background numbers: market forecasts (Gartner, 艾瑞), data-volume estimates (IDC) and the
performance claim of 第二章.

These are third-party figures the report quotes, not survey results.
"""

from __future__ import annotations

from fintech_stats.extractors.anchors import row, table, warning

TABLES = [
    table(
        "graph_db_context_market_forecast",
        title="Gartner forecast of the graph-technology market",
        title_zh="Gartner 图技术市场预测",
        description="Gartner's forecast (2022 图数据库管理系统市场指南) of the graph-technology market "
        "including graph DBMSs, and of the share of data and analytics innovations that use graph "
        "technology, as the report quotes it.",
        source="第二章 三、1 全球市场现状",
        dims=("market_research_source", "year", "market_estimate_measure"),
        unit=("USD", "percent"),
        warnings=[
            warning(
                "source",
                "Third-party forecast quoted by the report; the CAGR's start year is not "
                "given (the row is filed under the 2025 horizon).",
            ),
        ],
        rows=[
            row(
                r"图技术市场将增长到 {Q},",
                market_research_source="gartner",
                year=2025,
                market_estimate_measure="market_size",
                note="Forecast.",
            ),
            row(
                r"年复合增长率为 {Q}”",
                market_research_source="gartner",
                year=2025,
                market_estimate_measure="cagr",
                note="Forecast to 2025; start year not given.",
            ),
            row(
                r"图技术将用于 {Q}的数据和分析创新",
                market_research_source="gartner",
                year=2025,
                market_estimate_measure="share_of_data_analytics_innovation",
                note="Forecast.",
            ),
            row(
                r"高于 2021 年的 {Q},",
                market_research_source="gartner",
                year=2021,
                market_estimate_measure="share_of_data_analytics_innovation",
            ),
        ],
    ),
    table(
        "graph_db_context_kg_market_size",
        title="Market for core knowledge-graph products in AI finance (iResearch)",
        title_zh="AI 金融领域知识图谱核心产品市场规模",
        description="iResearch (艾瑞) estimate of the market for core knowledge-graph products in AI "
        "finance, 2021 and forecast 2026, and its compound annual growth rate.",
        source="第四章 三、2 与 ML、DL 等人工智能技术结合",
        dims=("market_research_source", "year", "market_estimate_measure"),
        unit=("CNY", "percent"),
        warnings=[
            warning("typo", "The CAGR period is printed '2021-2016 年'; it is 2021-2026 ((68/21)^(1/5) - 1 = 26.5%)."),
        ],
        rows=[
            row(
                r"知识图谱核心产品市场规模达 {Q},预计",
                market_research_source="iresearch",
                year=2021,
                market_estimate_measure="market_size",
            ),
            row(
                r"核心产品市场规模达到 {Q},",
                market_research_source="iresearch",
                year=2026,
                market_estimate_measure="market_size",
                note="Forecast (预计).",
            ),
            row(
                r"年复合增长率高达 {Q}。",
                market_research_source="iresearch",
                year=2026,
                market_estimate_measure="cagr",
                note="CAGR 2021-2026; the text prints the period as '2021-2016 年' (typo).",
            ),
        ],
    ),
    table(
        "graph_db_context_data_volume",
        title="Estimates of data volumes quoted as background",
        title_zh="数据总量估算",
        description="IDC's estimate of the world's data in 2025, and the report's statement on the "
        "data held by Chinese financial data warehouses (in TB: 1 ZB = 10^9 TB, 1 PB = 10^3 TB).",
        source="第四章 二、3 图数据库建设与应用规模增速迅猛",
        dims=("market_research_source", "year", "data_volume_scope"),
        unit="TB",
        rows=[
            row(
                r"全球数据总量将达到 {Q}。",
                market_research_source="idc",
                year=2025,
                data_volume_scope="global_data_total",
                note="IDC forecast; 175 ZB.",
            ),
            row(
                r"数据仓库已经陆续{Q} 的数据量",
                market_research_source="report_authors",
                year=2023,
                data_volume_scope="china_financial_data_warehouse",
                note="目前 (at the time of the report, 2023); verbal 超过数百 PB (more than several "
                "hundred PB), a lower bound of 100 PB.",
            ),
        ],
    ),
    table(
        "graph_db_performance_claims",
        title="Performance claims for graph databases",
        title_zh="图数据库性能优势",
        description="Speed-ups the report claims for graph databases over relational databases; "
        "verbal orders of magnitude, not benchmark results.",
        source="第二章 一、3 图数据库的优势",
        dims=("graph_db_performance_comparison",),
        unit="times",
        warnings=[
            warning(
                "verbal",
                "数万倍 (tens of thousands of times) is a verbal order of magnitude with no "
                "benchmark behind it; the value is its lower bound, 10,000.",
            ),
        ],
        rows=[
            row(r"可以{Q}提升关联查询的效率", graph_db_performance_comparison="association_query_vs_relational"),
        ],
    ),
]
