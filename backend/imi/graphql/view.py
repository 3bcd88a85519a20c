"""The GraphQL endpoint: authenticates each request, enforces CSRF for cookie sessions, builds the context;
over WebSocket (graphql-transport-ws), authenticates at connection init."""

from datetime import timedelta
from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError

from imi.accounts.authentication import authenticate
from imi.accounts.profiles import Scope
from imi.accounts.service import principal_for_token
from imi.clock import Clock
from imi.events.bus import Bus
from imi.exchanges.attachments import FileStore
from imi.graphql.context import Context
from imi.settings import Settings
from imi.translation.runtime import TranslationRuntime

MAX_SUBSCRIPTIONS_PER_CONNECTION = 20


class GraphQLView(GraphQL):
    def __init__(self, schema: Any, settings: Settings, clock: Clock, store: FileStore, bus: Bus) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.development else None,
            multipart_uploads_enabled=True,
            max_subscriptions_per_connection=MAX_SUBSCRIPTIONS_PER_CONNECTION,
            allowed_origins=settings.allowed_origins,
            connection_init_wait_timeout=timedelta(seconds=settings.ws_init_timeout_seconds),
        )
        self.settings = settings
        self.clock = clock
        self.store = store
        self.bus = bus
        self.translation: TranslationRuntime | None = None  # set while the app runs, if configured

    async def get_context(  # type: ignore[override]
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        authenticated = await authenticate(request, self.clock.now())
        if isinstance(request, Request) and request.method == "POST" and not authenticated.csrf_ok(request):
            raise HTTPException(403, "Missing or wrong X-CSRF-Token header for a cookie session.")
        return Context(request=request, response=response, principal=authenticated.principal,
                       settings=self.settings, clock=self.clock, store=self.store, bus=self.bus,
                       translation=self.translation)

    async def on_ws_connect(self, context: Context) -> dict[str, object] | None:  # type: ignore[override]
        """A partner tool sends `{"token": "<API token>"}` in connection_init; the web app relies on its session
        cookie. Without either, or with a token lacking `events:subscribe`, the connection is refused (4403)."""
        token = (context.connection_params or {}).get("token")
        if isinstance(token, str) and token:
            principal = await principal_for_token(token, self.clock.now())
            if principal is None or not principal.has_scope(Scope.EVENTS_SUBSCRIBE):
                raise ConnectionRejectionError({"reason": "invalid token or missing events:subscribe scope"})
            context.principal = principal
        elif not context.principal.authenticated:
            raise ConnectionRejectionError({"reason": "sign in or send a token in connection_init"})
        return None
