"""Authorities: the directory of competent authorities and their coordinators."""
