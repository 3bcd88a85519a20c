"""What a request says: its subject, chosen questions and answers, personal data, and free-text messages,
each in the language of the authority that writes it."""

import random
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from imi.catalogue import AnswerType, Item, Option, catalogue, validate_answer, validate_parameters
from imi.demo import contact
from imi.demo.people import person
from imi.demo.vocabulary import DATA_DIR, country_vocabularies, language_vocabularies
from imi.reference import country, procedure
from imi.reference.keywords import keyword, keywords_for_area
from imi.reference.loader import read_yaml

YES_NO_WEIGHTS = {"YES": 0.78, "NO": 0.14, "DONT_KNOW": 0.08}
MIN_QUESTIONS, MAX_QUESTIONS = 2, 6


@cache
def question_items(procedure_code: str) -> tuple[Item, ...]:
    """The items a request of the procedure may ask: its catalogue's, or the fallback list until it has one."""
    try:
        found = tuple(item for item in catalogue(procedure_code).items() if item.type is not AnswerType.ATTACHMENT)
    except KeyError:
        found = ()
    if found:
        return found
    rows = read_yaml(DATA_DIR / "questions.yaml").get(procedure_code, [])
    return tuple(
        Item(id=row["id"], type=AnswerType(row["type"]), text={}, help={},
             parameters=tuple(row.get("parameters", ())),
             options=tuple(Option(f"{row['id']}.opt.{code}", {}) for code in row.get("options", ())))
        for row in rows
    )


@cache
def professions() -> tuple[str, ...]:
    return tuple(k.id for k in keywords_for_area("PROFESSIONAL_QUALIFICATIONS"))


@cache
def country_name(code: str, language: str) -> str:
    return country(code).name(language)


def profession_label(profession_id: str, language: str) -> str:
    return keyword(profession_id).label(language)


@dataclass(slots=True)
class Content:
    subject: str
    questions: list[dict[str, Any]]
    personal_data: dict[str, str]


CRAFTS = ("profession.electrician", "profession.plumber", "profession.hairdresser", "profession.real_estate_agent",
          "profession.tourist_guide", "profession.architect", "profession.chimney_sweep", "profession.beautician")


def _initials(someone: str) -> str:
    return " ".join(f"{word[0]}." for word in someone.split() if word)


def _parameters(item: Item, values: dict[str, str]) -> dict[str, str]:
    """Values for the item's placeholders (a parameter this generator does not know gets the profession)."""
    return validate_parameters(item, {name: values.get(name, values["profession"]) for name in item.parameters})


def request_content(rng: random.Random, procedure_code: str, language: str, requester_country: str,
                    responder_country: str, profession_id: str | None, responder_name: str = "") -> Content:
    """The subject, questions and personal data a requester writes in `language`. Question parameters name
    no one: people appear by their initials, their personal data stays in `personal_data`."""
    proc = procedure(procedure_code)
    words = language_vocabularies()[language]
    profession_id = profession_id or rng.choice(professions())
    profession = profession_label(profession_id, language)
    subject = rng.choice(words.subjects[proc.legal_area]).format(profession=profession)
    data = personal_data(rng, proc.personal_data, language, responder_country, profession)
    start = date(rng.randint(2005, 2020), rng.randint(1, 12), 1)
    end = date(min(start.year + rng.randint(1, 5), 2025), rng.randint(1, 12), 28)
    company = company_name(rng, responder_country)
    someone = _initials(data.get("full_name") or person(country_vocabularies()[responder_country], rng).full_name)
    values = {
        "profession": profession, "country": country_name(responder_country, language),
        "activity": profession_label(rng.choice(CRAFTS), language), "provider": company, "undertaking": company,
        "worker": someone, "professional": someone, "register": responder_name or profession,
        "start_date": start.isoformat(), "end_date": end.isoformat(),
        "period": f"{start:%m/%Y} – {end:%m/%Y}",
    }
    items = question_items(procedure_code)
    chosen = sorted(rng.sample(range(len(items)), rng.randint(min(MIN_QUESTIONS, len(items)),
                                                              min(MAX_QUESTIONS, len(items)))))
    questions = [{"item": items[i].id, "params": _parameters(items[i], values)} for i in chosen]
    return Content(subject[:300], questions, data)


def company_name(rng: random.Random, country_code: str) -> str:
    vocabulary = country_vocabularies()[country_code]
    company = vocabulary.companies
    return company.pattern.format(last=rng.choice(vocabulary.people.last_male), trade=rng.choice(company.trades),
                                  form=rng.choice(company.forms))


def personal_data(rng: random.Random, fields: tuple[str, ...], language: str, subject_country: str,
                  profession: str) -> dict[str, str]:
    """Plausible personal data of someone from `subject_country`, written by a requester in `language`."""
    vocabulary = country_vocabularies()[subject_country]
    someone = person(vocabulary, rng)
    birthplace = rng.choice(vocabulary.cities)
    home = rng.choice(vocabulary.cities)
    values = {
        "full_name": someone.full_name,
        "date_of_birth": date(rng.randint(1955, 2001), rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
        "place_of_birth": birthplace.name,
        "nationality": country_name(subject_country, language),
        "identity_document": f"{rng.choice(language_vocabularies()[language].identity_documents)} "
                             f"{contact.postcode('AA#######', rng)}",
        "address": contact.address(vocabulary, rng, home.name),
        "profession": profession,
        "registration_number": contact.postcode(rng.choice(("######", "AA-#####", "####/####")), rng),
        "business_name": company_name(rng, subject_country),
    }
    return {name: values[name] for name in fields if name in values}


def _answer(rng: random.Random, item: Item, language: str) -> object:
    kind = item.type
    if kind is AnswerType.YES_NO_DONT_KNOW:
        raw: object = rng.choices(list(YES_NO_WEIGHTS), list(YES_NO_WEIGHTS.values()))[0]
    elif kind is AnswerType.SINGLE_CHOICE:
        raw = rng.choice(item.option_ids)
    elif kind is AnswerType.MULTIPLE_CHOICE:
        raw = rng.sample(item.option_ids, rng.randint(1, min(2, len(item.option_ids))))
    elif kind is AnswerType.DATE:
        raw = date(rng.randint(1985, 2023), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
    elif kind is AnswerType.NUMBER:
        raw = rng.randint(1, 40)
    else:
        raw = rng.choice(language_vocabularies()[language].texts)
    value = validate_answer(item, raw)
    return list(value) if isinstance(value, tuple) else value


def answers(rng: random.Random, procedure_code: str, questions: list[dict[str, Any]], language: str,
            ) -> dict[str, object]:
    """Answers to most of the chosen questions, by a responder writing in `language`."""
    by_id = {item.id: item for item in question_items(procedure_code)}
    found: dict[str, object] = {}
    for question in questions:
        item = by_id.get(question["item"])
        if item is not None and (rng.random() < 0.92 or not found):
            found[item.id] = _answer(rng, item, language)
    return found


def message(rng: random.Random, kind: str, language: str) -> str:
    return rng.choice(language_vocabularies()[language].messages[kind])
