"""Protection of references, addresses, dates and quoted names across translation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imi.translation.errors import ProviderError
from imi.translation.protect import from_markup, protect, restore, to_markup

SAMPLE = (
    "Ref IMI-2024-000123, see https://example.org/a?b=1&c=2. Write to jan.novak@mzv.cz by 12/03/2024 "
    'or 2024-03-12; the firm "Müller & Söhne GmbH" and «Café Lisboa», case AB12345, file 2024/55.'
)


def test_protected_spans_become_tokens_and_come_back() -> None:
    protected = protect(SAMPLE)
    for kept in (
        "IMI-2024-000123",
        "https://example.org/a?b=1&c=2",
        "jan.novak@mzv.cz",
        "12/03/2024",
        "2024-03-12",
        '"Müller & Söhne GmbH"',
        "«Café Lisboa»",
        "AB12345",
        "2024/55",
    ):
        assert kept not in protected.text
        assert kept in protected.spans.values()
    assert "Ref" in protected.text and "the firm" in protected.text
    assert restore(protected.text, protected) == SAMPLE


def test_tokens_are_plain_capital_words() -> None:
    protected = protect(SAMPLE)
    assert all(token.isalpha() and token.isupper() for token in protected.spans)


def test_the_same_span_gets_the_same_token() -> None:
    protected = protect("Case IMI-1-2 and again IMI-1-2.")
    assert len(protected.spans) == 1
    assert restore(protected.text, protected) == "Case IMI-1-2 and again IMI-1-2."


def test_many_spans_get_distinct_tokens() -> None:
    text = " ".join(f"REF-{i}-X" for i in range(60))
    protected = protect(text)
    assert len(protected.spans) == 60
    assert restore(protected.text, protected) == text


def test_a_moved_token_is_restored_where_the_translation_put_it() -> None:
    protected = protect("Send IMI-9-9 to a@b.eu")
    first, second = protected.tokens(protected.text)
    assert restore(f"{second} gets {first}", protected) == "a@b.eu gets IMI-9-9"


def test_a_lost_token_is_refused() -> None:
    protected = protect("Send IMI-9-9 to a@b.eu")
    first, _ = protected.tokens(protected.text)
    with pytest.raises(ProviderError, match="protected content"):
        restore(f"Send {first} to someone", protected)


def test_a_duplicated_token_is_refused() -> None:
    protected = protect("Send IMI-9-9 now")
    (token,) = protected.tokens(protected.text)
    with pytest.raises(ProviderError):
        restore(f"{token} {token}", protected)


def test_a_text_that_already_contains_the_token_prefix_uses_another() -> None:
    text = "ZXQAQ is a word here, ref IMI-1-2"
    protected = protect(text)
    assert protected.prefix != "ZXQ"
    assert restore(protected.text, protected) == text


def test_markup_is_left_alone_and_only_text_is_protected() -> None:
    html = '<p>See <a href="https://x.eu/a-1">https://x.eu/a-1</a> ref 2024/55</p>'
    protected = protect(html, "html")
    assert protected.text.startswith('<p>See <a href="https://x.eu/a-1">')
    assert list(protected.spans.values()) == ["https://x.eu/a-1", "2024/55"]
    assert restore(protected.text, protected) == html


def test_plain_text_markup_characters_round_trip() -> None:
    text = "3 < 5 & 7 > 2 <b>not a tag</b> &amp;"
    assert from_markup(to_markup(text)) == text
    assert "<b>" not in to_markup(text)


@given(st.text(max_size=300))
def test_protect_then_restore_is_the_identity(text: str) -> None:
    protected = protect(text)
    assert restore(protected.text, protected) == text
