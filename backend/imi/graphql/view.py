"""The GraphQL endpoint: authenticates each request, enforces CSRF for cookie sessions, builds the context."""

from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from imi.accounts.authentication import authenticate
from imi.clock import Clock
from imi.exchanges.attachments import FileStore
from imi.graphql.context import Context
from imi.settings import Settings


class GraphQLView(GraphQL):
    def __init__(self, schema: Any, settings: Settings, clock: Clock, store: FileStore) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.development else None,
            multipart_uploads_enabled=True,
            max_subscriptions_per_connection=20,
        )
        self.settings = settings
        self.clock = clock
        self.store = store

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:  # type: ignore[override]
        authenticated = await authenticate(request, self.clock.now())
        if isinstance(request, Request) and request.method == "POST" and not authenticated.csrf_ok(request):
            raise HTTPException(403, "Missing or wrong X-CSRF-Token header for a cookie session.")
        return Context(request=request, response=response, principal=authenticated.principal,
                       settings=self.settings, clock=self.clock, store=self.store)
