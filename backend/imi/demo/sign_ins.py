"""The memorable demonstration sign-ins (`data/sign_ins.yaml`) and their shared, demo-only password."""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from imi.demo.vocabulary import DATA_DIR
from imi.reference import country
from imi.reference.loader import DataFileError, read_yaml


class Role(StrEnum):
    OFFICIAL = "official"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class SignIn:
    name: str
    country: str
    role: Role
    language: str | None = None
    authority: str | None = None
    """The official name of the authority an official works at, when it matters."""
    with_: str | None = None
    """For an administrator: the sign-in whose authority it administers."""


@dataclass(frozen=True, slots=True)
class SignIns:
    password: str
    domain: str
    entries: tuple[SignIn, ...]

    def email(self, entry: SignIn) -> str:
        return f"{entry.name}@{self.domain}"

    def officials(self) -> tuple[SignIn, ...]:
        return tuple(e for e in self.entries if e.role is Role.OFFICIAL)


@cache
def sign_ins() -> SignIns:
    path = DATA_DIR / "sign_ins.yaml"
    raw = read_yaml(path)
    entries = []
    for row in raw["sign_ins"]:
        entry = SignIn(name=row["name"], country=row["country"], role=Role(row["role"]),
                       language=row.get("language"), authority=row.get("authority"), with_=row.get("with"))
        try:
            home = country(entry.country)
        except KeyError:
            raise DataFileError(path, f"{entry.name}: unknown country {entry.country!r}") from None
        if entry.role is Role.OFFICIAL and entry.language not in home.languages:
            raise DataFileError(path, f"{entry.name}: {entry.language!r} is not a language of {entry.country}")
        entries.append(entry)
    names = {e.name for e in entries}
    for entry in entries:
        if entry.role is Role.ADMIN and entry.with_ not in names:
            raise DataFileError(path, f"{entry.name}: `with` must name another sign-in")
    return SignIns(str(raw["password"]), str(raw["domain"]), tuple(entries))
