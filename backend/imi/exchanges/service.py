"""Information-request services: each action checks the rules, then changes the exchange and writes its
event in one transaction, guarded by the optimistic version."""

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from imi import db
from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus
from imi.authorities.service import coordinator_of
from imi.clock import day_of
from imi.errors import NotAllowed, NotFound, StaleVersion, ValidationFailed
from imi.events import signal
from imi.exchanges import rules
from imi.exchanges.attachments import FileStore, check_upload
from imi.exchanges.content import check_answers, check_questions
from imi.exchanges.free_text import Written
from imi.exchanges.models import Attachment, Exchange, ExchangeEvent, Message
from imi.exchanges.rules import Action, State
from imi.exchanges.visibility import Visible, get_visible
from imi.privacy import audit
from imi.privacy.models import AuditAction
from imi.procedures import hooks
from imi.reference import ExchangeKind, procedure
from imi.reference.procedures import Procedure
from imi.workflows import engine, workflow

T = TypeVar("T")
MAX_SUBJECT = 300
MAX_TEXT = 10_000
MAX_PERSONAL_VALUE = 300
REFERENCE_PREFIX = {ExchangeKind.REQUEST: "REQ", ExchangeKind.ALERT: "ALR", ExchangeKind.NOTIFICATION: "NTF",
                    ExchangeKind.CASE: "CAS"}


@dataclass(frozen=True)
class RequestDraft:
    procedure: str
    subject: str
    responding_authority_id: int | None = None
    requested_reply_date: date | None = None
    questions: list[dict[str, Any]] = field(default_factory=list)
    personal_data: dict[str, str] = field(default_factory=dict)
    related_exchange_id: int | None = None  # e.g. the alert this request asks about


def check_personal_data(procedure_code: str, data: Mapping[str, str]) -> dict[str, str]:
    allowed = set(procedure(procedure_code).personal_data)
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValidationFailed.single("personalData", f"fields not carried by this procedure: {', '.join(unknown)}")
    if any(not isinstance(v, str) or len(v) > MAX_PERSONAL_VALUE for v in data.values()):
        raise ValidationFailed.single("personalData", f"each value is text of at most {MAX_PERSONAL_VALUE} characters")
    return {k: v.strip() for k, v in data.items() if v.strip()}


def check_subject(subject: str) -> str:
    subject = subject.strip()
    if not subject or len(subject) > MAX_SUBJECT:
        raise ValidationFailed.single("subject", f"is required, at most {MAX_SUBJECT} characters")
    return subject


def check_text(name: str, value: str | Written) -> Written:
    """A message, stripped, of a sensible length, keeping the language recorded for it."""
    written = value if isinstance(value, Written) else Written(value)
    text = written.text.strip()
    if not text or len(text) > MAX_TEXT:
        raise ValidationFailed.single(name, f"is required, at most {MAX_TEXT} characters")
    return Written(text, written.language, written.flagged)


async def _write_message(exchange_id: int, principal: Principal, written: Written, now: datetime) -> Message:
    return await Message.create(
        exchange_id=exchange_id, author_user_id=principal.user_id, author_authority_id=principal.authority_id,
        text=written.text, language=written.language or principal.language, declared_language=principal.language,
        language_flagged=written.flagged, created_at=now,
    )


async def _check_counterpart(authority_id: int, procedure_code: str, requesting_country: str) -> Authority:
    authority = await Authority.get_or_none(id=authority_id)
    if authority is None:
        raise ValidationFailed.single("respondingAuthorityId", "no such authority")
    if authority.status is not AuthorityStatus.ACTIVE:
        raise ValidationFailed.single("respondingAuthorityId", "the authority is not active")
    if authority.country == requesting_country:
        raise ValidationFailed.single("respondingAuthorityId", "a request goes to an authority in another country")
    if not await AuthorityProcedure.exists(authority_id=authority.id, procedure=procedure_code):
        raise ValidationFailed.single("respondingAuthorityId", "the authority has no access to this procedure")
    return authority


