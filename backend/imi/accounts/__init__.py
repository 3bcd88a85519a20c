"""Accounts: users, their rights per legal area, sessions, invitations and API tokens."""
