"""Settings read from the environment that would otherwise stop a build badly.

`SOURCE_DATE_EPOCH` gives reproducible builds their date (the Makefile sets
it from the last commit); MkDocs reads it with `int()` and fails with a
traceback on anything else. The build, `make check` and `make site`
(tools/build_site.py) stop on a wrong value with this message instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
LAST_EPOCH = 253402300799
"""31 December 9999, 23:59:59 UTC: the last moment a date can name."""

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def source_date_epoch_problem(environ: Mapping[str, str] = os.environ) -> str:
    """A message when SOURCE_DATE_EPOCH cannot be a build date, else ''."""
    value = environ.get(SOURCE_DATE_EPOCH)
    if not value:
        return ""
    if not value.isascii() or not value.isdigit() or int(value) > LAST_EPOCH:
        return (
            f"{SOURCE_DATE_EPOCH}: expected the build date as a whole number of seconds since "
            f"1970-01-01 UTC (e.g. `git log -1 --format=%ct`), found {value!r}"
        )
    return ""


def problem(environ: Mapping[str, str] = os.environ) -> str:
    """What the build, `make check` and `make site` stop on: a message, else ''.

    SSESITE_WORKERS (`background.worker_count`) and SOURCE_DATE_EPOCH.
    """
    from .background import worker_count

    try:
        worker_count(environ)
    except ValueError as error:
        return str(error)
    return source_date_epoch_problem(environ)
