"""Workflows as data: each procedure's parties, states, who may take which action from which state, the form of
each step, and its deadlines."""

from imi.workflows.definition import SYSTEM, Deadline, DeadlineEffect, PartySource, Transition, Workflow, WorkflowError
from imi.workflows.engine import allowed_actions, allowed_transitions, decide, transition_for
from imi.workflows.registry import workflow, workflows

__all__ = ["SYSTEM", "Deadline", "DeadlineEffect", "PartySource", "Transition", "Workflow", "WorkflowError",
           "allowed_actions", "allowed_transitions", "decide", "transition_for", "workflow", "workflows"]
