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


def _parameters(item: Item, profession: str, responder_country: str) -> dict[str, str]:
    known = {"profession": profession, "country": responder_country}
    return validate_parameters(item, {name: known.get(name, profession) for name in item.parameters})


def request_content(rng: random.Random, procedure_code: str, language: str, requester_country: str,
                    responder_country: str, profession_id: str | None) -> Content:
    """The subject, questions and personal data a requester writes in `language`."""
    proc = procedure(procedure_code)
    words = language_vocabularies()[language]
    profession_id = profession_id or rng.choice(professions())
    profession = profession_label(profession_id, language)
    subject = rng.choice(words.subjects[proc.legal_area]).format(profession=profession)
    items = question_items(procedure_code)
    chosen = sorted(rng.sample(range(len(items)), rng.randint(min(MIN_QUESTIONS, len(items)),
                                                              min(MAX_QUESTIONS, len(items)))))
    nation = country_name(responder_country, language)
    questions = [{"item": items[i].id, "params": _parameters(items[i], profession, nation)} for i in chosen]
    data = personal_data(rng, proc.personal_data, language, responder_country, profession)
    return Content(subject[:300], questions, data)


def personal_data(rng: random.Random, fields: tuple[str, ...], language: str, subject_country: str,
                  profession: str) -> dict[str, str]:
    """Plausible personal data of someone from `subject_country`, written by a requester in `language`."""
    vocabulary = country_vocabularies()[subject_country]
    someone = person(vocabulary, rng)
    birthplace = rng.choice(vocabulary.cities)
    home = rng.choice(vocabulary.cities)
    company = vocabulary.companies
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
        "business_name": company.pattern.format(last=rng.choice(vocabulary.people.last_male),
                                                trade=rng.choice(company.trades), form=rng.choice(company.forms)),
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
