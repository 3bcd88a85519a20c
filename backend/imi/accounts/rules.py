"""Account rules (pure): passwords, e-mail addresses, sign-in lockout and which rights may be held."""

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from imi.accounts.profiles import Profile, Scope
from imi.accounts.secrets import MIN_PASSWORD_LENGTH
from imi.errors import FieldProblem, ValidationFailed
from imi.reference import LANGUAGE_CODES, legal_areas

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
MAX_TOKEN_DAYS = 366
MAX_ACTIVE_TOKENS = 50
"""Unrevoked, unexpired tokens one owner may hold (a partner tool needs one; the cap keeps the list short)."""
COORDINATOR_PROFILES = frozenset({Profile.VALIDATOR, Profile.REFERRAL_HANDLER})
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,252}\.[^@\s.]{2,}$")


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if not _EMAIL.match(value):
        raise ValidationFailed.single("email", "is not an e-mail address")
    return value


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed.single("password", f"must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > 512:
        raise ValidationFailed.single("password", "is too long")


def check_language(language: str) -> None:
    if language not in LANGUAGE_CODES:
        raise ValidationFailed.single("language", f"{language!r} is not a served language")


def locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now


def after_failed_sign_in(failed: int, now: datetime) -> tuple[int, datetime | None]:
    """The new failure count and, once it reaches the limit, the end of the lockout."""
    failed += 1
    return (0, now + LOCKOUT) if failed >= MAX_FAILED_SIGN_INS else (failed, None)


def check_rights(
    rights: Iterable[tuple[str | None, Profile]], authority_areas: set[str], is_coordinator: bool
) -> None:
    """Rights must name areas the authority holds; coordinator profiles only at a coordinator."""
    known = {area.code for area in legal_areas()}
    problems = []
    for area, profile in rights:
        if area is not None and area not in known:
            problems.append(FieldProblem("rights", f"unknown legal area {area}"))
        elif area is not None and area not in authority_areas:
            problems.append(FieldProblem("rights", f"the authority has no access to {area}"))
        if profile in COORDINATOR_PROFILES and not is_coordinator:
            problems.append(FieldProblem("rights", f"{profile.value} is for coordinators only"))
    if problems:
        raise ValidationFailed(problems)


def check_scopes(scopes: Iterable[str]) -> frozenset[Scope]:
    try:
        parsed = frozenset(Scope(s) for s in scopes)
    except ValueError as error:
        raise ValidationFailed.single("scopes", str(error)) from error
    if not parsed:
        raise ValidationFailed.single("scopes", "at least one scope is needed")
    return parsed


def check_token_days(days: int) -> None:
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValidationFailed.single("days", f"must be 1..{MAX_TOKEN_DAYS}")
