"""The demo data generator: `generate(scale, seed)` fills an empty database, deterministically.

Same seed, scale and day: same data. Dates follow `now` (by default the start of the current day, UTC):
history runs from 2008 to it, and the open requests lie in the weeks before it.
"""

import time
from collections import Counter
from datetime import UTC, datetime

from imi.accounts.secrets import hash_password
from imi.authorities.models import Authority
from imi.authorities.service import create_national_coordinator
from imi.demo import writer
from imi.demo.directory import national_details
from imi.demo.progress import Bars, Reporter
from imi.demo.report import Summary, report
from imi.demo.sign_ins import sign_ins
from imi.demo.simulation import plan_world, stream
from imi.demo.vocabulary import country_vocabularies
from imi.errors import ValidationFailed
from imi.exchanges.models import Exchange
from imi.reference import countries

SYSTEM_START = datetime(2007, 11, 5, 9, 0, tzinfo=UTC)
"""When the national coordinators were registered, before the first requests of 2008."""


def start_of_today() -> datetime:
    today = datetime.now(UTC).date()
    return datetime(today.year, today.month, today.day, tzinfo=UTC)


async def generate(scale: float = 1.0, seed: int = 2024, progress: Reporter | None = None,
                   now: datetime | None = None) -> str:
    """Fill the empty database with demo data at `scale` (1: a small demo; 100: the real system's size) and
    return a report: what was made, and the demo sign-ins with their password."""
    if scale <= 0:
        raise ValidationFailed.single("scale", "must be positive")
    if await Authority.exists():
        raise ValidationFailed.single("database", "already has authorities: demo data goes into an empty database")
    now = now or start_of_today()
    started = time.perf_counter()
    with progress or Bars() as bars:
        bars.phase("Coordinators", len(countries()))
        national_ids = {}
        rng = stream(seed, "coordinators")
        for each in countries():
            details = national_details(country_vocabularies()[each.code], rng)
            national_ids[each.code] = (await create_national_coordinator(details, SYSTEM_START)).id
            bars.advance()
        ids = await writer.next_ids()
        world = plan_world(scale, seed, now, national_ids, ids[Authority], ids[writer.User])
        await writer.write_directory(world.directory, bars)
        await writer.write_staff(world.staff, hash_password(sign_ins().password), bars)
        sink = writer.RequestSink(ids[Exchange], ids[writer.ExchangeEvent], ids[writer.Message], bars)
        bars.phase("Requests", world.planned_requests())
        states: Counter[str] = Counter()
        for record in world.requests():
            states[record.state.value] += 1
            await sink.add(record)
        await sink.finish()
        bars.phase("Planner statistics", 1)
        await writer.finish()
        bars.advance()
    summary = Summary(scale=scale, seed=seed, now=now, seconds=time.perf_counter() - started,
                      authorities=Counter(p.status.value for p in world.directory.authorities),
                      countries=len({p.country for p in world.directory.authorities}),
                      users=len(world.staff.users),
                      requests=states, events=sink.next_event - ids[writer.ExchangeEvent],
                      messages=sink.next_message - ids[writer.Message])
    return report(summary, world.staff, world.directory)

