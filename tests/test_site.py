"""The static site (`fintech_stats.outputs.site`): its files, its deep links, and a real headless Chromium.

The site is built once into a temporary directory.  The browser tests open it from file:// in the
system's Chromium through its chromedriver (selenium); they are skipped, saying why, only when the
browser, the driver or selenium is not installed.  Screenshots go to $FINTECH_STATS_SCREENSHOTS
(default: the test's temporary directory).
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import random
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import fintech_stats as fs
from fintech_stats import store
from fintech_stats.corpus import reports as corpus
from fintech_stats.errors import ExportTargetError, ExportTargetExistsError
from fintech_stats.outputs import site


@dataclass(frozen=True)
class _Built:
    out: Path


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> _Built:
    out = tmp_path_factory.mktemp("site") / "site"
    site.build_site(out)
    return _Built(out)


@pytest.fixture(scope="module")
def site_dir(built_site: _Built) -> Path:
    return built_site.out


class _Ids(html.parser.HTMLParser):
    """The text content of every element with an id (nested elements included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.text: dict[str, list[str]] = {}
        self.classes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        ident = found.get("id")
        self.open.append((tag, ident))
        if ident:
            assert ident not in self.text, f"duplicate id {ident}"
            self.text[ident] = []
            self.classes[ident] = found.get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self.open:
            if ident:
                self.text[ident].append(data)


def _ids(path: Path) -> dict[str, str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return {k: "".join(v) for k, v in parser.text.items()}


def test_layout(built_site: _Built) -> None:
    # How long the build takes is measured by benchmarks/run.py (site_build, target 10 s), not here.
    out = built_site.out
    assert (out / "index.html").is_file() and (out / site.MARKER).is_file()
    for name in fs.tables():
        assert (out / "tables" / f"{name}.html").is_file(), name
        for fmt in ("csv", "xlsx", "parquet"):
            assert (out / "downloads" / fmt / f"{name}.{fmt}").stat().st_size > 0, (name, fmt)
    for rid in fs.reports()["report_id"]:
        assert (out / "reports" / f"{rid}.html").is_file(), rid
    assert not list(out.parent.glob(".site-*")), "a staging directory was left behind"


def test_downloads_hold_the_table(site_dir: Path) -> None:
    name = fs.tables()[0]
    parquet = pd.read_parquet(site_dir / "downloads" / "parquet" / f"{name}.parquet")
    pd.testing.assert_frame_equal(parquet, fs.load(name), check_categorical=False)
    csv = pd.read_csv(site_dir / "downloads" / "csv" / f"{name}.csv", encoding="utf-8-sig")
    assert len(csv) == len(fs.load(name))
    xlsx = pd.read_excel(site_dir / "downloads" / "xlsx" / f"{name}.xlsx", sheet_name=None)
    assert len(next(df for sheet, df in xlsx.items() if sheet not in ("README", "catalog"))) == len(fs.load(name))


def test_every_claim_has_its_deep_link(site_dir: Path) -> None:
    claims = fs.claims()
    for rid, group in claims.groupby("report_id"):
        ids = _ids(site_dir / "reports" / f"{rid}.html")
        for row in group.itertuples():
            ident = site.claim_id(row.span_start, row.span_end)
            assert ids.get(ident) == row.literal, (rid, ident, ids.get(ident), row.literal)


def test_table_pages_link_every_value(site_dir: Path) -> None:
    for name in fs.tables():
        page = (site_dir / "tables" / f"{name}.html").read_text(encoding="utf-8")
        frame = fs.load(name)
        links = set(re.findall(r'class="value" href="\.\./reports/([^"#]+)\.html#(c-\d+-\d+)"', page))
        want = {(r.report_id, site.claim_id(r.span_start, r.span_end)) for r in frame.itertuples()}
        assert want <= links, (name, sorted(want - links)[:3])
        assert "<svg" in page and "<title>" in page, name


def test_nothing_is_fetched_from_the_network(site_dir: Path) -> None:
    pattern = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)
    for path in site_dir.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not pattern.search(text), f"{path} refers to the network: {pattern.search(text)}"


def test_index_has_the_ledger(site_dir: Path) -> None:
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    for rid in fs.reports()["report_id"]:
        assert f"reports/{rid}.html" in page
    for name in fs.tables():
        assert f"tables/{name}.html" in page
    assert "id='q'" in page and "search-index.js" in page


def test_search_index_is_that_of_search(site_dir: Path) -> None:
    text = (site_dir / "assets" / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(text.removeprefix("window.FS_INDEX = ").rstrip().removesuffix(";"))
    assert [t["name"] for t in data["tables"]] == fs.tables()
    assert len(data["vocab"]) == len(data["idf"])


def test_without_the_corpus_the_claims_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(corpus.ENV_VAR, str(tmp_path / "no-corpus-here"))
    parser = argparse.ArgumentParser()
    site.add_cli(parser.add_subparsers(dest="command"))
    out = tmp_path / "site"
    args = parser.parse_args(["site", "--out", str(out)])
    assert args.run(args) == 0
    claims = fs.claims()
    rid = str(claims["report_id"].iloc[0])
    page = (out / "reports" / f"{rid}.html").read_text(encoding="utf-8")
    assert "The report text is not included" in page
    assert "class='text'" not in page
    ids = _ids(out / "reports" / f"{rid}.html")
    for row in claims[claims["report_id"] == rid].itertuples():
        assert ids[site.claim_id(row.span_start, row.span_end)] == row.literal
    with pytest.raises(fs.CorpusNotFoundError):
        fs.report_text(rid)


def test_refused_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stub(stage: Path, workers: int) -> None:
        (stage / "index.html").write_text("stub", encoding="utf-8")
        (stage / site.MARKER).write_text("{}", encoding="utf-8")

    monkeypatch.setattr(site, "_write_site", stub)
    with pytest.raises(ExportTargetError):
        site.build_site(Path(site.__file__).parent / "site-out")
    with pytest.raises(ExportTargetError):
        site.build_site(store.datasets_dir() / "site")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportTargetError):
        site.build_site(foreign, force=True)
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "mine"
    out = tmp_path / "site"
    site.build_site(out)
    with pytest.raises(ExportTargetExistsError):
        site.build_site(out)
    site.build_site(out, force=True)
    assert (out / "index.html").read_text(encoding="utf-8") == "stub"
    empty = tmp_path / "empty"
    empty.mkdir()
    site.build_site(empty)
    assert (empty / site.MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "foreign", "site"]


def test_format_value() -> None:
    assert site.format_value(83.3, None, "percent", "exact") == "83.3%"
    assert site.format_value(90.0, None, "percent", "over") == ">90%"
    assert site.format_value(1000, 10000, "count", "range") == "1,000–10,000"
    assert site.format_value(1.2e12, None, "CNY", "approx") == "≈1.2 trillion CNY"


# ------------------------------------------------------------------------------------ the browser


def _browser() -> tuple[str, str]:
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is not installed (pip install selenium): the browser tests need it")
    binary = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver = shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.skip("no headless Chromium with chromedriver (apt-get install chromium chromium-driver)")
    return binary, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    binary, driver_path = _browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1400",
        "--no-first-run",
        "--disable-extensions",
        # No connection of Chromium's own (updates, sync, QUIC probes): on a machine with a closed
        # network each refused one is logged as an error, at random moments, on whatever page is open.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-default-apps",
    ):
        options.add_argument(argument)
    # A new, empty profile: nothing of an earlier run (or of the user's browser) is read.
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _errors(driver: Any) -> list[dict[str, Any]]:
    """The errors the open pages logged: a script's, the console's, or a file they failed to load.

    The site is offline by design, so an entry about a network address is Chromium's own traffic
    (the flags above stop most of it), not a fault of a page.
    """
    found = []
    for entry in driver.get_log("browser"):
        if entry.get("level") not in ("SEVERE", "ERROR"):
            continue
        if entry.get("source") == "network" and "file://" not in str(entry.get("message", "")):
            continue
        found.append(entry)
    return found


