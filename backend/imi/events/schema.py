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
from imi.events.access import Snapshot, snapshots_for, took_part
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
    info: Info, after: str | None, wanted: Callable[[StreamEvent], bool], timeline: bool = False,
) -> AsyncGenerator[ExchangeEventMessage, None]:
    context = info.context
    _require_subscriber(context.principal)
    start = parse_cursor(after)
    snapshots = snapshots_for(context.bus)
    checked = time.monotonic()

    def judged(event: StreamEvent, snapshot: Snapshot) -> Visible | None:
        seen = snapshot.view_for(context.principal)
        if seen is None or not (timeline or took_part(event, context.principal.authority_id, snapshot)):
            return None
        return seen

    async def visible(event: StreamEvent) -> Visible | None:
        """Authorisation per event: the exchange as the subscriber may see it now, if at all. Before an event
        goes out, the token or session is checked again if it has not been for `RECHECK_SECONDS`."""
        nonlocal checked
        if not wanted(event):
            return None
        snapshot: Snapshot | None = await snapshots.of(event)
        if snapshot is None or (seen := judged(event, snapshot)) is None:
            return None
        if time.monotonic() - checked > RECHECK_SECONDS:
            context.principal = await _principal_now(context)
            checked = time.monotonic()
            seen = judged(event, snapshot)  # with the rights as they are now
        return seen

    async for event, seen in follow(context.bus, start, visible):
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
        async for message in _messages(info, after, lambda event: event.exchange_id == pk, timeline=True):
            yield message
