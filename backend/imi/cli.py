"""The `imi` command line: serve, migrate, seed, manage users and tokens, export the schema."""

import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from imi import db
from imi.settings import ROOT, Settings

app = typer.Typer(help="IMI: an open Internal Market Information System.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
seed_app = typer.Typer(help="Demonstration data.", no_args_is_help=True)
users_app = typer.Typer(help="Users of authorities.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens for statisticians and partner tools.", no_args_is_help=True)
coordinators_app = typer.Typer(help="National coordinators.", no_args_is_help=True)
catalogue_app = typer.Typer(help="The pre-translated questions and forms (XLIFF 2.0 for translators).",
                            no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(seed_app, name="seed")
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
app.add_typer(coordinators_app, name="coordinators")
app.add_typer(catalogue_app, name="catalogue")
exchanges_app = typer.Typer(help="Exchanges: import historical information requests.", no_args_is_help=True)
app.add_typer(exchanges_app, name="exchanges")
deadlines_app = typer.Typer(help="Deadlines of exchanges: reminders, escalations and legal effects.",
                            no_args_is_help=True)
app.add_typer(deadlines_app, name="deadlines")
procedures_app = typer.Typer(help="Procedures as data: check the definitions.", no_args_is_help=True)
app.add_typer(procedures_app, name="procedures")
authorities_app = typer.Typer(help="The directory of authorities: import from JSON Lines.", no_args_is_help=True)
app.add_typer(authorities_app, name="authorities")
search_app = typer.Typer(help="The authority search index.", no_args_is_help=True)
app.add_typer(search_app, name="search")
privacy_app = typer.Typer(help="Data protection: retention of personal data, the audit log, access requests.",
                          no_args_is_help=True)
app.add_typer(privacy_app, name="privacy")


def _run(work: Callable[[Settings], Awaitable[Any]], *, migrate: bool = True) -> Any:
    """Run `work` with the database open (after applying migrations)."""
    settings = Settings.from_env()
    settings.var_dir.mkdir(parents=True, exist_ok=True)

    async def main() -> Any:
        if migrate:
            await db.upgrade(settings.database_url)
        await db.init(settings.database_url)
        try:
            return await work(settings)
        finally:
            await db.close()

    return asyncio.run(main())


def _fail(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default: IMI_HOST or 127.0.0.1.")] = None,
    port: Annotated[int | None, typer.Option(help="Default: IMI_PORT or 8000.")] = None,
    workers: Annotated[int | None, typer.Option(help="Default: IMI_WORKERS or 1 (SQLite: always 1).")] = None,
) -> None:
    """Apply migrations and serve the app with uvicorn."""
    import uvicorn

    settings = Settings.from_env()
    asyncio.run(db.upgrade(settings.database_url))
    count = 1 if settings.sqlite else (workers or settings.workers)
    uvicorn.run("imi.app:create_app", factory=True, host=host or settings.host, port=port or settings.port,
                workers=count, proxy_headers=bool(settings.trusted_proxies),
                forwarded_allow_ips=list(settings.trusted_proxies) or None, server_header=False, log_level="info",
                log_config=_log_config())


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, and the app's own messages (e.g. the search index's rebuild) at INFO beside it."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["imi"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the committed migrations not yet applied."""
    settings = Settings.from_env()
    asyncio.run(db.upgrade(settings.database_url, progress=_migration_progress))
    typer.echo("database is up to date")


def _migration_progress(event: str, app_label: str, name: str) -> None:
    if event == "apply_done":
        typer.echo(f"applied {app_label}.{name}")


@seed_app.command("demo")
def seed_demo(
    scale: Annotated[float, typer.Option(help="1 = a small demo; 100 = the real system's size.")] = 1.0,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same data.")] = 2024,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Do nothing if the database has data.")] = False,
) -> None:
    """Generate realistic demonstration data, deterministically."""
    from imi.demo.generator import generate

    async def work(settings: Settings) -> None:
        from imi.authorities.models import Authority

        if if_empty and await Authority.exists():
            typer.echo("the database already has data: not seeding")
            return
        report = await generate(scale=scale, seed=seed)
        typer.echo(report)

    _run(work)


