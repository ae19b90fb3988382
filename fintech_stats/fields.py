"""The field registry: every column name of every table, with its zh header, en header and meaning.

One place for what a column means (after PUDL's `metadata/fields.py`): the data dictionary, the
datapackage.json of downloads and the Chinese headers of `--labels zh` downloads read it.  Every
dimension of every table must be here (a test checks).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FIELDS", "Field", "field"]


@dataclass(frozen=True)
class Field:
    """A column: Chinese header, English header, description."""

    zh: str
    en: str
    description: str


_STANDARD = {
    "value": Field(
        "数值", "Value", "The number the report states, in `unit` (percent in points, money in base units)."
    ),
    "value_high": Field("数值上限", "Value (high end)", "The high end of a range; empty unless qualifier is range."),
    "unit": Field("单位", "Unit", "Unit of value: percent, percentage_point, count, times, CNY, USD, TB, hour, day."),
    "qualifier": Field(
        "限定", "Qualifier", "exact, approx (约/近/左右), over (超过/以上/多/余/级), under (不足/以下), range."
    ),
    "report_id": Field("报告编号", "Report id", "Stable id of the source report (see reports())."),
    "span_start": Field("起始位置", "Span start", "Code-point offset of the literal in the report text."),
    "span_end": Field("结束位置", "Span end", "Code-point offset just after the literal."),
    "literal": Field("原文", "Literal", "The exact text the value was read from."),
    "repair": Field("修复规则", "Repair", "The named rule that read a damaged literal, if any."),
    "note": Field("备注", "Note", "A curator's remark where the text is contradictory or unclear."),
}

_DIMENSIONS = {
    "year": Field("年份", "Year", "Calendar year the value refers to."),
    "plan_or_actual": Field("现状或规划", "Actual or plan", "Whether the value is the actual state or a plan."),
    "measure": Field("指标", "Measure", "What the value measures: count, share, year-on-year change."),
    "institution_type": Field("机构类型", "Institution type", "Type of financial institution the value is about."),
    "region": Field("区域", "Region", "Region of China the value is about."),
    "population": Field("样本范围", "Population", "The set of institutions the value is counted in or is a share of."),
    "business_line": Field("业务条线", "Business line", "Business line of the application."),
    "scenario": Field("应用场景", "Scenario", "Graph application scenario (表 2 of the graph-database survey)."),
    "case_institution": Field("案例机构", "Case institution", "Institution of a case study."),
    "case_metric": Field("案例指标", "Case metric", "What a case-study number measures."),
    "server_node_bucket": Field("服务器节点数量", "Server nodes", "Number of server nodes of a deployment (bucket)."),
    "server_core_bucket": Field("服务器核数", "Server CPU cores", "Number of CPU cores of the servers (bucket)."),
    "data_volume_bucket": Field("存储规模", "Data volume", "Storage size of the graph data (bucket)."),
    "graph_size_bucket": Field("图谱点边数量规模", "Graph size", "Number of vertices plus edges (bucket)."),
    "graph_scale_dimension": Field("规模维度", "Scale dimension", "Which scale a threshold is on."),
    "graph_scale_band": Field("规模区间", "Scale band", "A threshold or band of scale."),
    "scale_range_bound": Field("范围端点", "Range bound", "Lower or upper end of a stated range."),
    "data_volume_scope": Field("数据范围", "Data scope", "Whose data volume an estimate is of."),
    "market_research_source": Field("研究机构", "Research source", "The firm a market figure is quoted from."),
    "market_estimate_measure": Field("市场指标", "Market measure", "What a market figure measures."),
    "graph_db_usage_stage": Field("使用阶段", "Usage stage", "Stage of graph-database awareness and use."),
    "graph_db_non_adoption_reason": Field(
        "未应用原因", "Reason for not adopting", "Why an institution does not use one."
    ),
    "graph_db_app_scenario": Field(
        "应用场景", "Application scenario", "Scenario a graph-database application rate is of."
    ),
    "graph_db_performance_comparison": Field(
        "性能对比", "Performance comparison", "What a performance claim compares."
    ),
    "graph_db_selection_dimension": Field("评估维度", "Evaluation dimension", "One of the four evaluation dimensions."),
    "graph_db_selection_factor": Field("评估因素", "Evaluation factor", "An individual evaluation factor."),
    "graph_db_selection_criterion": Field("评估指标", "Evaluation criterion", "A criterion or dimension of selection."),
    "graph_db_selection_measure": Field(
        "评估口径", "Importance measure", "Important, ranked first, or in the top three."
    ),
    "graph_db_security_requirement": Field(
        "安全要求", "Security requirement", "A security or controllability requirement."
    ),
    "graph_db_adoption_challenge": Field("建设难点", "Adoption challenge", "A difficulty in applying graph databases."),
    "graph_db_adoption_driver": Field("采购动因", "Adoption driver", "Why institutions bought a graph database."),
    "graph_db_build_approach": Field("建设路径", "Build approach", "Self-build, vendor, single or several vendors."),
    "graph_db_standards_view": Field("标准看法", "View on standards", "A view on standards and benchmark tests."),
    "graph_db_vendor_support_type": Field("支持类型", "Support type", "Kind of support wanted from vendors."),
    "graph_talent_status": Field("人才状况", "Talent status", "Talent shortage or hiring status."),
    "graph_generation": Field(
        "图应用代际", "Graph generation", "Graph 1.0 (static), 2.0 (large), 3.0 (real-time) apps."
    ),
    "graph_ai_technology": Field("人工智能技术", "AI technology", "AI technology to combine with graph databases."),
    "time_series_attitude": Field("时序分析态度", "Time-series attitude", "Attitude to time-series graph analysis."),
}

#: Every column name -> its Field.
FIELDS: dict[str, Field] = {**_DIMENSIONS, **_STANDARD}


def field(name: str) -> Field:
    """The Field of a column (KeyError names the column)."""
    if name not in FIELDS:
        raise KeyError(f"column {name!r} is not in the field registry (fintech_stats/fields.py)")
    return FIELDS[name]
