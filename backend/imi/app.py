"""The Starlette application: GraphQL, attachment downloads, health, and the single-page app."""

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise.contrib.starlette import RegisterTortoise

from imi import db, diagnostics, errors
from imi.accounts.authentication import authenticate
from imi.clock import Clock, SystemClock
from imi.events.bus import bus_for
from imi.events.outbox import Dispatcher
from imi.exchanges import service as exchanges
from imi.exchanges.attachments import FileStore
from imi.graphql.ids import decode
from imi.graphql.schema import schema
from imi.graphql.view import GraphQLView
from imi.http.guard import GuardSettings, RequestGuard
from imi.http.health import health
from imi.http.ratelimit import limiter_for
from imi.http.signin import SignInThrottle
from imi.privacy import audit
from imi.privacy.job import PrivacyRunner
from imi.privacy.origin import RecordOrigin
from imi.procedures.deadline_job import DeadlineRunner
from imi.search.factory import engine_from_settings
from imi.search.indexer import Indexer, writer_lock
from imi.settings import Settings
from imi.statistics.routes import routes as statistics_routes
from imi.translation.routes import routes as translation_routes
from imi.translation.runtime import report_translation, translation_lifespan

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every HTTP response (GraphiQL, served in development only, loads its
    scripts from a CDN and is left without the content security policy)."""

    def __init__(self, app: ASGIApp, development: bool = False) -> None:
        self.app = app
        self.development = development

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (self.development and scope["path"] == "/graphql" and scope["method"] == "GET"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    clock = clock or SystemClock()
    store = FileStore(settings.attachment_dir)
    bus = bus_for(settings.redis_url)
    dispatcher = Dispatcher(bus)
    deadlines = DeadlineRunner(clock, settings.deadline_interval_seconds)
    graphql = GraphQLView(schema, settings, clock, store, bus)
    search = engine_from_settings(settings)
    indexer = Indexer(search, lock_path=writer_lock(settings))
    limiter = limiter_for(settings.redis_url)

    async def download(request: Request) -> Response:
        try:
            attachment_id = decode(request.path_params["gid"], "Attachment")
            principal = (await authenticate(request, clock.now())).principal
            attachment = await exchanges.attachment_for_download(principal, attachment_id)
        except errors.DomainError:
            raise HTTPException(404) from None
        path = store.path(attachment.sha256)
        if not path.exists():
            raise HTTPException(404)
        await audit.read_download(principal, clock.now(), attachment.exchange_id, attachment.id)
        return FileResponse(path, media_type=attachment.content_type, filename=attachment.filename,
                            headers={"Cache-Control": "private, no-store"})

    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/attachments/{gid}", download),
        Route("/healthz", health),
        Mount("/statistics", routes=statistics_routes),
        *translation_routes,
    ]
    if Path(settings.frontend_dir, "index.html").exists():
        # Compressed: only the app's own files, never API answers that carry secrets (BREACH).
        routes.append(Mount("/", app=GZipMiddleware(SinglePageApp(settings.frontend_dir), minimum_size=512)))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        async with AsyncExitStack() as running:
            await running.enter_async_context(RegisterTortoise(
                app, config=db.tortoise_config(settings.database_url, settings.database_timeout_seconds),
                _enable_global_fallback=True))
            running.push_async_callback(limiter.close)
            await bus.start()
            running.push_async_callback(bus.stop)
            for task in (dispatcher, deadlines, indexer, app.state.retention):
                task.start()
                running.push_async_callback(task.stop)
            running.push_async_callback(search.close)
            graphql.translation = await running.enter_async_context(translation_lifespan(app))
            report_translation(graphql.translation)
            yield

    headers = Middleware(SecurityHeaders, development=settings.development)
    guard = Middleware(RequestGuard, limiter=limiter, settings=GuardSettings.of(settings))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[*diagnostics.middleware(), headers, guard])
    app.state.sign_in_throttle = SignInThrottle.of(settings, limiter)
    app.state.settings = settings
    app.state.clock = clock
    app.state.bus = bus
    app.state.dispatcher = dispatcher
    app.state.deadlines = deadlines
    app.state.retention = PrivacyRunner(clock, store)
    app.add_middleware(RecordOrigin)
    app.state.search = search
    app.state.search_indexer = indexer
    return app


class SinglePageApp(StaticFiles):
    """The built web app; any unknown path under it serves index.html so that shareable URLs work."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory, html=True)

    async def get_response(self, path: str, scope: dict) -> Response:  # type: ignore[override]
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404 or "." in Path(path).name:
                raise
            response = await super().get_response("index.html", scope)
        hashed = path.startswith("assets/")  # their names change with their content
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable" if hashed else "no-cache"
        return response
