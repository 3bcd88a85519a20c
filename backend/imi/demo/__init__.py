"""Demonstration data: a deterministic generator of authorities, users and information requests.

`generate(scale, seed)` fills an empty database with a realistic directory of authorities in the 30 EEA
countries, their users, and the information requests of the four scoreboard areas since 2008, calibrated on
the published figures. Vocabularies (names, cities, people, texts) are data files in `data/`.
"""
