"""Exchanges between authorities: information requests, their workflow, messages and attachments."""
