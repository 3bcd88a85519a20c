"""The few SQL differences between SQLite and PostgreSQL that the statistics need, in one place.

Both store instants in UTC: SQLite as ISO 8601 text (`2026-03-02 09:00:00+00:00`), PostgreSQL as `timestamptz`.
A calendar day is the UTC date of an instant; a day count is the difference of two such dates.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient


@dataclass(frozen=True, slots=True)
class Dialect:
    postgres: bool

    def day(self, instant: str) -> str:
        """The UTC calendar day of an instant column."""
        return f"(({instant} AT TIME ZONE 'UTC')::date)" if self.postgres else f"date({instant})"

    def month(self, instant: str) -> str:
        """The first day of the instant's UTC month."""
        if self.postgres:
            return f"(date_trunc('month', {instant} AT TIME ZONE 'UTC')::date)"
        return f"date({instant}, 'start of month')"

    def days_between(self, start: str, end: str) -> str:
        """Calendar days from one instant column to another."""
        if self.postgres:
            return f"({self.day(end)} - {self.day(start)})"
        return f"({self._day_number(end)} - {self._day_number(start)})"

    @staticmethod
    def _day_number(instant: str) -> str:
        """SQLite: the Julian day number of the instant's UTC day (Julian days begin at noon, hence + 0.5)."""
        return f"CAST(julianday({instant}) + 0.5 AS INTEGER)"

    def year(self, instant: str) -> str:
        if self.postgres:
            return f"CAST(EXTRACT(YEAR FROM {instant} AT TIME ZONE 'UTC') AS INTEGER)"
        return f"CAST(strftime('%Y', {instant}) AS INTEGER)"

    def month_number(self, instant: str) -> str:
        if self.postgres:
            return f"CAST(EXTRACT(MONTH FROM {instant} AT TIME ZONE 'UTC') AS INTEGER)"
        return f"CAST(strftime('%m', {instant}) AS INTEGER)"

    def year_of_date(self, day: str) -> str:
        if self.postgres:
            return f"CAST(EXTRACT(YEAR FROM {day}) AS INTEGER)"
        return f"CAST(substr({day}, 1, 4) AS INTEGER)"

    def month_number_of_date(self, day: str) -> str:
        if self.postgres:
            return f"CAST(EXTRACT(MONTH FROM {day}) AS INTEGER)"
        return f"CAST(substr({day}, 6, 2) AS INTEGER)"

    def quarter(self, instant: str) -> str:
        return f"(({self.month_number(instant)} + 2) / 3)"

    def placeholders(self, sql: str) -> str:
        """Our SQL is written with `?`; PostgreSQL wants `$1, $2, ...`."""
        if not self.postgres:
            return sql
        parts = sql.split("?")
        return "".join(part + (f"${i}" if i < len(parts) else "") for i, part in enumerate(parts, start=1))

    def date_value(self, day: date) -> Any:
        """A date parameter: SQLite keeps days as ISO text."""
        return day if self.postgres else day.isoformat()

    def instant_value(self, day: date) -> Any:
        """The start of a UTC day as an instant parameter, comparable with stored instants."""
        start = datetime.combine(day, time(0), tzinfo=UTC)
        return start if self.postgres else start.isoformat(sep=" ")


def dialect_of(conn: BaseDBAsyncClient) -> Dialect:
    return Dialect(postgres=conn.capabilities.dialect == "postgres")


def values(row: Any) -> list[Any]:
    """The columns of a result row from either driver."""
    return [row[i] for i in range(len(row))]
