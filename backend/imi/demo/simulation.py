"""The whole demo world as plans, without storage: the directory, its users, and every request's story in
the order the requests were written. The generator stores it; tests inspect it directly."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from imi.demo.behaviour import World, live
from imi.demo.calibration import flows
from imi.demo.directory import Directory, plan_directory
from imi.demo.people import Staff, plan_staff
from imi.demo.requests import RequestPlanner
from imi.demo.showcase import showcase
from imi.demo.stories import RequestRecord


def stream(seed: int, phase: str) -> random.Random:
    """The random stream of one phase (string seeds are hashed the same way in every process), so that
    changing one phase's vocabulary leaves the others' draws alone."""
    return random.Random(f"{seed}:{phase}")


@dataclass
class DemoWorld:
    directory: Directory
    staff: Staff
    planner: RequestPlanner
    showcase: list[RequestRecord]

    def planned_requests(self) -> int:
        """About how many requests `requests()` yields (sent ones exactly, drafts estimated)."""
        return round(self.planner.planned() * 1.012) + len(self.showcase)

    def requests(self) -> Iterator[RequestRecord]:
        """Every request's story up to `now`, in the order the requests were written."""
        world = self.planner.world
        for year, seeds in self.planner.years():
            stories = (live(world, seed) for seed in seeds)
            if year == world.now.year:
                yield from sorted([*stories, *self.showcase], key=lambda r: r.created_at)
            else:
                yield from stories


def plan_world(scale: float, seed: int, now: datetime, national_ids: dict[str, int], first_authority_id: int,
               first_user_id: int) -> DemoWorld:
    """The demo world at `scale`: the national coordinators have `national_ids`; other ids start as given."""
    directory = plan_directory(stream(seed, "directory"), scale, now, national_ids, first_authority_id)
    staff = plan_staff(stream(seed, "staff"), directory, now, first_user_id)
    tiers = flows().tiers
    planner = RequestPlanner(World(stream(seed, "requests"), now, directory, staff, tiers), scale)
    shown = showcase(World(stream(seed, "showcase"), now, directory, staff, tiers))
    return DemoWorld(directory, staff, planner, shown)
