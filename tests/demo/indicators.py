"""The five scoreboard indicators of design §5, computed from request records (a check of the demo data's
calibration, independent of the statistics package)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from imi.demo.stories import RequestRecord

WEEK = timedelta(days=7)
NEGATIVE = (1, 2)
GREEN, YELLOW, RED = "green", "yellow", "red"


@dataclass
class Tally:
    received: int = 0
    accepted_in_week: int = 0
    answered: int = 0
    answer_days: float = 0.0
    on_time: int = 0
    timeliness: list[int] = field(default_factory=list)
    efforts: list[int] = field(default_factory=list)

    def values(self) -> dict[str, float | None]:
        def share(part: int, whole: int) -> float | None:
            return 100 * part / whole if whole else None

        return {
            "accepted_within_7_days": share(self.accepted_in_week, self.received),
            "mean_days_to_answer": self.answer_days / self.answered if self.answered else None,
            "answered_by_agreed_date": share(self.on_time, self.answered),
            "negative_timeliness": share(sum(r in NEGATIVE for r in self.timeliness), len(self.timeliness)),
            "negative_efforts": share(sum(r in NEGATIVE for r in self.efforts), len(self.efforts)),
        }


def in_scope(record: RequestRecord) -> bool:
    """Sent; not withdrawn within 7 days of sending unless already accepted."""
    if record.sent_at is None:
        return False
    quick = record.withdrawn_at is not None and record.withdrawn_at - record.sent_at <= WEEK
    return not (quick and record.accepted_at is None)


def by_country(records: Iterable[RequestRecord], year: int) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for record in records:
        if record.sent_at is None or record.sent_at.year != year or not in_scope(record):
            continue
        tally = tallies[record.responding_country or ""]
        tally.received += 1
        if record.accepted_at is not None and record.accepted_at - record.sent_at <= WEEK:
            tally.accepted_in_week += 1
        if record.answered_at is not None:
            tally.answered += 1
            tally.answer_days += (record.answered_at - record.sent_at).total_seconds() / 86400
            agreed = record.agreed_reply_date
            tally.on_time += agreed is not None and record.answered_at.date() <= agreed
        if record.survey_timeliness is not None:
            tally.timeliness.append(record.survey_timeliness)
        if record.survey_efforts is not None:
            tally.efforts.append(record.survey_efforts)
    return dict(tallies)


def colour(indicator: str, value: float) -> str:
    rounded = int(value + 0.5)
    if indicator in ("accepted_within_7_days", "answered_by_agreed_date"):
        return GREEN if rounded >= 80 else YELLOW if rounded >= 60 else RED
    if indicator == "mean_days_to_answer":
        return GREEN if rounded < 16 else YELLOW if rounded <= 25 else RED
    return GREEN if rounded < 5 else YELLOW if rounded < 15 else RED


SCORE = {GREEN: 1, YELLOW: 0, RED: -1}


def overall(values: dict[str, float | None]) -> str:
    total = sum(SCORE[colour(name, value)] for name, value in values.items() if value is not None)
    return GREEN if total >= 2 else RED if total <= -2 else YELLOW
