"""Profiles and scopes: the vocabulary of rights (pure, shared by models and rules)."""

from enum import StrEnum


class Profile(StrEnum):
    """What a right lets a user do within a legal area of their authority."""

    REQUEST_HANDLER = "REQUEST_HANDLER"
    ALLOCATOR = "ALLOCATOR"
    ALERT_HANDLER = "ALERT_HANDLER"
    VIEWER = "VIEWER"
    LOCAL_DATA_ADMINISTRATOR = "LOCAL_DATA_ADMINISTRATOR"
    VALIDATOR = "VALIDATOR"
    REFERRAL_HANDLER = "REFERRAL_HANDLER"


class Scope(StrEnum):
    """What an API token may do."""

    STATISTICS_READ = "statistics:read"
    EXCHANGES_READ = "exchanges:read"
    EVENTS_SUBSCRIBE = "events:subscribe"
    PERSONAL_DATA_READ = "personal-data:read"
