"""Everything held about a data subject, for an access request (GDPR Art. 15): the exchanges where the
subject's name or identifier appears in the personal data or the form answers, each with its personal data
(unless blocked), answers, messages, attachment list and timeline, as one JSON document. Each exported exchange
is an audit entry.

Blocked data is searched (the subject has a right to know it is held) but its values are not exported: a
blocked exchange shows which fields it holds, kept as proof only (Art. 13(3) of Regulation (EU) No 1024/2012).
The document is for the person handling the request to review before it goes out.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from imi.authorities.models import Authority
from imi.broadcasts.models import Participant
from imi.exchanges.models import Attachment, Exchange, ExchangeEvent, Message
from imi.exchanges.visibility import participants_of
from imi.privacy import audit, rules, subjects
from imi.privacy.access import Supervision
from imi.privacy.content import free_text_items
from imi.privacy.models import AuditAction
from imi.procedures.models import CaseParty

BATCH = 500


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _involved(exchange: Exchange, participants: Iterable[Participant | CaseParty]) -> list[tuple[int, str]]:
    """The authorities of an exchange with the part each plays."""
    found = [(exchange.requesting_authority_id, "REQUESTING_AUTHORITY")]
    if exchange.responding_authority_id is not None:
        found.append((exchange.responding_authority_id, "RESPONDING_AUTHORITY"))
    if exchange.referral_coordinator_id is not None:
        found.append((exchange.referral_coordinator_id, "REFERRAL_COORDINATOR"))
    for row in participants:
        found.append((row.authority_id, row.role.value if isinstance(row, Participant) else row.party))
    return list(dict.fromkeys(found))


async def find(subject: str) -> list[tuple[Exchange, list[str]]]:
    """The exchanges (whose personal data is not deleted) where the subject appears, with the matching fields."""
    wanted = subjects.subject_words(subject)
    found: list[tuple[Exchange, list[str]]] = []
    after = 0
    while rows := await Exchange.filter(personal_data_deleted_at__isnull=True, id__gt=after).order_by(
            "id").limit(BATCH):
        after = rows[-1].id
        for row in rows:
            fields = subjects.matching_fields(wanted, {**row.answers, **(row.personal_data or {})})
            if fields:
                found.append((row, fields))
    return found


async def export_subject(subject: str, who: audit.Who, now: datetime,
                         supervision: Supervision | None = None) -> dict[str, Any]:
    """The document of everything held about `subject`; with `supervision`, only the exchanges in which one of
    the authorities it covers takes part. Audited before it is returned."""
    found = await find(subject)
    parties = await participants_of(row for row, _ in found)
    involved = {row.id: _involved(row, parties.get(row.id, [])) for row, _ in found}
    authorities = {a.id: a for a in await Authority.filter(
        id__in=sorted({pk for rows in involved.values() for pk, _ in rows}))}
    if supervision is not None:
        found = [(row, fields) for row, fields in found if any(
            pk in authorities and supervision.covers(pk, authorities[pk].country, authorities[pk].coordinator_id)
            for pk, _ in involved[row.id])]
    documents = [await _document(row, fields, involved[row.id], authorities) for row, fields in found]
    entries = [audit.Entry(AuditAction.EXPORT, who, now, row.id, row.reference, personal_fields=fields)
               for row, fields in found]
    await audit.read(entries or [audit.Entry(AuditAction.EXPORT, who, now, detail={"exchanges": 0})])
    return {"subject": subject, "generatedAt": now.isoformat(), "exchanges": documents}


async def _document(row: Exchange, fields: list[str], involved: list[tuple[int, str]],
                    authorities: dict[int, Authority]) -> dict[str, Any]:
    blocked = row.personal_data_blocked_at is not None
    withheld = rules.BLOCKED_TEXT
    free = free_text_items(row.procedure)

    messages = await Message.filter(exchange_id=row.id).order_by("id")
    files = await Attachment.filter(exchange_id=row.id).order_by("id")
    events = await ExchangeEvent.filter(exchange_id=row.id).order_by("id")
    return {
        "reference": row.reference, "kind": row.kind, "procedure": row.procedure, "legalArea": row.legal_area,
        "state": row.state, "subject": row.subject, "createdAt": _iso(row.created_at), "sentAt": _iso(row.sent_at),
        "closedAt": _iso(row.closed_at), "withdrawnAt": _iso(row.withdrawn_at),
        "authorities": [{"id": pk, "part": part, "officialName": authorities[pk].official_name,
                         "country": authorities[pk].country} for pk, part in involved if pk in authorities],
        "personalDataStatus": "BLOCKED" if blocked else "HELD",
        "blockedAt": _iso(row.personal_data_blocked_at),
        "personalData": None if blocked else dict(row.personal_data or {}),
        "personalDataFields": sorted(row.personal_data or {}),
        "matchedFields": fields,
        "answers": {item: withheld if blocked and item in free else value for item, value in row.answers.items()},
        "messages": [{"at": _iso(m.created_at), "authorityId": m.author_authority_id, "language": m.language,
                      "text": withheld if blocked else m.text} for m in messages],
        "attachments": [{"filename": None if blocked else a.filename, "contentType": a.content_type, "size": a.size,
                         "createdAt": _iso(a.created_at), "deletedAt": _iso(a.deleted_at)} for a in files],
        "timeline": [{"at": _iso(e.at), "action": e.action, "fromState": e.from_state, "toState": e.to_state,
                      "actorAuthorityId": e.actor_authority_id} for e in events],
    }
