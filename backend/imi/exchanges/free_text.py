"""Free text in an exchange (messages, comments): the language of the original, and its translations for the
readers of the other authorities, made in the background after it is written."""

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from imi.accounts.models import User
from imi.broadcasts.models import Participant
from imi.exchanges.models import Exchange, Message

if TYPE_CHECKING:
    from imi.translation.runtime import TranslationRuntime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Written:
    """A text as its author wrote it: its language (None: the author's interface language) and whether that
    language confidently differs from the one the author declared."""

    text: str
    language: str | None = None
    flagged: bool = False


def written(text: str, declared: str, runtime: "TranslationRuntime | None") -> Written:
    """Record a text's language: the author's, unless the detector is confident it is another."""
    if runtime is None or runtime.detector is None or not text.strip():
        return Written(text)
    try:
        detection = runtime.detector.detect(text, declared)
    except ValueError:
        return Written(text)
    return Written(text, detection.language, detection.flagged)


async def reader_languages(exchange: Exchange) -> set[str]:
    """The interface languages of the active users of every authority involved in an exchange."""
    involved = [exchange.requesting_authority_id, exchange.responding_authority_id,
                exchange.referral_coordinator_id]
    rows = await Participant.filter(exchange_id=exchange.id).values("authority_id")
    involved += [row["authority_id"] for row in rows]
    authorities = {pk for pk in involved if pk is not None}
    languages = await User.filter(authority_id__in=list(authorities), is_active=True).distinct().values_list(
        "language", flat=True)
    return {str(language) for language in languages}


async def translate_latest(runtime: "TranslationRuntime | None", exchange_id: int) -> None:
    """Start translating an exchange's newest message into each reader's language (never waits)."""
    if runtime is None:
        return
    message = await Message.filter(exchange_id=exchange_id).order_by("-id").first()
    exchange = await Exchange.get_or_none(id=exchange_id)
    if message is None or exchange is None:
        return
    for language in sorted(await reader_languages(exchange) - {message.language}):
        try:
            await runtime.service.request(message.text, message.language, language, wait=0)
        except ValueError as error:  # rejected (e.g. too long): the original stays, readers see why
            log.info("message %s not translated into %s: %s", message.id, language, error)
