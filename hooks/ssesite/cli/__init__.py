"""Command-line entry points: `python -m ssesite.cli.check`, `ssesite.cli.scaffold`
and `ssesite.cli.export`.
"""
