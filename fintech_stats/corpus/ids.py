"""Stable report ids: the listing's `<publisher>:<title>` line -> a slug that never changes.

Listing positions shift as the site adds reports, so ids are curated here, once per report.
`DIGITS_LOST` names the reports whose extracted text lost its digits (corpus README).
"""

from __future__ import annotations

REPORT_IDS: dict[str, str] = {
    "HundSun恒生电子:2024金融科技趋势研究报告": "hundsun-fintech-trends-2024",
    "金融电子化:2023金融业图数据库建设发展调研报告": "fe-graph-database-survey-2023",
    "中小银行联盟:中小银行金融科技发展研究报告(2023)": "smba-small-bank-fintech-2023",
    "知识产权出版社:金融科技行业2023年专利分析白皮书": "ipph-fintech-patents-2023",
    "中国信托业协会:中国信托业金融科技应用发展报告(2022)": "cta-trust-fintech-2022",
    "IDC&JDT京东科技:2023供应链金融科技发展洞察白皮书": "idc-jdt-supply-chain-fintech-2023",
    "度小满:人工智能在金融行业中的创新应用(2023)": "duxiaoman-ai-in-finance-2023",
    "金融科技行业:稳中可求进静待风来-231116": "bocomi-fintech-sector-2023",
    "中国信通院:中国金融科技生态白皮书(2023年)": "caict-fintech-ecosystem-2023",
    "北京金融科技产业联盟:2023金融机构AI芯片应用情况专题报告": "bfia-ai-chip-adoption-2023",
    "北京前沿金融监管科技研究:2023全球金融科技中心城市报告": "first-global-fintech-hubs-2023",
    "浙江大学互联网金融研究院:2021全球金融科技中心城市报告": "zju-global-fintech-hubs-2021",
    "浙江大学互联网金融研究院:2022全球金融科技中心城市报告": "zju-global-fintech-hubs-2022",
    "QIIA:量子计算金融应用白皮书": "qiia-quantum-computing-finance-2023",
    "哈佛商业评论:挑战与变革 :传统金融机构拥抱 金融科技挑战": "hbr-fintech-challenges-2023",
    "保尔森基金会:金融科技推动中国绿色金融发展:案例与展望(2023)": "paulson-fintech-green-finance-2023",
    "北京金融科技产业联盟:2023金融级混沌测试能力平台建设要求研究报告": "bfia-chaos-testing-2023",
    "北京金融科技产业联盟:2023分布式数据库金融关键业务场景应急处理研究报告": "bfia-distributed-db-emergency-2023",
    "中国支付清算协会:支付清算行业金融科技创新应用案例汇编(2023)": "pcac-payment-fintech-cases-2023",
}

DIGITS_LOST: frozenset[str] = frozenset({"idc-jdt-supply-chain-fintech-2023"})

#: Reports whose text stops before the report ends, and how far it goes.
TRUNCATED: dict[str, str] = {
    "pcac-payment-fintech-cases-2023": (
        "the site's text stops at 99,994 characters, in case 25 of 48: it holds the preface, the contents of "
        "all 48 cases, cases 1-9 and 14-24 whole, case 10 up to its section 四, case 13 from its section 三 "
        "and case 25 up to its section 四; cases 11, 12 and 26-48 are missing (see table payment_cases)"
    ),
}
