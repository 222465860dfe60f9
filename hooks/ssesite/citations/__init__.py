"""Citations: bibliography, references, `[@key]` syntax and loading, the Markdown
extension, views and "cite this".
"""