@users_app.command("create")
def users_create(
    email: str,
    authority: Annotated[str, typer.Option(help="The authority's id or external id.")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    full_name: Annotated[str, typer.Option(help="Default: the e-mail address.")] = "",
    language: str = "en",
    right: Annotated[list[str] | None, typer.Option(help="AREA:PROFILE or *:PROFILE; repeat.")] = None,
) -> None:
    """Create a user with rights (for example *:LOCAL_DATA_ADMINISTRATOR)."""
    from imi.accounts import service
    from imi.accounts.profiles import Profile
    from imi.authorities.models import Authority
    from imi.clock import SystemClock
    from imi.errors import DomainError

    async def work(settings: Settings) -> None:
        found = await Authority.get_or_none(external_id=authority)
        if found is None and authority.isdigit():
            found = await Authority.get_or_none(id=int(authority))
        if found is None:
            _fail(f"no authority {authority}")
            return
        try:
            rights = [(None if a == "*" else a, Profile(p)) for a, _, p in (r.partition(":") for r in right or [])]
            user = await service.create_user(email=email, full_name=full_name or email, authority_id=found.id,
                                             language=language, rights=rights, now=SystemClock().now(),
                                             password=password)
        except (DomainError, ValueError) as error:
            _fail(str(error))
            return
        typer.echo(f"created user {user.email} of {found.official_name}")

    _run(work)


@tokens_app.command("create")
def tokens_create(
    scope: Annotated[list[str], typer.Option(help="statistics:read, exchanges:read, events:subscribe, ...")],
    user: Annotated[str | None, typer.Option(help="The e-mail of the user the token acts for.")] = None,
    service_account: Annotated[str | None, typer.Option("--service", help="A service account name.")] = None,
    authority: Annotated[str | None, typer.Option(help="A partner tool's authority (external id or id).")] = None,
    days: int = 90,
    name: str = "command line",
) -> None:
    """Create an API token and print it (once)."""
    from imi.accounts import service
    from imi.accounts.models import User
    from imi.authorities.models import Authority
    from imi.clock import SystemClock
    from imi.errors import DomainError

    async def work(settings: Settings) -> None:
        now = SystemClock().now()
        owner: dict[str, int] = {}
        if user:
            found = await User.get_or_none(email=user.lower())
            if found is None:
                _fail(f"no user {user}")
                return
            owner["user_id"] = found.id
        elif service_account:
            authority_id = None
            if authority:
                row = await Authority.get_or_none(external_id=authority) or (
                    await Authority.get_or_none(id=int(authority)) if authority.isdigit() else None)
                if row is None:
                    _fail(f"no authority {authority}")
                    return
                authority_id = row.id
            owner["service_account_id"] = (await service.service_account(service_account, now, authority_id)).id
        else:
            _fail("give --user or --service")
        try:
            made = await service.create_token(name=name, scopes=scope, days=days, now=now, **owner)
        except DomainError as error:
            _fail(str(error))
            return
        typer.echo(made.plaintext)

    _run(work)


@tokens_app.command("list")
def tokens_list() -> None:
    """The active tokens: prefix, owner, name, scopes and expiry (never the secret)."""
    from imi.accounts import service
    from imi.clock import SystemClock

    async def work(settings: Settings) -> None:
        tokens = await service.active_tokens(SystemClock().now()).prefetch_related("user", "service_account")
        for token in tokens:
            account = token.service_account
            owner = token.user.email if token.user else f"service {account.name if account else '?'}"
            typer.echo(f"{token.prefix}  {owner}  {token.name!r}  {','.join(token.scopes)}  "
                       f"until {token.expires_at:%Y-%m-%d}")
        typer.echo(f"{len(tokens)} active token(s)", err=True)

    _run(work)


@tokens_app.command("revoke")
def tokens_revoke(prefix: Annotated[str, typer.Argument(help="The token's public part: imi_<prefix>_…")]) -> None:
    """Revoke a token at once (its live subscriptions end too)."""
    from imi.accounts import service
    from imi.clock import SystemClock
    from imi.errors import DomainError

    async def work(settings: Settings) -> None:
        try:
            token = await service.revoke_token(prefix, SystemClock().now())
        except DomainError as error:
            _fail(str(error))
            return
        typer.echo(f"revoked {token.prefix} ({token.name})")

    _run(work)


@coordinators_app.command("create")
def coordinators_create(
    country: str,
    official_name: str,
    language: Annotated[str, typer.Option(help="The language of the official name.")],
    external_id: str | None = None,
) -> None:
    """Create a country's national coordinator (once per country)."""
    from imi.authorities import service
    from imi.clock import SystemClock
    from imi.errors import DomainError

    async def work(settings: Settings) -> None:
        try:
            authority = await service.create_national_coordinator(service.AuthorityDetails(
                country=country.upper(), level="NATIONAL", official_name=official_name, official_language=language,
                external_id=external_id,
            ), SystemClock().now())
        except DomainError as error:
            _fail(str(error))
            return
        typer.echo(f"national coordinator of {authority.country}: id {authority.id}")

    _run(work)


@catalogue_app.command("export")
def catalogue_export(
    language: Annotated[str, typer.Option(help="The target language, e.g. pl.")],
    output: Annotated[Path | None, typer.Option(help="Default: standard output.")] = None,
) -> None:
    """Export one language of every question set, form and label as XLIFF 2.0 (source: English)."""
    from imi.catalogue import export_xliff

    try:
        document = export_xliff(language)
    except KeyError as error:
        _fail(f"not a served language: {error}")
        return
    if output:
        output.write_text(document, encoding="utf-8")
        typer.echo(f"wrote {output}")
    else:
        typer.echo(document)


@catalogue_app.command("import")
def catalogue_import(
    file: Path,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and report, write nothing.")] = False,
) -> None:
    """Import a reviewed XLIFF 2.0 file; refused, with the reasons, if it breaks an identifier or placeholder."""
    from imi.catalogue import import_xliff

    report = import_xliff(file.read_text(encoding="utf-8"), write=not dry_run)
    if not report.accepted:
        _fail("refused:\n" + "\n".join(f"  {error}" for error in report.errors))
    for change in report.changes:
        typer.echo(f"{change.source} {change.key}: {change.old!r} -> {change.new!r}")
    typer.echo(f"{report.language}: {len(report.changes)} changed, {report.unchanged} unchanged"
               + (" (dry run)" if dry_run else ""))


@catalogue_app.command("check")
def catalogue_check(
    detection: Annotated[bool, typer.Option(help="Check each text's language with the detector.")] = True,
) -> None:
    """Completeness, placeholders, untranslated texts and languages of the whole catalogue."""
    from imi.catalogue.checks import report, run_checks

    failures = run_checks(detect=detection)
    typer.echo(report(failures))
    if failures:
        raise typer.Exit(1)


@exchanges_app.command("import")
def exchanges_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The CSV file.")],
) -> None:
    """Import historical information requests from CSV (the format is in the README).

    Invalid rows are reported with their line numbers and not loaded; the rest is. References already present
    are left alone, so importing a file again changes nothing. Exit status 2 when some rows were refused.
    """
    from imi.clock import SystemClock
    from imi.statistics.importer import ImportFileError, count_lines, import_requests

    async def work(settings: Settings) -> int:
        try:
            lines = count_lines(file)
            with typer.progressbar(length=max(lines - 1, 1), label="importing", file=sys.stderr) as bar:
                report = await import_requests(file, SystemClock().now(), progress=bar.update)
        except ImportFileError as error:
            _fail(f"{file}: {error}")
            return 1
        for problem in report.problems:
            typer.echo(f"line {problem.line}: {problem.message}", err=True)
        typer.echo(report.summary())
        return 2 if report.problems else 0

    status = _run(work)
    if status:
        raise typer.Exit(status)


