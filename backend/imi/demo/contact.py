"""Plausible postal addresses, postcodes and telephone numbers in each country's format."""

import random
import string

from imi.demo.vocabulary import CountryVocabulary


def postcode(pattern: str, rng: random.Random) -> str:
    """`#` becomes a digit, `A` an upper-case letter; anything else is kept."""
    return "".join(
        str(rng.randint(0, 9)) if ch == "#" else rng.choice(string.ascii_uppercase) if ch == "A" else ch
        for ch in pattern
    )


def phone(vocabulary: CountryVocabulary, rng: random.Random) -> str:
    return f"{vocabulary.phone} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def street(vocabulary: CountryVocabulary, rng: random.Random) -> tuple[str, str]:
    """A street line in the country's order (the address without postcode and city), and a postcode."""
    parts = [p for p in vocabulary.address.split(", ") if "{postcode}" not in p and "{city}" not in p]
    line = ", ".join(parts).format(street=rng.choice(vocabulary.streets), number=rng.randint(1, 120))
    return line, postcode(vocabulary.postcode, rng)


def address(vocabulary: CountryVocabulary, rng: random.Random, city: str) -> str:
    """A full one-line postal address in `city`."""
    return vocabulary.address.format(street=rng.choice(vocabulary.streets), number=rng.randint(1, 120),
                                     postcode=postcode(vocabulary.postcode, rng), city=city)
