"""Repositories: shared registers (the professions regulated in each country, the documents required for a
professional card, ...) fed by notifications, visible to all users or to a legal area's users, searchable, each
entry with its history."""