def _progress_bar() -> Any:
    """A rich progress bar on standard error."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True))


@authorities_app.command("import")
def authorities_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The JSONL file.")],
) -> None:
    """Import authorities from JSON Lines, one authority per line (the format is in the README).

    Each line creates the authority with its external_id or updates the one that has it. Faulty lines are
    reported with their line numbers and nothing of them is loaded; the rest is. Importing the same file again
    changes nothing. A running app indexes the imported authorities for search within seconds. Exit status 2
    when some lines were refused.
    """
    from imi.authorities.import_format import parse_file
    from imi.authorities.importer import import_parsed
    from imi.clock import SystemClock

    async def work(settings: Settings) -> int:
        try:
            parsed = parse_file(file)
        except UnicodeDecodeError as undecodable:
            _fail(f"{file}: not UTF-8 text ({undecodable.reason} at byte {undecodable.start})")
            return 1
        total = len(parsed.records) + len({problem.line for problem in parsed.errors})
        with _progress_bar() as bar:
            task = bar.add_task("importing authorities", total=total)
            report = await import_parsed(parsed, SystemClock().now(), progress=lambda n: bar.advance(task, n))
        for problem in report.errors:
            typer.echo(str(problem), err=True)
        typer.echo(report.summary())
        return 2 if report.errors else 0

    status = _run(work)
    if status:
        raise typer.Exit(status)


@search_app.command("reindex")
def search_reindex() -> None:
    """Rebuild the search index from the database; searches use the previous index until the new one is done."""
    from imi.search.factory import engine_from_settings
    from imi.search.indexer import Indexer
    from imi.search.source import authority_count

    async def work(settings: Settings) -> None:
        engine = engine_from_settings(settings)
        try:
            total = await authority_count()
            with _progress_bar() as bar:
                task = bar.add_task("indexing authorities", total=total)
                indexed = await Indexer(engine).rebuild(lambda done: bar.update(task, completed=done))
        finally:
            await engine.close()
        where = settings.meili_url or settings.search_dir
        typer.echo(f"search index rebuilt with {indexed} authorities ({where})")

    _run(work)


@deadlines_app.command("run")
def deadlines_run(
    at: Annotated[str | None, typer.Option(help="Apply what is due at this instant (ISO 8601; default: now).")] = None,
) -> None:
    """Apply every passed deadline once: reminders and escalations on the timeline, legal effects as steps."""
    from datetime import UTC, datetime

    from imi.clock import SystemClock
    from imi.procedures.deadline_job import run

    try:
        now = datetime.fromisoformat(at).astimezone(UTC) if at else SystemClock().now()
    except ValueError:
        _fail(f"not an ISO 8601 instant: {at}")
        return

    async def work(settings: Settings) -> None:
        applied = await run(now)
        for step in applied:
            typer.echo(f"exchange {step.exchange_id}: {step.deadline} {step.effect.value} -> {step.action}")
        typer.echo(f"{len(applied)} deadlines applied at {now.isoformat()}")

    _run(work)


def _instant(at: str | None) -> datetime:
    """An ISO 8601 instant (default: now), in UTC."""
    from imi.clock import SystemClock

    try:
        return datetime.fromisoformat(at).astimezone(UTC) if at else SystemClock().now()
    except ValueError:
        _fail(f"not an ISO 8601 instant: {at}")
        raise


@privacy_app.command("run")
def privacy_run(
    at: Annotated[str | None, typer.Option(help="Take the steps due at this instant (ISO 8601; default: now).")] = None,
) -> None:
    """Block and delete personal data whose retention period has ended (each step once); remove unused files."""
    from imi.exchanges.attachments import FileStore
    from imi.privacy.job import run

    now = _instant(at)

    async def work(settings: Settings) -> None:
        outcome = await run(now, FileStore(settings.attachment_dir))
        for done in outcome.done:
            typer.echo(f"{done.reference}: {done.step.value} ({done.basis.value})")
        typer.echo(f"{len(outcome.done)} steps taken, {outcome.files_removed} files removed at {now.isoformat()}")

    _run(work)


@privacy_app.command("verify-audit")
def privacy_verify_audit(
    anchor: Annotated[str | None, typer.Option(help="ID:HASH of an entry recorded earlier, which must still be "
                                                    "in the log.")] = None,
) -> None:
    """Check the audit log's hash chain: exit status 1 if an entry was changed, removed or inserted."""
    from imi.privacy.verify import verify

    recorded: tuple[int, str] | None = None
    if anchor:
        seq, _, digest = anchor.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            _fail("the anchor is ID:HASH, e.g. 1200:3f5a... (64 hexadecimal digits)")
        recorded = (int(seq), digest)

    async def work(settings: Settings) -> bool:
        result = await verify(recorded)
        for problem in result.problems:
            where = f"entry {problem.entry_id}" if problem.entry_id is not None else "chain"
            typer.secho(f"{where}: {problem.reason}", fg=typer.colors.RED, err=True)
        typer.echo(f"{result.checked} entries checked; head {result.head_seq}:{result.head_hash}")
        return result.intact

    if not _run(work):
        raise typer.Exit(1)


