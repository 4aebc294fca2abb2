"""A period counted in days always says which days it counts.

Legal periods run in two kinds of day: the openness regulation counts 工作日 (its 20-day reply,
7-day correction notice, 15-day consultation), while the review and litigation laws, and most
else, count 自然日 (复议 60 日, 诉讼 15 日 after review). A bare "60日" or "15天" leaves a
citizen or a handler to guess which, and a wrong guess loses a remedy. This finds such bare
periods in text the platform shows, so a test can keep every page and letter explicit."""

import re

_NUMBER = r"(?:\d+|[一二两三四五六七八九十百]+)"
# A number of days, optionally with 个, not part of a date (…月3日, 第3日) and not already
# 工作日 or 自然日 (those read 个工作日 / 个自然日, so the 日 does not follow the number).
_BARE_PERIOD = re.compile(rf"(?<![月第\d一二两三四五六七八九十百]){_NUMBER}个?[日天](?![期历])")


def bare_day_periods(text: str) -> list[str]:
    """Every "N日" / "N天" in `text` that does not say 工作日 or 自然日 (spaces dropped
    first, so "1 月 31 日" reads as the date it is)."""
    return [m.group(0) for m in _BARE_PERIOD.finditer(re.sub(r"\s+", "", text or ""))]