def require_user(principal: Principal) -> int:
    if not principal.signed_in or principal.user_id is None or principal.authority_id is None:
        raise NotAllowed("only a signed-in official may change exchanges")
    return principal.authority_id


async def create_request(principal: Principal, draft: RequestDraft, now: datetime) -> Exchange:
    """A request handler starts a draft request of its authority."""
    authority_id = require_user(principal)
    try:
        proc = procedure(draft.procedure)
    except KeyError:
        raise ValidationFailed.single("procedure", f"unknown procedure {draft.procedure}") from None
    if proc.kind is not ExchangeKind.REQUEST:
        raise ValidationFailed.single("procedure", "not an information-request procedure")
    if Profile.REQUEST_HANDLER not in principal.profiles_in(proc.legal_area):
        raise NotAllowed(f"creating a request needs REQUEST_HANDLER in {proc.legal_area}")
    requester = await Authority.get(id=authority_id)
    if requester.status is not AuthorityStatus.ACTIVE or not await AuthorityProcedure.exists(
        authority_id=authority_id, procedure=proc.code
    ):
        raise NotAllowed("your authority is not active for this procedure")
    personal = check_personal_data(proc.code, draft.personal_data)
    if draft.responding_authority_id is not None:
        await _check_counterpart(draft.responding_authority_id, proc.code, requester.country)
    if draft.requested_reply_date is not None:
        rules.check_reply_date("requestedReplyDate", draft.requested_reply_date, day_of(now))
    if draft.related_exchange_id is not None:
        await get_visible(principal, draft.related_exchange_id)
    return await create_exchange(
        principal, proc, now, sender=requester, subject=draft.subject,
        questions=check_questions(proc.code, draft.questions), personal_data=personal,
        responding_authority_id=draft.responding_authority_id, requested_reply_date=draft.requested_reply_date,
        related_exchange_id=draft.related_exchange_id,
    )


async def create_exchange(principal: Principal, proc: Procedure, now: datetime, *, sender: Authority,
                          subject: str, within: Callable[[Exchange], Awaitable[None]] | None = None,
                          **fields: Any) -> Exchange:
    """A new exchange of `sender` in its workflow's initial state, with its reference and CREATE event (and
    `within`, more work in the same transaction)."""
    initial = workflow(proc.workflow).initial
    async with _committing():
        exchange = await Exchange.create(
            reference=f"new-{now.timestamp()}-{principal.user_id}", kind=proc.kind.value, procedure=proc.code,
            legal_area=proc.legal_area, state=initial, requesting_authority_id=sender.id,
            requesting_country=sender.country, created_by_id=principal.user_id, subject=check_subject(subject),
            subject_language=principal.language, created_at=now, updated_at=now, **fields,
        )
        exchange.reference = f"{REFERENCE_PREFIX[proc.kind]}-{now.year}-{exchange.id:07d}"
        await exchange.save(update_fields=["reference"])
        if within is not None:
            await within(exchange)
        await record(exchange, "CREATE", None, initial, principal, now, {})
        await hooks.created(exchange, now)
    return exchange


@asynccontextmanager
async def _committing() -> AsyncIterator[None]:
    """A transaction whose events the outbox dispatcher is told about once it has committed; its changes are
    recorded in the audit log as its last statements."""
    async with db.transaction(), audit.changes():
        yield
    signal.committed()


async def record(
    exchange: Exchange, action: str, from_state: str | None, to_state: str, principal: Principal,
    now: datetime, data: dict[str, object],
) -> ExchangeEvent:
    """The timeline event of a change, written in the change's transaction, and its audit entry."""
    event = await ExchangeEvent.create(
        exchange_id=exchange.id, action=action, from_state=from_state, to_state=to_state,
        actor_user_id=principal.user_id, actor_authority_id=principal.authority_id,
        at=now, data=data,
    )
    await audit.change(audit.Entry(AuditAction.CHANGE, audit.Who.of(principal), now, exchange.id, exchange.reference,
                                   event.id, detail={"action": action}))
    return event


