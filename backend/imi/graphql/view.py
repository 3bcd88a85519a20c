"""The GraphQL endpoint: authenticates each request, enforces CSRF for cookie sessions, builds the context;
over WebSocket (graphql-transport-ws), authenticates at connection init."""

from datetime import timedelta
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.types import ExecutionResult

from imi.accounts.authentication import authenticate
from imi.accounts.profiles import Scope
from imi.accounts.service import principal_for_token
from imi.clock import Clock
from imi.events.bus import Bus
from imi.exchanges.attachments import FileStore
from imi.graphql import media
from imi.graphql.context import Context
from imi.http import unavailable
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

    async def run(self, request: Any, context: Any = None, root_value: Any = None) -> Any:
        """Serve one request, with the media type and status of GraphQL over HTTP (`imi.graphql.media`); the
        database out of reach (e.g. while authenticating) is a 503 with a clear message, not a server error."""
        try:
            response = await super().run(request)
        except Exception as error:
            if isinstance(request, WebSocket) or not unavailable.database_unavailable(error):
                raise
            body = {"errors": [{"message": unavailable.MESSAGE, "extensions": {"code": unavailable.CODE}}]}
            return JSONResponse(body, status_code=503, headers={"Retry-After": unavailable.RETRY_AFTER})
        if isinstance(request, Request) and isinstance(response, Response):
            media_type = getattr(request.state, "media_type", None)
            if media_type is not None:
                response.headers["content-type"] = f"{media_type}; charset=utf-8"
            status = getattr(request.state, "status", None)
            if status is not None and response.status_code == 200:
                response.status_code = status
                if status == 503:
                    response.headers["Retry-After"] = unavailable.RETRY_AFTER
        return response

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        parsed = await super().parse_http_body(request)
        for data in parsed if isinstance(parsed, list) else [parsed]:
            if not isinstance(data.operation_name, str | None):
                raise HTTPException(400, "The GraphQL operation's `operationName` must be a string or null.")
        return parsed

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response body; the media type and status that go with it are noted on the request's state."""
        processed = process_result(result)
        state = request.state
        state.media_type = media.negotiate(request.headers.get("accept"))
        if media.is_request_error(result.data, result.errors):
            processed.pop("data", None)
            if state.media_type == media.GRAPHQL_RESPONSE:
                state.status = 400
        if any((error.extensions or {}).get("code") == unavailable.CODE for error in result.errors or ()):
            state.status = 503
        return processed

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
