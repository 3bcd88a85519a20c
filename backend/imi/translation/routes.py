"""HTTP routes that receive eTranslation's callbacks (mount them at the application root).

    POST /translation/etranslation/{token}/done    form: request-id, target-language, translated-text,
                                                         external-reference
    POST /translation/etranslation/{token}/error   form: request-id, target-languages, error-code,
                                                         error-message, external-reference

The token is the signed single-use reference issued with the request (`callbacks`); a forged, replayed or
mismatched callback gets 403 and changes nothing. The routes find the service at
`request.app.state.translation` (a `TranslationRuntime`, set by `translation_lifespan`).
"""

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from imi.translation.errors import CallbackRejectedError
from imi.translation.etranslation import DONE_PATH, ERROR_PATH, ETranslationTranslator
from imi.translation.service import TranslationService

PROVIDER = ETranslationTranslator.name


def _service(request: Request) -> TranslationService:
    runtime = getattr(request.app.state, "translation", None)
    if runtime is None:
        raise RuntimeError("the translation runtime is not started (app.state.translation)")
    service: TranslationService = runtime.service
    return service


async def _fields(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _check_reference(token: str, fields: dict[str, str]) -> None:
    reference = fields.get("external-reference")
    if reference and reference != token:
        raise CallbackRejectedError("the external reference does not match the callback URL")


async def etranslation_done(request: Request) -> Response:
    """A translated text snippet."""
    token = request.path_params["token"]
    fields = await _fields(request)
    if "translated-text" not in fields:
        return PlainTextResponse("translated-text is missing", status_code=400)
    try:
        _check_reference(token, fields)
        await _service(request).complete(
            token,
            provider=PROVIDER,
            request_id=fields.get("request-id"),
            target=fields.get("target-language", "").lower() or None,
            text=fields["translated-text"],
        )
    except CallbackRejectedError as error:
        return PlainTextResponse(str(error), status_code=403)
    return PlainTextResponse("OK")


async def etranslation_error(request: Request) -> Response:
    """eTranslation could not translate the snippet."""
    token = request.path_params["token"]
    fields = await _fields(request)
    code = fields.get("error-code", "?")
    message = fields.get("error-message", "no message")
    try:
        _check_reference(token, fields)
        await _service(request).fail(
            token,
            provider=PROVIDER,
            request_id=fields.get("request-id"),
            reason=f"eTranslation error {code}: {message}",
        )
    except CallbackRejectedError as error:
        return PlainTextResponse(str(error), status_code=403)
    return PlainTextResponse("OK")


routes: list[Route] = [
    Route(DONE_PATH, etranslation_done, methods=["POST"]),
    Route(ERROR_PATH, etranslation_error, methods=["POST"]),
]