@privacy_app.command("export")
def privacy_export(
    subject: Annotated[str, typer.Option(help="The data subject's name, or an identifier.")],
    output: Annotated[Path | None, typer.Option(help="Write the JSON here (default: standard output).")] = None,
) -> None:
    """Everything held about a data subject, for an access request, as JSON (audited)."""
    import json

    from imi.clock import SystemClock
    from imi.errors import ValidationFailed
    from imi.privacy.audit import OPERATOR
    from imi.privacy.export import export_subject

    async def work(settings: Settings) -> dict[str, Any] | None:
        try:
            return await export_subject(subject, OPERATOR, SystemClock().now())
        except ValidationFailed as error:
            _fail(error.message)
            return None

    document = _run(work)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"{len(document['exchanges'])} exchanges written to {output}", err=True)


@procedures_app.command("check")
def procedures_check() -> None:
    """Load and validate every procedure, workflow, form and repository definition (with extra data folders)."""
    from imi.procedures.definitions import definitions
    from imi.repositories.definition import repositories
    from imi.workflows import WorkflowError

    try:
        found = definitions()
        registers = repositories()
    except (WorkflowError, ValueError) as error:
        _fail(str(error))
        return
    for code, definition in found.items():
        typer.echo(f"{code}: {definition.procedure.kind.value} {definition.procedure.legal_area} "
                   f"({definition.workflow.name})")
    typer.echo(f"{len(found)} procedures, {len(registers)} repositories: valid")


@app.command("export-schema")
def export_schema(
    output: Annotated[Path, typer.Option(help="Where to write the SDL.")] = ROOT / "schema.graphql",
) -> None:
    """Write the GraphQL schema (SDL) that the web app is typed from."""
    from imi.graphql.schema import schema

    output.write_text(schema.as_str() + "\n", encoding="utf-8")
    typer.echo(f"wrote {output}")


def main() -> None:
    app()
