"""Turning names in any of the served scripts into plain ASCII, for e-mail addresses."""

import re
import unicodedata

_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}
_LATIN = {"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "þ": "th", "ð": "d", "đ": "d", "ħ": "h", "ı": "i", "œ": "oe"}
_NOT_ALLOWED = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters and digits of `text` (Greek and Cyrillic transliterated), others dropped."""
    out = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(char):
            continue
        out.append(_GREEK.get(char) or _CYRILLIC.get(char) or _LATIN.get(char) or char)
    return "".join(out)


def email_local_part(*words: str) -> str:
    """`first.last` from the words of a name, in ASCII."""
    parts = [_NOT_ALLOWED.sub("", ascii_fold(word)) for word in words]
    return ".".join(part for part in parts if part) or "official"
