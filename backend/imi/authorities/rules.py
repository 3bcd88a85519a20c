"""Coordinator rules (pure): who may register, validate and grant legal areas to which authority."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from imi.authorities.models import CoordinatorRole, Level
from imi.errors import FieldProblem, NotAllowed, ValidationFailed
from imi.reference import LANGUAGE_CODES, countries, legal_areas, procedures

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
MAX_NAME = 300
MAX_DESCRIPTION = 2000


@dataclass(frozen=True, slots=True)
class CoordinatorFacts:
    """What the rules need to know of the acting coordinator authority."""

    id: int
    country: str
    role: CoordinatorRole
    areas: frozenset[str]


@dataclass(frozen=True, slots=True)
class TargetFacts:
    id: int | None
    country: str
    coordinator_id: int | None


def check_is_coordinator(coordinator: CoordinatorFacts) -> None:
    if coordinator.role is CoordinatorRole.NONE:
        raise NotAllowed("only a coordinator may do this")


def check_coordinates(coordinator: CoordinatorFacts, target: TargetFacts) -> None:
    """A national coordinator coordinates its whole country; a delegated one the authorities it registered."""
    check_is_coordinator(coordinator)
    if coordinator.country != target.country:
        raise NotAllowed("a coordinator acts only for authorities of its own country")
    if coordinator.role is CoordinatorRole.DELEGATED and target.coordinator_id != coordinator.id:
        raise NotAllowed("this authority is coordinated by another coordinator")


def grantable_areas(coordinator: CoordinatorFacts) -> frozenset[str]:
    if coordinator.role is CoordinatorRole.NATIONAL:
        return frozenset(area.code for area in legal_areas())
    return coordinator.areas if coordinator.role is CoordinatorRole.DELEGATED else frozenset()


def check_grant(coordinator: CoordinatorFacts, area: str, chosen: Iterable[str] | None) -> tuple[str, ...]:
    """The procedures to grant for `area` (all of the area's procedures unless a subset is chosen)."""
    if area not in {a.code for a in legal_areas()}:
        raise ValidationFailed.single("legalArea", f"unknown legal area {area}")
    if area not in grantable_areas(coordinator):
        raise NotAllowed(f"your coordinator role does not cover {area}")
    in_area = tuple(p.code for p in procedures() if p.legal_area == area)
    if chosen is None:
        return in_area
    chosen = tuple(dict.fromkeys(chosen))
    unknown = [code for code in chosen if code not in in_area]
    if unknown:
        raise ValidationFailed.single("procedures", f"not procedures of {area}: {', '.join(unknown)}")
    return chosen


def check_details(
    *, country: str, level: str, official_name: str, official_language: str,
    informal_names: Mapping[str, str], descriptions: Mapping[str, str], email: str | None,
) -> None:
    """Validate an authority's registration details, naming every problem."""
    problems: list[FieldProblem] = []
    if country not in {c.code for c in countries()}:
        problems.append(FieldProblem("country", f"{country!r} is not an EEA country code"))
    if level not in Level.__members__:
        problems.append(FieldProblem("level", f"must be one of {', '.join(Level)}"))
    if not official_name.strip() or len(official_name) > MAX_NAME:
        problems.append(FieldProblem("officialName", f"is required, at most {MAX_NAME} characters"))
    if official_language not in LANGUAGE_CODES:
        problems.append(FieldProblem("officialLanguage", f"{official_language!r} is not a served language"))
    texts_by_field = (("informalNames", informal_names, MAX_NAME), ("descriptions", descriptions, MAX_DESCRIPTION))
    for name, texts, limit in texts_by_field:
        for lang, text in texts.items():
            if lang not in LANGUAGE_CODES:
                problems.append(FieldProblem(name, f"{lang!r} is not a served language"))
            elif len(text) > limit:
                problems.append(FieldProblem(name, f"{lang}: at most {limit} characters"))
    if email is not None and not _EMAIL.match(email):
        problems.append(FieldProblem("email", "is not an e-mail address"))
    if problems:
        raise ValidationFailed(problems)


def visible(status: str, country: str, viewer_country: str | None) -> bool:
    """Active authorities are in everyone's directory; pending or inactive ones only in their own country's."""
    return status == "ACTIVE" or (viewer_country is not None and viewer_country == country)
