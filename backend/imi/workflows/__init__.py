"""Workflows as data: each procedure's states, who may take which action from which state, and its deadlines."""

from imi.workflows.definition import Deadline, Transition, Workflow, WorkflowError
from imi.workflows.engine import allowed_actions, decide
from imi.workflows.registry import workflow, workflows

__all__ = ["Deadline", "Transition", "Workflow", "WorkflowError", "allowed_actions", "decide", "workflow",
           "workflows"]