def _open(driver: Any, path: Path, fragment: str = "") -> None:
    """Open a page and return once its load event has fired (its scripts have run).

    `get()` alone may return before then on a busy machine, so the test waits for the document
    to be `complete`, with a bound, instead of reading it at a fixed moment.
    """
    driver.get(path.resolve().as_uri() + fragment)
    loaded = _wait(lambda: driver.execute_script("return document.readyState;") == "complete", seconds=30.0)
    assert loaded, f"{path.name}{fragment} did not finish loading in 30 s"


def _screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FINTECH_STATS_SCREENSHOTS", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _wait(predicate: Any, seconds: float = 10.0) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("query", "table"),
    [("服务器节点", "graph_db_scale_by_server_nodes"), ("server nodes", "graph_db_scale_by_server_nodes")],
)
def test_search_box_finds_a_table(browser: Any, site_dir: Path, query: str, table: str) -> None:
    from selenium.webdriver.common.by import By

    assert table in fs.search(query)["table"].head(3).tolist()
    _open(browser, site_dir / "index.html")
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query)
    found = _wait(
        lambda: [li.get_attribute("data-table") for li in browser.find_elements(By.CSS_SELECTOR, "#results li")]
    )
    assert found[:10] == fs.search(query, limit=10)["table"].tolist()
    assert table in found[:3]
    browser.find_element(By.CSS_SELECTOR, f'#results li[data-table="{table}"] a').click()
    assert _wait(lambda: browser.current_url.endswith(f"tables/{table}.html"))
    assert _errors(browser) == []


