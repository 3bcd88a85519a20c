"""The repository tests use the officials, clients and helpers of the procedure tests."""

from tests.procedures.conftest import (  # noqa: F401 (fixtures)
    all_coordinators,
    cast,
    client_for,
    http,
    party,
    run_deadlines,
    travel,
)
