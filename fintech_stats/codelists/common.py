"""Codelists used across reports: institution types, regions, actual vs plan, measures."""

from __future__ import annotations

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    "institution_type": {
        "all": ("全部", "All institutions"),
        "large_state_owned_bank": ("国有大型商业银行", "Large state-owned commercial banks"),
        "joint_stock_bank": ("股份制银行", "Joint-stock commercial banks"),
        "city_commercial_bank": ("城商行", "City commercial banks"),
        "rural_credit_cooperative": ("农信社(农商行)", "Rural credit cooperatives and rural commercial banks"),
        "other_financial_institution": ("其他金融机构", "Other financial institutions"),
        "insurance_and_securities": ("保险与证券机构", "Insurance and securities firms"),
        "city_and_rural_banks": ("城商行及农信社", "City commercial banks and rural credit cooperatives"),
        "state_joint_stock_insurance_securities": (
            "国有大行、股份制银行、保险及证券机构",
            "Large state-owned banks, joint-stock banks, insurance and securities firms (each)",
        ),
        "joint_stock_city_rural_banks": (
            "股份制银行、城商行及农信社(农商行)",
            "Joint-stock banks, city commercial banks and rural credit cooperatives (together)",
        ),
        "state_owned_and_insurance_securities": (
            "国有大行、保险和证券机构",
            "Large state-owned banks, insurance and securities firms (each)",
        ),
        "joint_stock_and_insurance_securities": (
            "股份制银行与保险证券公司",
            "Joint-stock banks and insurance/securities firms (each)",
        ),
        "state_owned_and_joint_stock_banks": (
            "国有大行、股份制银行",
            "Large state-owned and joint-stock banks (together)",
        ),
        "city_rural_insurance_securities": (
            "城商行、农信社(农商行)、保险与证券机构",
            "City commercial banks, rural credit cooperatives, insurance and securities firms (together)",
        ),
        "city_banks_and_insurance_securities": (
            "城商行与保险、证券机构",
            "City commercial banks and insurance and securities firms (together)",
        ),
    },
    "region": {
        "all": ("全部", "All regions"),
        "yangtze_river_delta": ("长三角", "Yangtze River Delta"),
        "pearl_river_delta": ("珠三角", "Pearl River Delta"),
        "beijing_tianjin_hebei": ("京津冀", "Beijing-Tianjin-Hebei"),
        "central": ("中部", "Central China"),
        "western": ("西部", "Western China"),
        "northeast": ("东北", "Northeast China"),
        "yangtze_and_pearl_river_deltas": ("长三角、珠三角", "Yangtze and Pearl River Deltas (each)"),
        "beibu_gulf_city_cluster": ("北部湾城市群", "Beibu Gulf city cluster"),
        "chengdu_chongqing_city_cluster": ("成渝城市群", "Chengdu-Chongqing city cluster"),
        "northeast_three_provinces": ("东三省", "Three northeastern provinces"),
        "lanzhou_xining_city_cluster": ("兰西城市群", "Lanzhou-Xining city cluster"),
        "central_guizhou_city_cluster": ("黔中城市群", "Central Guizhou city cluster"),
        "middle_yangtze_city_cluster": ("长江中游城市群", "Middle Yangtze River city cluster"),
        "central_plains_city_cluster": ("中原城市群", "Central Plains city cluster"),
    },
    "plan_or_actual": {
        "actual": ("建设现状", "Actual"),
        "plan": ("规划", "Plan"),
    },
    "measure": {
        "count": ("数量", "Count of institutions"),
        "share": ("占比", "Share of institutions"),
        "yoy_change": ("同比变化", "Year-on-year change"),
        "value": ("数值", "Value"),
        "yoy_change_max": ("最高同比增长", "Largest year-on-year change"),
    },
}
