"""The schema: every domain's queries and mutations merged into one Query and one Mutation."""

import strawberry
from strawberry import relay
from strawberry.tools import merge_types

from imi.accounts.schema import AccountMutations, AccountQueries
from imi.authorities.schema import AuthorityMutations, AuthorityQueries
from imi.broadcasts.api import BroadcastMutations
from imi.catalogue.schema import CatalogueQueries
from imi.events.schema import EventSubscriptions
from imi.exchanges.api import ExchangeMutations, ExchangeQueries
from imi.graphql.limits import extensions
from imi.privacy.schema import PrivacyQueries
from imi.procedures.api import ProcedureMutations, ProcedureQueries
from imi.reference.schema import ReferenceQueries
from imi.repositories.schema import RepositoryQueries
from imi.search.schema import SearchQueries
from imi.statistics.schema import StatisticsQueries


@strawberry.type
class NodeQueries:
    node: relay.Node | None = relay.node(description="Any object by its global ID, if you may see it.")


Query = merge_types(
    "Query",
    (NodeQueries, AccountQueries, ReferenceQueries, CatalogueQueries, AuthorityQueries, ExchangeQueries,
     StatisticsQueries, SearchQueries),
)
Mutation = merge_types(
    "Mutation", (AccountMutations, AuthorityMutations, ExchangeMutations, BroadcastMutations, ProcedureMutations)
)
Query = merge_types("Query", (Query, ProcedureQueries, RepositoryQueries, PrivacyQueries))


Subscription = merge_types("Subscription", (EventSubscriptions,))

schema = strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions())
