"""Turning an analysed query into a tantivy query whose score follows Meilisearch's ranking rules.

Every clause has a constant score, so the sum orders hits like the rules `words > typo > proximity >
attribute > exactness`: each matched word is worth `WORD`, less `TYPO` per typo, plus its best attribute's
weight (by its rank in `searchableAttributes`); a phrase match of the query adds `PHRASE`, a query equal to
a whole name `EXACT`. Stop words are optional and worth little; the query language adds a stemmed match.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from imi.search.analysis import QueryWord
from imi.search.definition import IndexDefinition
from imi.search.model import SearchQuery
from imi.search.tantivy_schema import EXACT_FIELD, FUZZY_FIELD, stem_analyzer, stem_field, stemmers, text_field

WORD = 10_000.0
TYPO = 1_000.0
PHRASE = 500.0
ATTRIBUTE = 100.0
EXACT = 60.0
PREFIX = 50.0
SYNONYM = 50.0
OPTIONAL = 10.0
SHORT_PREFIX = 3
"""Prefixes shorter than this are searched in all attributes at once (they expand to many words)."""


@dataclass(frozen=True, slots=True)
class Plan:
    text: Query | None
    """The text part (None: no text, every document matches)."""
    best: float
    """The score of a perfect hit, to scale scores to 0..1."""


class QueryBuilder:
    """Builds the text query of a search and its filters, for one schema and definition."""

    def __init__(self, schema: tantivy.Schema, definition: IndexDefinition) -> None:
        self.schema = schema
        self.definition = definition
        attributes = definition.searchable_attributes
        self.weights = {
            attribute: ATTRIBUTE * (len(attributes) - rank) for rank, attribute in enumerate(attributes)
        }
        self.no_typos = set(definition.typos.disable_on_attributes)
        self.analyzers = {language: stem_analyzer(name) for language, name in stemmers(definition).items()}

    def _const(self, query: Query, score: float) -> Query:
        return Query.const_score_query(query, score)

    def _variants(self, attribute: str, word: QueryWord, base: float) -> list[Query]:
        field = text_field(attribute)
        clauses = [self._const(Query.term_query(self.schema, field, word.text), base)]
        if word.prefix and (len(word.text) >= SHORT_PREFIX or attribute in self.no_typos):
            prefix = Query.fuzzy_term_query(self.schema, field, word.text, 0, True, True)
            clauses.append(self._const(prefix, base - PREFIX))
        for alternative in word.alternatives:
            if len(alternative) == 1:
                found = Query.term_query(self.schema, field, alternative[0])
            else:
                found = Query.phrase_query(self.schema, field, list(alternative))
            clauses.append(self._const(found, base - SYNONYM))
        return clauses

    def _any_attribute(self, word: QueryWord, top: float) -> list[Query]:
        """Typos (and short prefixes), in the words of every attribute that begin with the same letter."""
        path, rest = f"{FUZZY_FIELD}.{word.text[0]}", word.text[1:]
        clauses = []
        if word.prefix and len(word.text) < SHORT_PREFIX:
            prefix = Query.fuzzy_term_query(self.schema, path, rest, 0, True, True)
            clauses.append(self._const(prefix, top + ATTRIBUTE - PREFIX))
        for distance in range(1, word.typos + 1):
            fuzzy = Query.fuzzy_term_query(self.schema, path, rest, distance, True, word.prefix)
            clauses.append(self._const(fuzzy, top + ATTRIBUTE - TYPO * distance - (PREFIX if word.prefix else 0)))
        return clauses

    def _word(self, word: QueryWord, language: str | None) -> Query:
        top = WORD if not word.optional else OPTIONAL
        clauses: list[Query] = []
        for attribute, weight in self.weights.items():
            clauses.extend(self._variants(attribute, word, top + (weight if not word.optional else 0)))
        clauses.extend(self._any_attribute(word, top))
        analyzer = self.analyzers.get(language or "")
        if language and analyzer is not None and not word.optional:
            stems = analyzer.analyze(word.text)
            if stems:
                stemmed = Query.term_query(self.schema, stem_field(language), stems[0])
                clauses.append(self._const(stemmed, top - TYPO / 2))
        return Query.disjunction_max_query(clauses)

    def _bonuses(self, words: Sequence[QueryWord]) -> list[Query]:
        required = [word for word in words if not word.optional]
        bonuses: list[Query] = []
        texts: list[str | tuple[int, str]] = [word.text for word in words]
        if len(required) > 1:
            phrases = []
            for attribute in self.weights:
                field = text_field(attribute)
                if words[-1].prefix:
                    phrases.append(Query.phrase_prefix_query(self.schema, field, texts))
                else:
                    phrases.append(Query.phrase_query(self.schema, field, texts, 1))
            bonuses.append(self._const(Query.disjunction_max_query(phrases), PHRASE))
        if required:
            exact = Query.term_query(self.schema, EXACT_FIELD, " ".join(word.text for word in words))
            bonuses.append(self._const(exact, EXACT))
        return bonuses

    def plan(self, words: Sequence[QueryWord], language: str | None) -> Plan:
        if not words:
            return Plan(None, 1.0)
        required = [self._word(word, language) for word in words if not word.optional]
        optional = [(Occur.Should, self._word(word, language)) for word in words if word.optional]
        bonuses = [(Occur.Should, bonus) for bonus in self._bonuses(words)]
        if self.definition.matching_strategy == "all":
            clauses = [(Occur.Must, query) for query in required]
        else:
            clauses = [(Occur.Must, Query.boolean_query([(Occur.Should, query) for query in required], 1))]
        best = (
            len(required) * (WORD + max(self.weights.values())) + (PHRASE if len(required) > 1 else 0) + EXACT
        )
        return Plan(Query.boolean_query([*clauses, *optional, *bonuses]), best)

    def filters(self, query: SearchQuery, leave_out: str | None = None) -> list[tuple[Occur, Query]]:
        """The query's filters as zero-scored clauses, without the one named `leave_out` (facet counting)."""
        result = []
        for name, values in query.filters().items():
            if name == leave_out:
                continue
            field = self.definition.filters[name]
            result.append(
                (Occur.Must, self._const(Query.term_set_query(self.schema, field, list(values)), 0.0))
            )
        return result

    def combine(self, plan: Plan, filters: list[tuple[Occur, Query]]) -> Query:
        base = plan.text if plan.text is not None else self._const(Query.all_query(), 0.0)
        if not filters:
            return base
        return Query.boolean_query([(Occur.Must, base), *filters])
