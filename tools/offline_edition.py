"""The offline edition: the whole site as one ZIP archive that opens from disk.

A reader unpacks it and opens `sse-policy-asia/index.html`. Opened from disk
(file://), a browser resolves no folder address ("countries/korea/") to its
index.html, fetches no file and starts no worker from a file. The edition is
therefore the built site with these changes (no second build: every page is
already at <folder>/index.html, so its links only need the file's name):

- every relative link to a folder ("../korea/", "korea/#laws") names its
  index.html, in the pages and in the search index;
- the search index as a script (`search/search_index.js`, which Material
  reads on file://), and the search worker's code as a script
  (`search/search_worker.js`, loaded before lazy-search.js, which starts the
  worker from a Blob);
- what only a web server can use is left out: the link to this archive
  (between `<!-- sse:online-only -->` comments), the 404 page, the sitemaps,
  the index as JSON, lunr's language files (the site searches English words
  and its worker splits CJK and Thai text itself) and source maps.

The archive is the same bytes for the same site: files in sorted order, each
dated by SOURCE_DATE_EPOCH (the last commit), with fixed permissions.

Usage: python tools/offline_edition.py --site site --out edition.zip
(tools/build_site.py runs it for `make site`.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

FOLDER = "sse-policy-asia"
"""The folder the archive unpacks to."""
ARCHIVE = "downloads/sse-policy-asia-offline.zip"
"""Where the archive is published in the site (the home page links to it)."""
WORKER = "assets/javascripts/search-worker.js"
LOADER = "assets/javascripts/lazy-search.js"
LEFT_OUT = (
    "downloads",
    "404.html",
    "sitemap.xml",
    "sitemap.xml.gz",
    "search/search_index.json",
    "assets/javascripts/lunr",
)
# A relative link to a folder: href="../korea/", href="korea/#laws", href="..", href="."
FOLDER_LINK = re.compile(r'(\shref=")((?:[^"#?:]*/)?\.\.?|[^"#?:]*/)((?:[?#][^"]*)?")')
ONLINE_ONLY = re.compile(r"<!-- sse:online-only -->.*?<!-- /sse:online-only -->", re.DOTALL)
LOADER_TAG = re.compile(r'<script src="([^"]*)' + re.escape(LOADER) + '"></script>')


def make(site: Path, out: Path) -> None:
    """Write the offline edition of the built site `site` to the archive `out`."""
    with tempfile.TemporaryDirectory(prefix=".offline-") as temp:
        edition = Path(temp) / FOLDER
        shutil.copytree(site, edition, ignore=shutil.ignore_patterns("*.map"))
        write_scripts(edition)
        for name in LEFT_OUT:
            path = edition / name
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        for page in sorted(edition.rglob("*.html")):
            page.write_text(for_disk(page.read_text(encoding="utf-8")), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        write_archive(edition, out)


def for_disk(page: str) -> str:
    """A page of the site as the edition has it."""
    page = ONLINE_ONLY.sub("", page)
    page = FOLDER_LINK.sub(
        lambda m: m[1] + m[2] + ("" if m[2].endswith("/") else "/") + "index.html" + m[3], page
    )
    # The worker's code, before the script that starts the worker; the
    # loader's address starts with the way to the site's root ("../../")
    return LOADER_TAG.sub(
        lambda m: f'<script src="{m[1]}search/search_worker.js"></script>{m[0]}', page
    )


def write_scripts(edition: Path) -> None:
    """The search index and the search worker as scripts a page on disk can load."""
    index = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        path, hash, fragment = doc["location"].partition("#")
        if path == "" or path.endswith("/"):
            doc["location"] = f"{path}index.html{hash}{fragment}"
    (edition / "search" / "search_index.js").write_text(
        "var __index = " + json.dumps(index, separators=(",", ":")) + ";\n", encoding="utf-8"
    )
    workers = sorted((edition / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise SystemExit(f"expected one Material search worker, found {len(workers)}")
    # The site's worker runs Material's from sseMaterialWorker when it is defined
    source = (
        "self.sseMaterialWorker = function () {\n"
        + workers[0].read_text(encoding="utf-8")
        + "\n};\n"
        + (edition / WORKER).read_text(encoding="utf-8")
    )
    (edition / "search" / "search_worker.js").write_text(
        f"window.sseSearchWorkerSource = {json.dumps(source)};\n", encoding="utf-8"
    )


def write_archive(edition: Path, out: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800)
    # ZIP dates start in 1980
    stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.UTC).timetuple()[:6]
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(p for p in edition.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(edition).as_posix()}", stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=Path("site"), type=Path, help="a built site")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    make(args.site, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
