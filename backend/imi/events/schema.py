"""GraphQL subscriptions: the stream of exchange events a caller may see, resumable from a cursor."""

from collections.abc import AsyncGenerator, Callable
from datetime import datetime

import strawberry

from imi import errors
from imi.accounts.profiles import Scope
from imi.events.message import StreamEvent
from imi.events.stream import follow, parse_cursor
from imi.exchanges.models import Exchange
from imi.exchanges.schema import ExchangeNode
from imi.exchanges.visibility import Visible, get_visible, view
from imi.graphql.context import Context, Info
from imi.graphql.ids import decode
from imi.graphql.loaders import Loaders
from imi.reference.schema import ExchangeKind


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


def _require_subscriber(context: Context) -> None:
    principal = context.principal
    if not principal.authenticated or not principal.has_scope(Scope.EVENTS_SUBSCRIBE):
        raise errors.NotAllowed("subscribing needs a signed-in user or a token with events:subscribe")


async def _messages(
    info: Info, after: str | None, wanted: Callable[[StreamEvent], bool]
) -> AsyncGenerator[ExchangeEventMessage, None]:
    context = info.context
    _require_subscriber(context)
    start = parse_cursor(after)

    async def visible(event: StreamEvent) -> Visible | None:
        """Authorisation per event: the exchange as the subscriber may see it now, if at all."""
        if not wanted(event):
            return None
        row = await Exchange.get_or_none(id=event.exchange_id)
        return view(context.principal, row) if row else None

    async for event, seen in follow(context.bus, start, visible):
        context.loaders = Loaders()  # each message reads the exchange afresh
        yield ExchangeEventMessage(
            cursor=str(event.position), action=event.action,
            from_state=event.from_state, to_state=event.to_state, at=event.at, exchange=ExchangeNode.of(seen),
        )


@strawberry.type
class EventSubscriptions:
    @strawberry.subscription(description="Every event of the exchanges you may see, from a cursor, then live.")
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
        async for message in _messages(info, after, lambda event: event.exchange_id == pk):
            yield message
