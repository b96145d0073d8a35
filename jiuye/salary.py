"""Salary text as Chinese job sites write it, to min / max / unit / months, and back for display.

"6000-8000元/月", "1-1.5万/月", "8千-1.2万", "10k-20k", "15-25K·13薪", "20万/年", "面议", "150元/天" …
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

UNITS = {"月": "MONTH", "年": "YEAR", "天": "DAY", "小时": "HOUR", "周": "WEEK"}
_UNIT_WORDS = (
    (("小时", "时", "h", "hour"), "小时"),
    (("天", "日", "day"), "天"),
    (("周", "week"), "周"),
    (("年", "year", "annum"), "年"),
    (("月", "month"), "月"),
)
_NEGOTIABLE = re.compile(r"面议|面谈|议定|商议|协商|待定|negotiable", re.IGNORECASE)
_NUMBER = r"(\d+(?:\.\d+)?)\s*([万千kKwW]|元)?"
_RANGE = re.compile(_NUMBER + r"\s*(?:-|~|～|至|到|—|–)\s*" + _NUMBER)
_SINGLE = re.compile(_NUMBER)
_MONTHS = re.compile(r"(\d{2})\s*薪")
_AT_LEAST = re.compile(r"以上|起|\+|及以上|不低于|最低|底薪|保底")
_AT_MOST = re.compile(r"以下|以内|最高|不超过")
_PER_UNIT = re.compile(r"(?:/|每|一|元)\s*(小时|时|天|日|周|月|年)|(时薪|日薪|周薪|月薪|年薪)")
_MULTIPLIER = {"万": 10000, "w": 10000, "W": 10000, "千": 1000, "k": 1000, "K": 1000, "元": 1, None: 1}


class SalaryError(ValueError):
    """Text that names no salary."""


@dataclass(frozen=True)
class Salary:
    minimum: float | None
    maximum: float | None
    unit: str = "月"  # 月 / 年 / 天 / 小时 / 周
    months: int | None = None  # 13薪: paid 13 months a year
    negotiable: bool = False

    @property
    def schema_unit(self) -> str:
        return UNITS[self.unit]

    def display(self) -> str:
        """As people read it: 6000-8000元/月, 1-1.5万元/月·13薪, 3000元/月以上, 面议."""
        if self.negotiable:
            return "面议"
        low, high = self.minimum, self.maximum
        values = [v for v in (low, high) if v is not None]
        in_wan = all(v >= 10000 for v in values)

        def fmt(v: float) -> str:
            return f"{v / 10000:g}" if in_wan else f"{v:g}"

        scale = "万元" if in_wan else "元"
        if low is not None and high is not None and low != high:
            text = f"{fmt(low)}-{fmt(high)}{scale}/{self.unit}"
        elif low is not None and high is None:
            text = f"{fmt(low)}{scale}/{self.unit}以上"
        elif low is None and high is not None:
            text = f"{fmt(high)}{scale}/{self.unit}以下"
        else:
            text = f"{fmt(values[0])}{scale}/{self.unit}"
        return f"{text}·{self.months}薪" if self.months else text


def _value(number: str, scale: str | None) -> float:
    return float(number) * _MULTIPLIER[scale]


def _unit(text: str) -> str | None:
    match = _PER_UNIT.search(text)
    if match:
        word = match.group(1) or match.group(2)[0]
        return next(unit for words, unit in _UNIT_WORDS if word in words)
    lowered = text.lower()
    for words, unit in _UNIT_WORDS:
        if any(f"/{w}" in lowered or f"per {w}" in lowered for w in words):
            return unit
    return None


def parse(text: str) -> Salary:
    """Raises SalaryError when the text holds no salary."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        raise SalaryError("empty salary")
    if _NEGOTIABLE.search(raw) and not re.search(r"\d", raw):
        return Salary(None, None, negotiable=True)
    months_match = _MONTHS.search(raw)
    months = int(months_match.group(1)) if months_match else None
    body = _MONTHS.sub("", raw).replace(",", "")
    unit = _unit(body)
    match = _RANGE.search(body)
    if match:
        low_number, low_scale, high_number, high_scale = match.groups()
        # "1-1.5万": the scale written once applies to both ends.
        low_scale = low_scale if low_scale not in (None, "元") else high_scale
        low, high = _value(low_number, low_scale), _value(high_number, high_scale)
        if low > high:
            raise SalaryError(f"minimum above maximum: {text!r}")
    else:
        single = _SINGLE.search(body)
        if not single:
            raise SalaryError(f"no amount in {text!r}")
        amount = _value(*single.groups())
        if _AT_MOST.search(body):
            low, high = None, amount
        elif _AT_LEAST.search(body):
            low, high = amount, None
        else:
            low = high = amount
    largest = max(v for v in (low, high) if v is not None)
    if unit is None:
        # No unit written: 20-30万 is a year's pay, 150 a day's, 6000 a month's.
        unit = "年" if largest >= 100000 else "天" if largest < 500 else "月"
    if largest <= 0 or largest > 10_000_000:
        raise SalaryError(f"implausible amount in {text!r}")
    return Salary(low, high, unit, months)
