"""Broadcasts: alerts and notifications from one authority to other countries' authorities."""
