"""Domain modules of the SSE in Asia site.

Nothing in this package imports MkDocs: it loads, validates and models the
project's content (studies, framework, countries, ...) so that the MkDocs hooks
in ``hooks/`` stay thin and another builder could reuse it one day.
"""
