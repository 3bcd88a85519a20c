"""CSV downloads of the statistics, for the same callers as the GraphQL queries.

`GET /statistics/scoreboard.csv?from=2019-01-01&to=2019-12-31[&countries=DE,FR][&areas=...][&rounding=NONE]`
`GET /statistics/trend.csv?country=DE&firstYear=2015&lastYear=2019[&areas=...][&rounding=NONE]`
`GET /statistics/usage.csv?from=...&to=...[&groupBy=YEAR,LEGAL_AREA][&kinds=REQUEST][&legalAreas=...]
[&procedures=...][&sendingCountries=...][&receivingCountries=...]`

Lists are comma-separated or repeated. 401 without credentials, 403 without `statistics:read`, 400 for bad input.
"""

from collections.abc import Awaitable, Callable
from datetime import date

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from imi import errors
from imi.accounts.authentication import authenticate
from imi.accounts.principal import Principal
from imi.clock import Clock, day_of
from imi.statistics import export, service
from imi.statistics.indicators import Rounding
from imi.statistics.usage import Filters, GroupBy


class BadParameter(Exception):
    pass


def _list(request: Request, name: str) -> list[str]:
    return [part.strip() for value in request.query_params.getlist(name) for part in value.split(",") if part.strip()]


def _date(request: Request, name: str) -> date:
    try:
        return date.fromisoformat(request.query_params[name])
    except KeyError:
        raise BadParameter(f"{name}: required (YYYY-MM-DD)") from None
    except ValueError:
        raise BadParameter(f"{name}: not a date (YYYY-MM-DD)") from None


def _int(request: Request, name: str) -> int:
    try:
        return int(request.query_params[name])
    except KeyError:
        raise BadParameter(f"{name}: required") from None
    except ValueError:
        raise BadParameter(f"{name}: not a whole number") from None


def _rounding(request: Request) -> Rounding:
    raw = request.query_params.get("rounding", Rounding.HALF_UP.value).strip().upper()
    try:
        return Rounding(raw)
    except ValueError:
        raise BadParameter(f"rounding: one of {', '.join(r.value for r in Rounding)}") from None


def _group_by(request: Request) -> list[GroupBy]:
    try:
        return [GroupBy(g.upper()) for g in _list(request, "groupBy")]
    except ValueError:
        raise BadParameter(f"groupBy: any of {', '.join(g.value for g in GroupBy)}") from None


async def _scoreboard(request: Request, principal: Principal, today: date) -> tuple[str, list[list[str]]]:
    start, end = _date(request, "from"), _date(request, "to")
    board = await service.scoreboard(principal, start, end, today, countries=_list(request, "countries"),
                                     areas=_list(request, "areas"), rounding=_rounding(request))
    return f"scoreboard-{start}-{end}", export.scoreboard_table(board)


async def _trend(request: Request, principal: Principal, today: date) -> tuple[str, list[list[str]]]:
    country = request.query_params.get("country", "")
    found = await service.trend(principal, country, _int(request, "firstYear"), _int(request, "lastYear"), today,
                                areas=_list(request, "areas"), rounding=_rounding(request))
    first, last = found.years[0].year, found.years[-1].year
    return f"trend-{found.country}-{first}-{last}", export.trend_table(found)


async def _usage(request: Request, principal: Principal, today: date) -> tuple[str, list[list[str]]]:
    start, end = _date(request, "from"), _date(request, "to")
    filters = Filters(
        kinds=tuple(k.upper() for k in _list(request, "kinds")), legal_areas=tuple(_list(request, "legalAreas")),
        procedures=tuple(_list(request, "procedures")),
        sending_countries=tuple(_list(request, "sendingCountries")),
        receiving_countries=tuple(_list(request, "receivingCountries")),
    )
    found = await service.usage_statistics(principal, start, end, _group_by(request), filters)
    return f"usage-{start}-{end}", export.usage_table(found)


Table = Callable[[Request, Principal, date], Awaitable[tuple[str, list[list[str]]]]]


def _csv_endpoint(make: Table) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        clock: Clock = request.app.state.clock
        now = clock.now()
        principal = (await authenticate(request, now)).principal
        if not principal.authenticated:
            return PlainTextResponse("sign in, or send an API token with statistics:read as a Bearer token\n",
                                     status_code=401, headers={"WWW-Authenticate": "Bearer"})
        try:
            name, table = await make(request, principal, day_of(now))
        except errors.NotAllowed as error:
            return PlainTextResponse(error.message + "\n", status_code=403)
        except errors.ValidationFailed as error:
            return PlainTextResponse(error.message + "\n", status_code=400)
        except BadParameter as error:
            return PlainTextResponse(f"{error}\n", status_code=400)
        return Response(export.to_csv(table), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{name}.csv"', "Cache-Control": "private, no-store"})

    return endpoint


routes = [
    Route("/scoreboard.csv", _csv_endpoint(_scoreboard), methods=["GET"]),
    Route("/trend.csv", _csv_endpoint(_trend), methods=["GET"]),
    Route("/usage.csv", _csv_endpoint(_usage), methods=["GET"]),
]
"""Mount under `/statistics`."""
