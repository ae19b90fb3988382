"""Charts of Chinese labels: pick a CJK font for matplotlib when one is installed.

matplotlib's default font has no Chinese glyphs, so a chart of `labels="zh"` shows boxes.
`use_cjk_font()` looks for a font with CJK glyphs among the installed ones (Noto Sans CJK, Source
Han Sans, WenQuanYi, SimHei, PingFang, Microsoft YaHei, ...) and makes it matplotlib's first
sans-serif font; it returns the font's name, or None when none is installed (then install one:
`apt-get install fonts-noto-cjk` on Debian, or use `labels="en"`).
"""

from __future__ import annotations

__all__ = ["CJK_FONTS", "use_cjk_font"]

#: Font families with CJK glyphs, in order of preference.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "AR PL UMing CN",
)


def use_cjk_font() -> str | None:
    """Make the first installed CJK font matplotlib's sans-serif font; its name, or None."""
    from matplotlib import font_manager, rcParams

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            rcParams["font.sans-serif"] = [name, *rcParams["font.sans-serif"]]
            rcParams["font.family"] = "sans-serif"
            rcParams["axes.unicode_minus"] = False  # CJK fonts often lack the minus glyph
            return name
    return None
