"""Alert and notification services: create, submit and validate, broadcast to countries, allocate or
disseminate inside a country, acknowledge, modify, close, withdraw. Every step goes through the procedure's
workflow (`exchanges.service.act` / `note`) and is an event on the timeline."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from imi.accounts.principal import Principal
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus
from imi.authorities.service import coordinator_of, incoming_coordinator
from imi.broadcasts import rules
from imi.broadcasts.models import Participant, Role
from imi.clock import day_of
from imi.errors import NotAllowed, ValidationFailed
from imi.exchanges import service as exchanges
from imi.exchanges.content import check_form
from imi.exchanges.free_text import Written
from imi.exchanges.models import Exchange
from imi.exchanges.visibility import Visible
from imi.reference import ExchangeKind, procedure
from imi.reference.procedures import Broadcasting, Procedure
from imi.workflows import workflow

PREFIX = {ExchangeKind.ALERT: "ALR", ExchangeKind.NOTIFICATION: "NTF"}


@dataclass(frozen=True)
class BroadcastDraft:
    procedure: str
    subject: str
    form: dict[str, Any] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    decision_date: date | None = None
    period_end: date | None = None


def _split(proc: Procedure, values: dict[str, Any], *, complete: bool) -> dict[str, Any]:
    """Check a form's values; the fields that are personal data go to `personal_data`, the rest to `answers`."""
    valid = check_form(proc.code, values, complete=complete)
    personal = {k: str(v) for k, v in valid.items() if k in proc.personal_data}
    return {"answers": {k: v for k, v in valid.items() if k not in personal}, "personal_data": personal}


def _form_of(exchange: Exchange) -> dict[str, Any]:
    return {**exchange.answers, **(exchange.personal_data or {})}


def _broadcast_procedure(code: str) -> tuple[Procedure, Broadcasting]:
    try:
        found = procedure(code)
    except KeyError:
        raise ValidationFailed.single("procedure", f"unknown procedure {code}") from None
    if found.broadcasting is None:
        raise ValidationFailed.single("procedure", f"{code} is not an alert or notification procedure")
    return found, found.broadcasting


async def create(principal: Principal, draft: BroadcastDraft, now: datetime) -> Exchange:
    """A draft alert or notification of the caller's authority."""
    authority_id = exchanges.require_user(principal)
    proc, broadcasting = _broadcast_procedure(draft.procedure)
    flow = workflow(proc.workflow)
    starters = {p for t in flow.transitions if t.by == rules.SENDER and flow.initial in t.from_states
                for p in t.profiles}
    if not starters & principal.profiles_in(proc.legal_area):
        raise NotAllowed(f"creating it needs one of {', '.join(sorted(starters))} in {proc.legal_area}")
    sender = await Authority.get(id=authority_id)
    if sender.status is not AuthorityStatus.ACTIVE or not await AuthorityProcedure.exists(
        authority_id=authority_id, procedure=proc.code
    ):
        raise NotAllowed("your authority is not active for this procedure")
    rules.check_dates(draft.decision_date, draft.period_end, day_of(now))
    countries = [] if broadcasting.to_all_countries else list(dict.fromkeys(draft.countries))
    if countries:
        rules.target_countries(broadcasting, sender.country, countries)
    return await exchanges.create_exchange(
        principal, proc, now, sender=sender, subject=draft.subject,
        **_split(proc, draft.form, complete=False), decision_date=draft.decision_date,
        period_end=draft.period_end, countries=countries,
    )


async def _go_out(exchange: Exchange, now: datetime) -> None:
    """Make the broadcast reach each target country's receiving coordinator."""
    proc, broadcasting = _broadcast_procedure(exchange.procedure)
    targets = rules.target_countries(broadcasting, exchange.requesting_country, exchange.countries)
    missing, rows = [], []
    for country in targets:
        coordinator = await incoming_coordinator(country, proc.legal_area)
        if coordinator is None:
            missing.append(country)
        else:
            rows.append(Participant(exchange_id=exchange.id, authority_id=coordinator, country=country,
                                    role=Role.RECIPIENT_COORDINATOR, added_at=now))
    if missing:
        raise ValidationFailed.single("countries", f"no receiving coordinator in {', '.join(missing)}")
    await Participant.bulk_create(rows)
    await Exchange.filter(id=exchange.id).update(sent_at=now)


async def submit(principal: Principal, exchange_id: int, version: int, now: datetime) -> Exchange:
    """The sender submits its complete alert to its own coordinator for validation."""
    seen = await exchanges.get_visible(principal, exchange_id)
    check_form(seen.exchange.procedure, _form_of(seen.exchange), complete=True)
    _, broadcasting = _broadcast_procedure(seen.exchange.procedure)
    rules.target_countries(broadcasting, seen.exchange.requesting_country, seen.exchange.countries)
    sender = await Authority.get(id=seen.exchange.requesting_authority_id)
    coordinator = await coordinator_of(sender, seen.exchange.legal_area)
    if coordinator is None:
        raise ValidationFailed.single("exchangeId", "your authority has no coordinator to validate it")

    async def name_validator(exchange: Exchange) -> None:
        """The coordinator validates it; one that already did (a resubmission) keeps its part since then."""
        await Participant.filter(exchange_id=exchange.id, role=Role.SENDER_COORDINATOR).exclude(
            authority_id=coordinator).delete()
        if not await Participant.exists(exchange_id=exchange.id, role=Role.SENDER_COORDINATOR):
            await Participant.create(exchange_id=exchange.id, authority_id=coordinator, country=sender.country,
                                     role=Role.SENDER_COORDINATOR, added_at=now)

    return await exchanges.act(principal, exchange_id, version, "SUBMIT", now, within=name_validator,
                               data={"to": coordinator})


