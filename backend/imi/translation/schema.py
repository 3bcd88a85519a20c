"""GraphQL for machine translations of free text: the translation into the reader's language, labelled as
machine-made, with its provider and status; the original is always given beside it."""

from datetime import datetime

import strawberry

from imi.translation.errors import TextRejectedError
from imi.translation.models import TranslationStatus
from imi.translation.runtime import TranslationRuntime

strawberry.enum(TranslationStatus, name="TranslationStatus")
NOT_CONFIGURED = "machine translation is not configured on this server"


@strawberry.type(description="A machine translation: it may be wrong; the original is authoritative.")
class MachineTranslation:
    language: str
    status: TranslationStatus
    text: str | None = strawberry.field(description="Set when the status is DONE.")
    provider: str | None
    route: str | None = strawberry.field(description="The languages it went through, e.g. fr→es→en.")
    reason: str | None = strawberry.field(description="Why it failed or is unavailable.")
    retry_at: datetime | None


async def translate(runtime: TranslationRuntime | None, text: str, source: str, target: str) -> MachineTranslation:
    """The translation of `text` for a reader of `target` (waiting a moment for it, never long)."""
    if runtime is None:
        return MachineTranslation(language=target, status=TranslationStatus.UNAVAILABLE, text=None, provider=None,
                                  route=None, reason=NOT_CONFIGURED, retry_at=None)
    try:
        row = await runtime.service.request(text, source, target)
    except TextRejectedError as error:
        return MachineTranslation(language=target, status=TranslationStatus.UNAVAILABLE, text=None, provider=None,
                                  route=None, reason=str(error), retry_at=None)
    return MachineTranslation(
        language=target, status=row.status, text=row.translated_text if row.status is TranslationStatus.DONE
        else None, provider=row.provider, route=row.route, reason=row.reason, retry_at=row.next_attempt_at,
    )
