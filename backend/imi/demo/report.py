"""The report `imi seed demo` prints: what was generated, and the demo sign-ins."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from imi.demo.directory import Directory
from imi.demo.people import Staff
from imi.demo.sign_ins import sign_ins


@dataclass(frozen=True)
class Summary:
    scale: float
    seed: int
    now: datetime
    seconds: float
    authorities: Counter[str]
    countries: int
    users: int
    requests: Counter[str]
    events: int
    messages: int


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name.lower()} {count:,}" for name, count in sorted(counter.items()))


def report(summary: Summary, staff: Staff, directory: Directory) -> str:
    entries = sign_ins()
    lines = [
        f"Demo data (scale {summary.scale:g}, seed {summary.seed}, up to {summary.now:%Y-%m-%d}) "
        f"made in {summary.seconds:.1f} s:",
        f"  authorities  {sum(summary.authorities.values()):,} in {summary.countries} countries "
        f"({_counts(summary.authorities)})",
        f"  users        {summary.users:,}",
        f"  requests     {sum(summary.requests.values()):,} ({_counts(summary.requests)})",
        f"  events       {summary.events:,}; messages {summary.messages:,}",
        "",
        f"Demo sign-ins (password for every demo user: {entries.password} — demonstration data only):",
    ]
    width = max(len(entries.email(e)) for e in entries.entries)
    for entry in entries.entries:
        user = staff.by_sign_in.get(entry.name)
        if user is None:
            continue
        authority = directory.by_id[user.authority_id]
        lines.append(f"  {entries.email(entry):<{width}}  {entry.role.value:<11} {authority.official_name} "
                     f"({authority.country})")
    return "\n".join(lines)