async def act(
    principal: Principal, exchange_id: int, version: int, action: str, now: datetime,
    changes: Mapping[str, object] | None = None, data: Mapping[str, object] | None = None,
    message: str | Written | None = None, within: Callable[[Exchange], Awaitable[None]] | None = None,
) -> Exchange:
    """Check visibility, version and the procedure's workflow, then apply `changes` (and `within`, more work in
    the same transaction) and record the event, atomically. Every state-changing action goes through here."""
    require_user(principal)
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    if exchange.version != version:
        raise StaleVersion("the exchange was changed by someone else: reload it", exchange.version)
    to_state = engine.decide(seen.workflow, exchange.state, action, seen.parties, seen.profiles)
    event_data = dict(data or {})
    async with _committing():
        updated = await Exchange.filter(id=exchange.id, version=version).update(
            **(changes or {}), state=to_state, version=version + 1, updated_at=now
        )
        if not updated:
            raise StaleVersion("the exchange was changed by someone else: reload it", version + 1)
        if message is not None:
            note = await _write_message(exchange.id, principal, check_text("message", message), now)
            event_data["messageId"] = note.id
        if within is not None:
            await within(exchange)
        await record(exchange, action, exchange.state, to_state, principal, now, event_data)
        await hooks.changed(exchange.id, exchange.state, now)
    return await Exchange.get(id=exchange.id)


async def note(
    principal: Principal, exchange_id: int, action: str, now: datetime,
    work: Callable[[Visible], Awaitable[tuple[T, dict[str, object]]]],
) -> T:
    """An action that leaves the state and version as they are (a message, a file, an allocation, an
    acknowledgement): checked against the workflow, done by `work` and recorded, in one transaction."""
    require_user(principal)
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    engine.decide(seen.workflow, exchange.state, action, seen.parties, seen.profiles)
    async with _committing():
        result, data = await work(seen)
        await Exchange.filter(id=exchange.id).update(updated_at=now)
        await record(exchange, action, exchange.state, exchange.state, principal, now, data)
    return result


async def modify(
    principal: Principal, exchange_id: int, version: int, now: datetime, *, subject: str | None = None,
    questions: list[dict[str, Any]] | None = None, personal_data: dict[str, str] | None = None,
    requested_reply_date: date | None = None, responding_authority_id: int | None = None,
) -> Exchange:
    """The requester modifies its request while it is open; the responder and reply date only before sending."""
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    changes: dict[str, object] = {}
    if subject is not None:
        changes["subject"] = check_subject(subject)
    if questions is not None:
        changes["questions"] = check_questions(exchange.procedure, questions)
    if personal_data is not None:
        if exchange.personal_data_blocked_at is not None:
            raise ValidationFailed.single("personalData", "its personal data is blocked")
        changes["personal_data"] = check_personal_data(exchange.procedure, personal_data)
    if requested_reply_date is not None:
        if exchange.state not in (State.DRAFT, State.SENT):
            raise ValidationFailed.single("requestedReplyDate", "can change only before the request is accepted")
        rules.check_reply_date("requestedReplyDate", requested_reply_date, day_of(now))
        changes["requested_reply_date"] = requested_reply_date
    if responding_authority_id is not None:
        if exchange.state != State.DRAFT:
            raise ValidationFailed.single("respondingAuthorityId", "can change only in a draft")
        await _check_counterpart(responding_authority_id, exchange.procedure, exchange.requesting_country)
        changes["responding_authority_id"] = responding_authority_id
    if not changes:
        raise ValidationFailed.single("input", "nothing to change")
    return await act(principal, exchange_id, version, Action.MODIFY, now, changes,
                      {"fields": sorted(changes)})


