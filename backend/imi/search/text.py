"""Text folding and tokenising shared by the index, the queries and the highlighter.

Folding makes case and diacritics irrelevant in every served script: Latin (including ł ß ø æ œ þ ð đ ħ ı),
Greek (accents, diaeresis and final sigma) and Cyrillic (й → и, ё → е).
"""

import re
import unicodedata
from functools import lru_cache

# Letters that carry no combining mark to strip but a stroke or ligature of their own.
_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "ŀ": "l",
        "ĸ": "k",
        "ſ": "s",
        "ŋ": "n",
        "ǥ": "g",
        "ƀ": "b",
        "ƶ": "z",
    }
)
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics: `Łódź` → `lodz`, `Αθήνα` → `αθηνα`, `Straße` → `strasse`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _MARKS.sub("", decomposed).translate(_LETTERS)


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def folded_words(text: str) -> tuple[str, ...]:
    """`words`, memoised: for the texts indexed again and again (keyword labels, country and place names)."""
    return tuple(words(text))


@lru_cache(maxsize=65536)
def spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each word of the text (NFC) as (start, end, folded word), for highlighting the original (memoised)."""
    return tuple(
        (match.start(), match.end(), "".join(words(match.group())))
        for match in _WORD.finditer(unicodedata.normalize("NFC", text))
    )


def edit_distance(left: str, right: str, limit: int) -> int:
    """Damerau-Levenshtein distance (a transposition costs 1), or `limit + 1` once it exceeds `limit`."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, lc in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, rc in enumerate(right, 1):
            cost = 0 if lc == rc else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and lc == right[j - 2] and left[i - 2] == rc:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def prefix_distance(prefix: str, word: str, limit: int) -> int:
    """The smallest edit distance between `prefix` and any prefix of `word` (typing in progress)."""
    best = limit + 1
    for length in range(max(0, len(prefix) - limit), min(len(word), len(prefix) + limit) + 1):
        best = min(best, edit_distance(prefix, word[:length], limit))
        if best == 0:
            break
    return best
