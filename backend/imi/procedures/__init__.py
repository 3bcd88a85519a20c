"""Procedures as data: any procedure's definition (workflow, forms, deadlines), the generic engine path that
runs it, case parties, and deadline processing."""