async def send(principal: Principal, exchange_id: int, version: int, now: datetime,
               requested_reply_date: date | None = None) -> Exchange:
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    reply = requested_reply_date or exchange.requested_reply_date
    if reply is None:
        raise ValidationFailed.single("requestedReplyDate", "is required to send a request")
    rules.check_reply_date("requestedReplyDate", reply, day_of(now))
    if exchange.responding_authority_id is None:
        raise ValidationFailed.single("respondingAuthorityId", "choose the authority to send the request to")
    responder = await _check_counterpart(exchange.responding_authority_id, exchange.procedure,
                                         exchange.requesting_country)
    if not exchange.questions:
        raise ValidationFailed.single("questions", "choose at least one question")
    return await act(principal, exchange_id, version, Action.SEND, now,
                      {"requested_reply_date": reply, "sent_at": now, "responding_country": responder.country},
                      {"requestedReplyDate": reply.isoformat(), "to": responder.id})


async def accept(principal: Principal, exchange_id: int, version: int, now: datetime,
                 proposed_reply_date: date | None = None) -> Exchange:
    """Accept, agreeing the requested date (no proposal) or proposing a new one."""
    seen = await get_visible(principal, exchange_id)
    changes: dict[str, object] = {"accepted_at": now}
    if proposed_reply_date is None:
        changes["agreed_reply_date"] = seen.exchange.requested_reply_date
        data: dict[str, object] = {"agreed": True}
    else:
        rules.check_reply_date("proposedReplyDate", proposed_reply_date, day_of(now))
        changes.update(proposed_reply_date=proposed_reply_date, agreed_reply_date=proposed_reply_date)
        data = {"agreed": False, "proposedReplyDate": proposed_reply_date.isoformat()}
    return await act(principal, exchange_id, version, Action.ACCEPT, now, changes, data)


async def forward(principal: Principal, exchange_id: int, version: int, now: datetime, to_authority_id: int,
                  message: str | Written | None = None) -> Exchange:
    """Forward to another authority of the responder's country, or to a coordinator; it must accept anew."""
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    target = await Authority.get_or_none(id=to_authority_id)
    if target is None or target.id == exchange.responding_authority_id:
        raise ValidationFailed.single("toAuthorityId", "choose another authority")
    if target.country != exchange.responding_country:
        raise ValidationFailed.single("toAuthorityId", "forward only to an authority of the same country")
    if target.status is not AuthorityStatus.ACTIVE or not await AuthorityProcedure.exists(
        authority_id=target.id, procedure=exchange.procedure
    ):
        raise ValidationFailed.single("toAuthorityId", "the authority is not active for this procedure")
    note = check_text("message", message) if message else None
    return await act(
        principal, exchange_id, version, Action.FORWARD, now,
        {"responding_authority_id": target.id, "accepted_at": None, "proposed_reply_date": None,
         "agreed_reply_date": None},
        {"from": exchange.responding_authority_id, "to": target.id}, note,
    )


async def answer(principal: Principal, exchange_id: int, version: int, now: datetime,
                 answers: dict[str, Any], message: str | Written | None = None) -> Exchange:
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    merged = {**exchange.answers, **check_answers(exchange.procedure, exchange.questions, answers)}
    if not merged and not message:
        raise ValidationFailed.single("answers", "answer at least one question or write a message")
    note = check_text("message", message) if message else None
    changes: dict[str, object] = {"answers": merged}
    if exchange.answered_at is None:
        changes["answered_at"] = now
    return await act(principal, exchange_id, version, Action.ANSWER, now, changes,
                      {"answered": sorted(answers)}, note)


async def request_further_information(principal: Principal, exchange_id: int, version: int, now: datetime,
                                      message: str | Written) -> Exchange:
    seen = await get_visible(principal, exchange_id)
    return await act(principal, exchange_id, version, Action.REQUEST_FURTHER_INFORMATION, now,
                      {"round": seen.exchange.round + 1}, {"round": seen.exchange.round + 1},
                      check_text("message", message))


