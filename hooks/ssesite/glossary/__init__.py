"""The glossary: model, loading, term links, the term matcher, marking of pages
and the glossary page.
"""
