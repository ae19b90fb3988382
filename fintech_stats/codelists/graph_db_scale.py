"""Codelists of the buckets of 表 3 of the graph-database survey (r02): scale of deployments."""

from __future__ import annotations

CODELISTS: dict[str, dict[str, tuple[str, str]]] = {
    "server_node_bucket": {
        "n1": ("1 节点", "1 node"),
        "n2_3": ("2-3 节点", "2-3 nodes"),
        "n4_10": ("4-10 节点", "4-10 nodes"),
        "n11_30": ("11-30 节点", "11-30 nodes"),
        "over_30": ("30 节点(以上)", "More than 30 nodes"),
    },
    "server_core_bucket": {
        "c1_16": ("1-16 核", "1-16 cores"),
        "c17_32": ("17-32 核", "17-32 cores"),
        "c33_64": ("33-64 核", "33-64 cores"),
        "c65_128": ("65-128 核", "65-128 cores"),
        "over_128": ("128 核以上", "More than 128 cores"),
    },
    "data_volume_bucket": {
        "gb1_100": ("1-100GB", "1-100 GB"),
        "gb101_500": ("101-500GB", "101-500 GB"),
        "gb501_1024": ("501-1024GB", "501-1024 GB"),
        "tb1_5": ("1-5TB", "1-5 TB"),
        "tb6_10": ("6-10TB", "6-10 TB"),
        "over_11tb": ("11TB 以上", "11 TB and more"),
    },
    "graph_size_bucket": {
        "upto_1m": ("0-1 百万", "Up to 1 million"),
        "m1_10m": ("1 百万-1千万", "1-10 million"),
        "m10_100m": ("1 千万-1 亿", "10-100 million"),
        "m100_1b": ("1 亿-10 亿", "100 million - 1 billion"),
        "b1_10b": ("10 亿-100 亿", "1-10 billion"),
        "over_10b": ("100 亿以上", "More than 10 billion"),
    },
}