async def refer(principal: Principal, exchange_id: int, version: int, now: datetime,
                message: str | Written) -> Exchange:
    """Refer an unsatisfactory answer to the requester's own coordinator."""
    seen = await get_visible(principal, exchange_id)
    requester = await Authority.get(id=seen.exchange.requesting_authority_id)
    coordinator = await coordinator_of(requester, seen.exchange.legal_area)
    if coordinator is None or coordinator == requester.id:
        raise ValidationFailed.single("exchangeId", "your authority has no coordinator to refer to")
    return await act(principal, exchange_id, version, Action.REFER, now,
                      {"referral_coordinator_id": coordinator}, {"to": coordinator},
                      check_text("message", message))


async def return_from_referral(principal: Principal, exchange_id: int, version: int, now: datetime,
                               message: str | Written | None = None) -> Exchange:
    return await act(principal, exchange_id, version, Action.RETURN_FROM_REFERRAL, now,
                      message=check_text("message", message) if message else None)


async def close_referral(principal: Principal, exchange_id: int, version: int, now: datetime,
                         message: str | Written | None = None) -> Exchange:
    return await act(principal, exchange_id, version, Action.CLOSE_REFERRAL, now, {"closed_at": now},
                      message=check_text("message", message) if message else None)


async def close(principal: Principal, exchange_id: int, version: int, now: datetime,
                timeliness: int | None = None, efforts: int | None = None) -> Exchange:
    """Accept the answer and close, with the optional survey on timeliness and efforts."""
    rules.check_survey(timeliness, efforts)
    return await act(principal, exchange_id, version, Action.CLOSE, now,
                      {"closed_at": now, "survey_timeliness": timeliness, "survey_efforts": efforts},
                      {"survey": timeliness is not None or efforts is not None})


async def withdraw(principal: Principal, exchange_id: int, version: int, now: datetime,
                   message: str | Written | None = None) -> Exchange:
    return await act(principal, exchange_id, version, Action.WITHDRAW, now, {"withdrawn_at": now},
                      message=check_text("message", message) if message else None)


async def add_message(principal: Principal, exchange_id: int, now: datetime, text: str | Written,
                      action: str = Action.ADD_MESSAGE) -> Message:
    """Add free text to an open exchange (for a notification, a comment)."""
    body = check_text("text", text)

    async def write(seen: Visible) -> tuple[Message, dict[str, object]]:
        written = await _write_message(seen.exchange.id, principal, body, now)
        return written, {"messageId": written.id}

    return await note(principal, exchange_id, action, now, write)


async def add_attachment(principal: Principal, exchange_id: int, now: datetime, store: FileStore, *,
                         filename: str, content_type: str, chunks: list[bytes], max_bytes: int) -> Attachment:
    """Store a checked file outside the database and attach it to an open exchange."""
    name = check_upload(filename, content_type, chunks[0] if chunks else b"")

    async def attach(seen: Visible) -> tuple[Attachment, dict[str, object]]:
        stored = store.put(chunks, max_bytes)
        attachment = await Attachment.create(
            exchange_id=seen.exchange.id, uploaded_by_id=principal.user_id,
            author_authority_id=principal.authority_id, filename=name,
            content_type=content_type.split(";", maxsplit=1)[0].strip().lower(), size=stored.size,
            sha256=stored.sha256, created_at=now,
        )
        return attachment, {"attachmentId": attachment.id}

    return await note(principal, exchange_id, Action.ADD_ATTACHMENT, now, attach)


async def attachment_for_download(principal: Principal, attachment_id: int) -> Attachment:
    """An attachment its caller may download: visible exchange and personal data visible to it."""
    attachment = await Attachment.get_or_none(id=attachment_id, deleted_at=None)
    if attachment is None:
        raise NotFound("no such attachment")
    seen = await get_visible(principal, attachment.exchange_id)
    if not seen.personal_data_visible:
        raise NotFound("no such attachment")
    return attachment
