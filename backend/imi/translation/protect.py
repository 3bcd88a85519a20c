"""Protect what must not be translated: replace it by opaque tokens before translation, restore it after.

Protected: URLs, e-mail addresses, numeric dates, reference numbers (letters and digits joined by `-`, `/`
or `.`, or words mixing letters and digits) and short spans (up to 80 characters) between double quotes or
guillemets: names and titles.
The tokens are capital-letter words that no dictionary knows, so a rule-based engine passes them through
unchanged and keeps them where the sentence puts them. `restore` refuses a translation that lost,
duplicated or invented a token rather than return a text missing a reference.
"""

import html
import re
from dataclasses import dataclass, field

from imi.translation.errors import ProviderError

_PATTERNS = (
    r"(?:https?|ftp)://[^\s<>\"]+[^\s<>\".,;:!?)\]}'’”»]",  # URL
    r"\bwww\.[^\s<>\"]+[^\s<>\".,;:!?)\]}'’”»]",  # bare web address
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",  # e-mail address
    r"\"[^\"\n]{1,80}\"",  # "quoted"
    r"“[^”\n]{1,80}”",  # “quoted”
    r"„[^“”\n]{1,80}[“”]",  # „quoted“
    r"«[^»\n]{1,80}»",  # «quoted»
    r"»[^«\n]{1,80}«",  # »quoted«
    r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b",  # numeric date
    r"\b(?=[\w/.-]*\d)[^\W_]+(?:[-/.][^\W_]+)+\b",  # reference: groups joined by - / . with a digit
    r"\b(?=[^\W\d_]*\d)(?=\d*[^\W\d_])[^\W_]{3,}\b",  # word mixing letters and digits (AB12345)
)
PROTECTED = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_TAG = re.compile(r"<[^>]*>")
_PREFIXES = ("ZXQ", "XZQX", "QXZQ", "ZQXZ")
_DIGITS = "ABCDEFGHIJKLMNOPRSTUVWXY"  # no Q: a token ends at its first Q after the prefix


@dataclass(frozen=True, slots=True)
class Protected:
    """A text with its protected spans replaced by tokens."""

    text: str
    spans: dict[str, str] = field(default_factory=dict)
    prefix: str = _PREFIXES[0]

    def tokens(self, text: str) -> list[str]:
        """The tokens found in `text`, in order."""
        return re.findall(rf"{self.prefix}[{_DIGITS}]+Q", text)


def _letters(index: int) -> str:
    """0 → A, 23 → Y, 24 → BA: a number written with the token digits."""
    digits = ""
    while True:
        index, rest = divmod(index, len(_DIGITS))
        digits = _DIGITS[rest] + digits
        if index == 0:
            return digits


def _prefix(text: str) -> str:
    for prefix in _PREFIXES:
        if prefix not in text:
            return prefix
    raise ProviderError("the text contains every protection token prefix", retryable=False)


def _protect_plain(text: str, prefix: str, spans: dict[str, str], seen: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        original = match.group(0)
        if original not in seen:
            token = f"{prefix}{_letters(len(seen))}Q"
            seen[original] = token
            spans[token] = original
        return seen[original]

    return PROTECTED.sub(replace, text)


def protect(text: str, fmt: str = "text") -> Protected:
    """Replace protected spans by tokens; in HTML, only text outside tags is examined."""
    prefix = _prefix(text)
    spans: dict[str, str] = {}
    seen: dict[str, str] = {}
    if fmt != "html":
        return Protected(_protect_plain(text, prefix, spans, seen), spans, prefix)
    parts: list[str] = []
    position = 0
    for tag in _TAG.finditer(text):
        parts.append(_protect_plain(text[position : tag.start()], prefix, spans, seen))
        parts.append(tag.group(0))
        position = tag.end()
    parts.append(_protect_plain(text[position:], prefix, spans, seen))
    return Protected("".join(parts), spans, prefix)


def restore(translated: str, protected: Protected) -> str:
    """Put the protected spans back; `ProviderError` if a token was lost, duplicated or invented."""
    if not protected.spans:
        return translated
    if sorted(protected.tokens(translated)) != sorted(protected.tokens(protected.text)):
        raise ProviderError("the translation altered protected content (a reference, address or name)")
    return re.sub(rf"{protected.prefix}[{_DIGITS}]+Q", lambda m: protected.spans[m.group(0)], translated)


def to_markup(text: str) -> str:
    """Plain text as markup an HTML-aware engine passes through verbatim (`<`, `>` and `&` escaped)."""
    return html.escape(text, quote=False)


def from_markup(text: str) -> str:
    """The inverse of `to_markup`."""
    return html.unescape(text)
