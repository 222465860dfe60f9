"""What the search index reads of a page: cells, items and lines as separate words.

Material's search plugin keeps the text of a page and drops most tags, so
text on both sides of a tag with no space between is glued into one word:
`<td>Entity type</td><td>National form</td>` became "Entity typeNational
form", and `cooperative<br>協同組合` "cooperative協同組合". A line break
after such boundaries (outside `<pre>`, where it would show) keeps them
apart. Browsers lay out the page exactly as before: white space between
table cells, list items and blocks, and after a `<br>`, is not rendered.
"""

from __future__ import annotations

import re

# The end of a cell, item or block, or a line break, with no white space after it
BOUNDARY = re.compile(
    r"(<br\s*/?>|</(?:td|th|tr|li|dd|dt|p|div|caption|figcaption|h[1-6]|blockquote|summary"
    r"|table|thead|tbody|ul|ol|dl|section|details|nav|aside|figure)>)(?=\S)",
    re.IGNORECASE,
)
PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.IGNORECASE | re.DOTALL)


def separate_words(html: str) -> str:
    """`html` with a line break after every boundary that had no white space."""
    parts = PRE.split(html)
    # Odd parts are <pre> blocks, left as they are
    return "".join(
        part if index % 2 else BOUNDARY.sub("\\1\n", part) for index, part in enumerate(parts)
    )
