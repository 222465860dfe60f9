"""HTML split into tokens that cover every byte of the source.

The standard library's `html.parser` does the parsing (comments, quoted
attributes containing `>`, script and style contents, bogus markup), and
each token keeps the exact span of the source it came from, so a caller can
rewrite a few tokens and copy everything else through unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TEXT, START, END, EMPTY, OTHER = "text", "start", "end", "empty", "other"

NEWLINE = re.compile("\n")

# Elements that never have content (no end tag to wait for).
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """source[start:end] is one text run, tag, comment or declaration."""

    kind: str
    start: int
    end: int
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()

    def attr(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)


class _Recorder(HTMLParser):
    """Records where each event starts; spans are closed by the next event."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, str, str, tuple]] = []
        self._line_starts = [0, *(m.end() for m in NEWLINE.finditer(source))]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _text(self, *_) -> None:
        # Text may come in pieces (data, &refs;); one run of text is one token.
        if not self.events or self.events[-1][1] != TEXT:
            self.events.append((self._offset(), TEXT, "", ()))

    handle_data = handle_entityref = handle_charref = _text

    def handle_starttag(self, tag, attrs):
        self.events.append((self._offset(), START, tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.events.append((self._offset(), EMPTY, tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.events.append((self._offset(), END, tag, ()))

    def _other(self, *_):
        self.events.append((self._offset(), OTHER, "", ()))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def tokenize(source: str) -> list[Token]:
    """The tokens of `source`, in order; their spans cover it without gaps."""
    recorder = _Recorder(source)
    recorder.feed(source)
    recorder.close()
    events = recorder.events
    tokens: list[Token] = []
    for index, (start, kind, tag, attrs) in enumerate(events):
        end = events[index + 1][0] if index + 1 < len(events) else len(source)
        if end > start:
            tokens.append(Token(kind, start, end, tag, attrs))
    # Whatever the parser did not report (nothing, in practice) stays text.
    if not tokens or tokens[0].start > 0:
        tokens.insert(0, Token(TEXT, 0, tokens[0].start if tokens else len(source)))
        if tokens[0].end == 0:
            tokens.pop(0)
    return tokens
