"""The conference programme: model, loading, checks, time, links, labels, views.

`exports` holds one module per downloadable file format, behind one registry.
"""
