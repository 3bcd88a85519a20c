"""GraphQL subscriptions: the stream of exchange events a caller may see, resumable from a cursor."""

import time
from collections.abc import AsyncGenerator, Callable
from datetime import datetime

import strawberry

from imi import errors
from imi.accounts.authentication import authenticate
from imi.accounts.principal import Principal
from imi.accounts.profiles import Scope
from imi.accounts.service import principal_for_token
from imi.events.access import Snapshot, took_part
from imi.events.message import StreamEvent
from imi.events.stream import follow, parse_cursor
from imi.exchanges.schema import ExchangeNode
from imi.exchanges.visibility import Visible, get_visible
from imi.graphql.context import Context, Info
from imi.graphql.ids import decode
from imi.graphql.loaders import Loaders
from imi.reference.schema import ExchangeKind

RECHECK_SECONDS = 10.0  # how often a subscription checks again that its token or session is still valid


@strawberry.type(description="One step of an exchange, as it happened; `cursor` resumes the stream after it.")
class ExchangeEventMessage:
    cursor: str
    action: str
    from_state: str | None
    to_state: str
    at: datetime
    exchange: ExchangeNode = strawberry.field(description="The exchange as you may see it now.")


@strawberry.input
class ExchangeEventsInput:
    after: str | None = strawberry.field(default=None, description="The cursor of the last event you received.")
    kinds: list[ExchangeKind] = strawberry.field(default_factory=list)
    procedures: list[str] = strawberry.field(default_factory=list)


def _require_subscriber(principal: Principal) -> None:
    if not principal.authenticated or not principal.has_scope(Scope.EVENTS_SUBSCRIBE):
        raise errors.NotAllowed("subscribing needs a signed-in user or a token with events:subscribe")


async def _principal_now(context: Context) -> Principal:
    """The subscriber as it is now: its token (from connection_init) or its session checked again, so that a
    revoked token, an ended session or withdrawn rights take effect on a running subscription."""
    token = (context.connection_params or {}).get("token")
    if isinstance(token, str) and token:
        principal = await principal_for_token(token, context.clock.now())
    else:
        principal = (await authenticate(context.request, context.clock.now())).principal
    if principal is None or not principal.authenticated:
        raise errors.NotAllowed("the token or session has expired or been revoked: sign in again")
    _require_subscriber(principal)
    return principal


async def _messages(
    info: Info, after: str | None, wanted: Callable[[StreamEvent], bool], *, exchange: int | None = None,
) -> AsyncGenerator[ExchangeEventMessage, None]:
    """The messages of one subscription: every event of the caller's authority (or of one `exchange`'s
    timeline) that it may see, after the cursor `after`."""
    context = info.context
    _require_subscriber(context.principal)
    start = parse_cursor(after)
    timeline = exchange is not None
    checked = time.monotonic()

    def judged(event: StreamEvent, snapshot: Snapshot) -> Visible | None:
        """Authorisation per event: the exchange as the subscriber may see it now, if at all."""
        seen = snapshot.view_for(context.principal)
        if seen is None or not (timeline or took_part(event, context.principal.authority_id, snapshot)):
            return None
        return seen

    def accept(event: StreamEvent, snapshot: Snapshot) -> tuple[Visible, Snapshot] | None:
        seen = judged(event, snapshot) if wanted(event) else None
        return None if seen is None else (seen, snapshot)

    async for event, (first_look, snapshot) in follow(context.bus, start, accept,
                                                      authority=context.principal.authority_id, exchange=exchange):
        seen: Visible | None = first_look
        if time.monotonic() - checked > RECHECK_SECONDS:  # before an event goes out, now and then
            context.principal = await _principal_now(context)
            checked = time.monotonic()
            seen = judged(event, snapshot)  # with the rights as they are now
        if seen is None:
            continue
        context.loaders = Loaders()  # each message reads the exchange's details afresh
        yield ExchangeEventMessage(
            cursor=str(event.position), action=event.action,
            from_state=event.from_state, to_state=event.to_state, at=event.at, exchange=ExchangeNode.of(seen),
        )


@strawberry.type
class EventSubscriptions:
    @strawberry.subscription(description="Every event of the exchanges you may see, from the time your authority "
                                         "took part in each, after a cursor, then live.")
    async def exchange_events(
        self, info: Info, input: ExchangeEventsInput
    ) -> AsyncGenerator[ExchangeEventMessage, None]:
        kinds = {k.value for k in input.kinds}
        procedures = set(input.procedures)

        def wanted(event: StreamEvent) -> bool:
            return (not kinds or event.kind in kinds) and (not procedures or event.procedure in procedures)

        async for message in _messages(info, input.after, wanted):
            yield message

    @strawberry.subscription(description="The timeline of one exchange, from a cursor, then live.")
    async def exchange_timeline(
        self, info: Info, exchange_id: strawberry.ID, after: str | None = None
    ) -> AsyncGenerator[ExchangeEventMessage, None]:
        pk = decode(exchange_id, "Exchange", "exchangeId")
        await get_visible(info.context.principal, pk)
        async for message in _messages(info, after, lambda event: event.exchange_id == pk, exchange=pk):
            yield message