QUERIES = [
    "图数据库 节点",
    "server nodes",
    "graph database nodes",
    "支付",
    "payment",
    "信托 投入",
    "trust investment",
    "专利",
    "patent applications by country",
    "survey respondents by region",
    "graph database adoption by bank type by region",
    "by",
    "图数据库 按地区",
    "按",
    "trust spending",
    "why banks don't adopt graph databases",
    "bank’s scoring of adoption",
    "农行 图计算平台",
    "Scores",
    "don't图数据库 bank's节点",
    "AI芯片 国产化",
    "芯片 采购",
    "IT spending",
    "it spending",
    "图数据库 地区 银行类型",
    "农行 图计算平台",
    "bank type by region",
    "绿色债券",
    "green bond",
    "芯片",
    "AI chip",
    "地区",
    "region",
    "银行类型",
    "bank type",
    "人才",
    "灾备",
    "供应链",
    "supply chain",
    "案例",
    "节点",
    "增长",
    "share",
    "2023",
    "data volume",
    "数据量",
    "国有大行",
    "城商行",
    "percent",
    "CNY",
    "图",
    "x",
    "the of and",
    "",
]


def test_search_box_ranks_as_search(browser: Any, site_dir: Path) -> None:
    _open(browser, site_dir / "index.html")
    for query in QUERIES:
        got = browser.execute_script("return window.FS.search(arguments[0], null);", query)
        want = fs.search(query)
        assert [h["table"] for h in got] == want["table"].tolist(), query
        assert [h["score"] for h in got] == pytest.approx(want["score"].tolist()), query
        assert [h["matched"] for h in got] == want["matched"].tolist(), query


def test_clicking_a_value_shows_its_sentence(browser: Any, site_dir: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    table = "graph_db_scale_by_server_nodes" if "graph_db_scale_by_server_nodes" in fs.tables() else fs.tables()[0]
    _open(browser, site_dir / "tables" / f"{table}.html")
    folder = _screenshots(tmp_path)
    browser.save_screenshot(str(folder / "site-table-page-top.png"))
    link = browser.find_element(By.CSS_SELECTOR, "table.pivot a.value")
    browser.execute_script("document.querySelector('.charts').scrollIntoView({block: 'start'});")
    time.sleep(0.2)
    browser.save_screenshot(str(folder / "site-table-page.png"))
    href = link.get_attribute("href")
    ident = href.rsplit("#", 1)[1]
    link.click()
    assert _wait(lambda: "/reports/" in browser.current_url and browser.current_url.endswith("#" + ident))
    start, end = (int(x) for x in ident.split("-")[1:])
    frame = fs.load(table)
    literal = frame[(frame.span_start == start) & (frame.span_end == end)]["literal"].iloc[0]
    element = browser.find_element(By.ID, ident)
    assert element.get_attribute("textContent") == literal
    assert _wait(lambda: "hl" in (element.get_attribute("class") or "").split())
    assert browser.execute_script("return document.querySelector(':target') === arguments[0];", element)
    assert _wait(
        lambda: browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return r.top > innerHeight / 5 && r.bottom < innerHeight;",
            element,
        )
    ), "the claim is not scrolled into view, with the text above it"
    detail = browser.find_element(By.ID, "detail")
    assert detail.is_displayed() and table in detail.text
    time.sleep(0.2)
    browser.save_screenshot(str(folder / "site-report-page.png"))
    assert _errors(browser) == []
    from PIL import Image

    with Image.open(folder / "site-report-page.png") as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 24) or []
        orange = sum(n for n, p in colours if p[0] > 230 and 110 < p[1] < 160 and p[2] < 40)
    assert orange > 50, "the highlighted claim is not visible in the screenshot"


def test_twenty_random_claims_in_the_rendered_dom(browser: Any, site_dir: Path) -> None:
    claims = fs.claims().drop_duplicates(["report_id", "span_start", "span_end"])
    sample = claims.sample(n=min(20, len(claims)), random_state=random.Random(16).randrange(2**31))
    for row in sample.itertuples():
        ident = site.claim_id(row.span_start, row.span_end)
        _open(browser, site_dir / "reports" / f"{row.report_id}.html", f"#{ident}")
        text = browser.execute_script(
            "const e = document.getElementById(arguments[0]); return e && e.textContent;", ident
        )
        assert text == row.literal, (row.report_id, ident)
        assert _wait(
            lambda ident=ident: browser.execute_script(
                "return document.getElementById(arguments[0]).classList.contains('hl');", ident
            )
        )


def test_every_page_loads_without_console_errors(browser: Any, site_dir: Path) -> None:
    pages = [site_dir / "index.html", *sorted((site_dir / "tables").glob("*.html"))]
    pages += sorted((site_dir / "reports").glob("*.html"))
    problems = {}
    browser.get_log("browser")
    for page in pages:
        _open(browser, page)
        errors = _errors(browser)
        if errors:
            problems[page.name] = errors
    assert problems == {}