async def validate(principal: Principal, exchange_id: int, version: int, now: datetime) -> Exchange:
    """The sender's coordinator validates the alert, and it goes out to the target countries."""
    return await exchanges.act(principal, exchange_id, version, "VALIDATE", now,
                               within=lambda exchange: _go_out(exchange, now))


async def send(principal: Principal, exchange_id: int, version: int, now: datetime) -> Exchange:
    """A notification goes out to the selected countries (no validation)."""
    seen = await exchanges.get_visible(principal, exchange_id)
    check_form(seen.exchange.procedure, _form_of(seen.exchange), complete=True)
    return await exchanges.act(principal, exchange_id, version, "SEND", now,
                               within=lambda exchange: _go_out(exchange, now))


async def return_to_sender(principal: Principal, exchange_id: int, version: int, now: datetime,
                           message: str | Written) -> Exchange:
    return await exchanges.act(principal, exchange_id, version, "RETURN_TO_SENDER", now,
                               message=exchanges.check_text("message", message))


async def hand_on(principal: Principal, exchange_id: int, authority_ids: Sequence[int], now: datetime,
                  action: str) -> list[Participant]:
    """A receiving coordinator allocates an alert (or disseminates a notification) to authorities of its
    country competent in the area; they become its handlers and see it in full."""
    if not authority_ids:
        raise ValidationFailed.single("authorityIds", "choose at least one authority")

    async def allocate(seen: Visible) -> tuple[list[Participant], dict[str, object]]:
        exchange = seen.exchange
        country = next(p.country for p in seen.participants
                       if p.authority_id == principal.authority_id and p.role is Role.RECIPIENT_COORDINATOR)
        chosen = await Authority.filter(id__in=list(authority_ids), country=country, status=AuthorityStatus.ACTIVE,
                                        procedures__procedure=exchange.procedure).distinct()
        if len(chosen) != len(set(authority_ids)):
            raise ValidationFailed.single("authorityIds", "each must be an active authority of your country "
                                                          "with access to this procedure")
        held = {p.authority_id for p in seen.participants if p.role is Role.HANDLER}
        rows = [Participant(exchange_id=exchange.id, authority_id=a.id, country=country, role=Role.HANDLER,
                            added_by_id=principal.authority_id, added_at=now) for a in chosen if a.id not in held]
        if not rows:
            raise ValidationFailed.single("authorityIds", "it already reached each of these authorities")
        await Participant.bulk_create(rows)
        return rows, {"authorities": sorted(row.authority_id for row in rows)}

    return await exchanges.note(principal, exchange_id, action, now, allocate)


async def acknowledge(principal: Principal, exchange_id: int, now: datetime) -> int:
    """A recipient (coordinator or handler) acknowledges receipt; refused if it already has."""

    async def mark(seen: Visible) -> tuple[int, dict[str, object]]:
        count = await Participant.filter(
            exchange_id=seen.exchange.id, authority_id=principal.authority_id, acknowledged_at=None,
            role__in=[Role.RECIPIENT_COORDINATOR, Role.HANDLER],
        ).update(acknowledged_at=now, acknowledged_by_id=principal.user_id)
        if not count:
            raise ValidationFailed.single("exchangeId", "your authority has already acknowledged it")
        return count, {}

    return await exchanges.note(principal, exchange_id, "ACKNOWLEDGE", now, mark)


async def modify(principal: Principal, exchange_id: int, version: int, now: datetime, *,
                 subject: str | None = None, form: dict[str, Any] | None = None, period_end: date | None = None,
                 countries: list[str] | None = None) -> Exchange:
    """The sender corrects its broadcast (for an alert, e.g. the end of the restriction)."""
    seen = await exchanges.get_visible(principal, exchange_id)
    exchange = seen.exchange
    changes: dict[str, object] = {}
    if subject is not None:
        changes["subject"] = exchanges.check_subject(subject)
    if form is not None:
        if exchange.personal_data_blocked_at is not None:
            raise ValidationFailed.single("form", "its personal data is blocked")
        proc, _ = _broadcast_procedure(exchange.procedure)
        changes.update(_split(proc, {**_form_of(exchange), **form}, complete=exchange.state != "DRAFT"))
    if period_end is not None:
        rules.check_dates(exchange.decision_date, period_end, day_of(now) if exchange.decision_date is None else
                          max(day_of(now), exchange.decision_date))
        changes["period_end"] = period_end
    if countries is not None:
        if exchange.state != "DRAFT":
            raise ValidationFailed.single("countries", "can change only before it goes out")
        _, broadcasting = _broadcast_procedure(exchange.procedure)
        changes["countries"] = rules.target_countries(broadcasting, exchange.requesting_country, countries)
    if not changes:
        raise ValidationFailed.single("input", "nothing to change")
    return await exchanges.act(principal, exchange_id, version, "MODIFY", now, changes, {"fields": sorted(changes)})


async def close(principal: Principal, exchange_id: int, version: int, now: datetime) -> Exchange:
    return await exchanges.act(principal, exchange_id, version, "CLOSE", now, {"closed_at": now})


async def withdraw(principal: Principal, exchange_id: int, version: int, now: datetime,
                   message: str | Written | None = None) -> Exchange:
    return await exchanges.act(principal, exchange_id, version, "WITHDRAW", now, {"withdrawn_at": now},
                               message=exchanges.check_text("message", message) if message else None)

