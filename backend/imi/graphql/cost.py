"""Query cost: an estimate of the objects an operation may return, refused above a budget before it runs.

Every object costs 1. A list field multiplies the cost of what is selected in it by its size: the page size it
asks for (`first` or `last`, directly or in its `input`, literal or variable, its default otherwise, at most the
largest page), 1 for the `edges`/`nodes` of a connection already counted, and `LIST_SIZE` for other lists.
Fragments on different types of a union or interface count as the dearest of them, since one object takes one.
"""

from collections.abc import Callable, Mapping
from typing import Any

from graphql.pyutils import Undefined
from graphql.type.definition import GraphQLInterfaceType

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
    get_named_type,
    is_abstract_type,
    is_composite_type,
)

LIST_SIZE = 10
PAGE_ARGUMENTS = ("first", "last")
CONNECTION_LISTS = ("edges", "nodes")


def _is_list(field: GraphQLField) -> bool:
    kind = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    return isinstance(kind, GraphQLList)


class CostCounter:
    """Computes the cost of operations of one document, for one set of variable values."""

    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode],
                 variables: Mapping[str, Any], max_page: int) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page = max_page

    def operation(self, node: OperationDefinitionNode) -> int:
        root = self.schema.get_root_type(node.operation)
        return 0 if root is None else self.selections(node.selection_set, root, frozenset())

    def selections(self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType,
                   visiting: frozenset[str]) -> int:
        """The cost of a selection set on `parent`: its own fields plus, per narrower type, its fragments."""
        if selection_set is None:
            return 0
        own = 0
        narrower: dict[str, int] = {}
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                own += self.field(selection, parent, visiting)
                continue
            condition, inner, name = self._fragment(selection, visiting)
            if inner is None:
                continue
            target = self.schema.get_type(condition) if condition else parent
            if target is None:
                continue
            cost = self.selections(inner, target, visiting | {name} if name else visiting)
            if target is parent or not (is_abstract_type(parent) and isinstance(target, GraphQLObjectType)):
                own += cost
            else:
                narrower[target.name] = narrower.get(target.name, 0) + cost
        return own + max(narrower.values(), default=0)

    def _fragment(self, selection: Any, visiting: frozenset[str]) -> tuple[str | None, SelectionSetNode | None,
                                                                           str | None]:
        if isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition.name.value if selection.type_condition else None
            return condition, selection.selection_set, None
        if isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = self.fragments.get(name)
            if fragment is None or name in visiting:  # unknown or cyclic: other rules report it
                return None, None, None
            return fragment.type_condition.name.value, fragment.selection_set, name
        return None, None, None

    def field(self, node: FieldNode, parent: GraphQLNamedType, visiting: frozenset[str]) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None or not is_composite_type(get_named_type(definition.type)):
            return 0
        inner = self.selections(node.selection_set, get_named_type(definition.type), visiting)
        return self.size(node, definition) * (1 + inner)

    def size(self, node: FieldNode, definition: GraphQLField) -> int:
        """How many objects the field may return."""
        for argument in node.arguments or ():
            declared = definition.args.get(argument.name.value)
            if declared is None:
                continue
            if argument.name.value in PAGE_ARGUMENTS:
                return self._page(self._value(argument.value), declared.default_value)
            input_type = get_named_type(declared.type)
            if isinstance(input_type, GraphQLInputObjectType):
                for name in PAGE_ARGUMENTS:
                    if name in input_type.fields:
                        given = self._value(argument.value)
                        value = given.get(name) if isinstance(given, dict) else None
                        return self._page(value, input_type.fields[name].default_value)
        for name in PAGE_ARGUMENTS:  # a paginated list called without its arguments: their defaults
            if name in definition.args:
                return self._page(None, definition.args[name].default_value)
        if not _is_list(definition):
            return 1
        return 1 if node.name.value in CONNECTION_LISTS else LIST_SIZE

    def _page(self, value: Any, default: Any) -> int:
        chosen = value if isinstance(value, int) else default
        if not isinstance(chosen, int) or chosen is Undefined:
            chosen = self.max_page
        return max(0, min(chosen, self.max_page))

    def _value(self, node: Any) -> Any:
        """A literal or variable argument as plain Python (objects as dicts), None when unknown."""
        if isinstance(node, VariableNode):
            return self.variables.get(node.name.value)
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, ObjectValueNode):
            return {item.name.value: self._value(item.value) for item in node.fields}
        return None


def cost_rule(variables: Mapping[str, Any] | None, budget: int, max_page: int,
              report: Callable[[int], None] | None = None) -> type[ValidationRule]:
    """A validation rule refusing operations whose cost is above `budget`."""

    class QueryCostRule(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            fragments = {d.name.value: d for d in context.document.definitions
                         if isinstance(d, FragmentDefinitionNode)}
            self.counter = CostCounter(context.schema, fragments, variables or {}, max_page)

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            cost = self.counter.operation(node)
            if report is not None:
                report(cost)
            if cost > budget:
                self.report_error(GraphQLError(
                    f"The query costs {cost}, more than the {budget} allowed: ask for smaller pages or fewer "
                    "nested lists.", node, extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "budget": budget}))

    return QueryCostRule
