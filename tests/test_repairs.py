"""Each named repair, once, on the damage it exists for."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fintech_stats.curation.layouts import encode_garbled, split_glued_counts
from fintech_stats.errors import QuantityParseError
from fintech_stats.text.repairs import REWRITES, admits, decode_glyph, reparse


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [("f.7%", "66.7%"), ("u.0%", "75.0%"), ("S.8%", "53.8%"), ("3.3%", "33.3%"), (" .0%", "20.0%")],
)
def test_glyph_decoded(garbled: str, clean: str) -> None:
    assert decode_glyph(garbled) == clean
    assert reparse(garbled, "glyph_decoded").value == Decimal(clean.rstrip("%"))


def test_glyph_decoded_refuses_wide_characters() -> None:
    with pytest.raises(QuantityParseError):
        decode_glyph("图.7%")


def test_control_char_dropped_admits_only_control_codes() -> None:
    # ".4" lost "15" (0x15, a control character): 15.4 fits, 25.4 (0x25 is '%', printable) does not.
    assert admits(".4", "control_char_dropped", Decimal("15.4"))
    assert admits("6.7", "control_char_dropped", Decimal("166.7"))
    assert admits(".7%", "control_char_dropped", Decimal("85.7"))
    assert not admits(".4", "control_char_dropped", Decimal("25.4"))
    assert not admits(".4", "control_char_dropped", Decimal("15.5"))


def test_encode_garbled_is_the_inverse_of_the_repairs() -> None:
    for value in ("66.7", "75.0", "53.8", "33.3", "20.0", "15.4", "166.7", "85.7", "-43.8", "6.7"):
        printed, repair = encode_garbled(Decimal(value))
        assert admits(printed, repair, Decimal(value)), (value, printed, repair)
    assert encode_garbled(Decimal("15.4")) == (".4", "control_char_dropped")
    assert encode_garbled(Decimal("-50.0")) == ("-50.0", None)


def test_chars_doubled() -> None:
    assert REWRITES["chars_doubled"]("年年") == "年"
    assert reparse("80%80%", "chars_doubled").value == Decimal(80)
    assert reparse("8080", "chars_doubled").value == Decimal(80)


@pytest.mark.parametrize(
    "name", ["page_number_glued", "footnote_marker_glued", "digits_glued", "unit_inferred", "sentence_split"]
)
def test_span_repairs_read_the_literal_as_it_is(name: str) -> None:
    # These repairs are about where the span lies (it skips a glued page number, splits a glued run);
    # the literal itself reads as written.
    assert reparse("75.0%", name).value == Decimal("75.0")


def test_header_spliced_drops_the_header_and_its_page_number() -> None:
    spliced = "3908二、金融科技推动中国绿色金融发展:政策、市场与机遇9亿元"
    assert REWRITES["header_spliced"](spliced) == "3908亿元"
    assert reparse(spliced, "header_spliced").value == Decimal("390800000000")
    assert reparse("12.5第三章 案例研究21 万元", "header_spliced").value == Decimal("125000")
    for not_spliced in ["3908亿元", "3908 亿元", "二、引言9亿元", "3908二、引言亿元", "3908亿元,其中811亿元"]:
        with pytest.raises(QuantityParseError):
            reparse(not_spliced, "header_spliced")


def test_header_spliced_reads_in_an_anchor() -> None:
    from fintech_stats.curation.anchors import compile_anchor

    text = "分别发放 3097 亿元、811 亿元,合计 3908二、某报告:政策与机遇9亿元,支持金融机构"
    plain = compile_anchor("合计 {Q},支持").matches(text)
    assert plain == []  # 3908 is not followed by the words
    (hit,) = compile_anchor("合计 {Q},支持").matches(text, repair="header_spliced")
    assert hit.quantities[0].literal == "3908二、某报告:政策与机遇9亿元"


def test_unknown_repair() -> None:
    with pytest.raises(QuantityParseError, match="unknown repair"):
        reparse("1", "made_up")


def test_digits_glued_split_by_shares() -> None:
    shares = [Decimal(s) for s in ("9.8", "39.0", "31.7", "7.3", "12.2")]
    parts, misses = split_glued_counts("4161335", shares, 41)
    assert parts == ["4", "16", "13", "3", "5"] and misses == []
    # One printed typo (26.6 for 36.6) is tolerated and reported.
    shares = [Decimal(s) for s in ("4.9", "22.0", "26.6", "19.5", "14.6")]
    parts, misses = split_glued_counts("291586", shares, 41)
    assert parts == ["2", "9", "15", "8", "6"] and misses == [2]
    with pytest.raises(ValueError, match="no unique split"):
        split_glued_counts("291586", [Decimal("50.0")] * 5, 41)
