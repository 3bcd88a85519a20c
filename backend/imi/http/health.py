"""`GET /healthz`: 200 when the database answers, 503 (with Retry-After) when it is out of reach or too slow."""

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from imi import db
from imi.http import unavailable


async def health(request: Request) -> Response:
    try:
        await asyncio.wait_for(db.connection().execute_query("SELECT 1"),
                               request.app.state.settings.database_timeout_seconds)
    except Exception as error:
        if not unavailable.database_unavailable(error):
            raise
        return JSONResponse({"status": "unavailable", "reason": unavailable.CODE}, status_code=503,
                            headers={"Retry-After": unavailable.RETRY_AFTER})
    return JSONResponse({"status": "ok"})
