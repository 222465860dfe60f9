"""The base every feature stands on.

Problems, YAML with lines, records and fields, URLs, Jinja set-up, languages,
HTML tokens and the worker pool. Imports nothing else of `ssesite`.
"""
