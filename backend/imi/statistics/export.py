"""Scoreboard, trend and usage results as CSV tables (pure): one header row, one row per country or group."""

import csv
import io
from collections.abc import Iterable, Sequence

from imi.statistics.indicators import DEFINITIONS, Assessment, Reading
from imi.statistics.service import Scoreboard, Trend, Usage
from imi.statistics.usage import key_columns

EEA = "EEA"
READING_FIELDS = ("value", "rounded", "numerator", "denominator", "colour")


def _indicator_columns() -> list[str]:
    return [f"{d.indicator.value.lower()}_{part}" for d in DEFINITIONS for part in READING_FIELDS]


ASSESSMENT_COLUMNS = ["requests", "withdrawn_early", "awaiting_answer", *_indicator_columns(), "total_score",
                      "overall", "missing_indicators"]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _reading(r: Reading) -> list[str]:
    value = "" if r.approximate is None else f"{r.approximate:.4f}".rstrip("0").rstrip(".")
    return [value, _cell(r.rounded), str(r.numerator), str(r.denominator), _cell(r.colour and r.colour.value)]


def _assessment(a: Assessment) -> list[str]:
    c = a.counts
    cells = [str(c.requests), str(c.withdrawn_early), str(c.awaiting_answer)]
    for reading in a.readings:
        cells += _reading(reading)
    return [*cells, _cell(a.total_score), _cell(a.overall and a.overall.value), " ".join(i.value for i in a.missing)]


def scoreboard_table(board: Scoreboard) -> list[list[str]]:
    """One row per chosen country, then the EEA average."""
    context = [board.period.start.isoformat(), board.period.end.isoformat(), " ".join(board.areas),
               board.rounding.value, _cell(board.acceptance_judged_until and board.acceptance_judged_until.isoformat())]
    header = ["from", "to", "areas", "rounding", "acceptance_judged_until", "country", *ASSESSMENT_COLUMNS]
    rows = [[*context, c.country, *_assessment(c.assessment)] for c in board.countries]
    return [header, *rows, [*context, EEA, *_assessment(board.eea_average)]]


def trend_table(found: Trend) -> list[list[str]]:
    """Two rows per year: the country, then the EEA average."""
    header = ["year", "areas", "rounding", "acceptance_judged_until", "country", *ASSESSMENT_COLUMNS]
    rows = []
    for year in found.years:
        context = [str(year.year), " ".join(found.areas), found.rounding.value,
                   _cell(year.acceptance_judged_until and year.acceptance_judged_until.isoformat())]
        rows.append([*context, found.country, *_assessment(year.country)])
        rows.append([*context, EEA, *_assessment(year.eea_average)])
    return [header, *rows]


def usage_table(found: Usage) -> list[list[str]]:
    keys = key_columns(found.query.group_by)
    return [[*keys, "count"], *([*(_cell(getattr(r, k)) for k in keys), str(r.count)] for r in found.rows)]


def to_csv(table: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(table)
    return out.getvalue()
