"""Screenshots of every page type, to look at the site as readers see it.

Serves a built site on 127.0.0.1 (nothing else is contacted), opens each page
type in Debian's Chromium through Playwright at a laptop (1280 x 800) and a
phone (390 x 844) size, in the light and the dark scheme, and saves one PNG of
the first screen and, with --full-page, one of the whole page.

Usage (after `make site`):

    .venv/bin/python tools/screenshots.py [--site site] [--out screenshots]
        [--only home,comparison] [--full-page]

The files are named <page>-<width>-<scheme>.png (and ...-full.png). The
output folder is git-ignored; delete it at will.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# One address per page type; the keys name the files.
PAGES = {
    "home": "",
    "about": "about/",
    "framework": "framework/",
    "countries": "countries/",
    "study": "countries/korea/",
    "study-japan": "countries/japan/",
    "comparison": "countries/compare/",
    "glossary": "glossary/",
    "bibliography": "bibliography/",
    "programme": "programme/",
    "session": "programme/sessions/opening/",
    "speakers": "programme/speakers/",
    "changes": "programme/changes/",
    "news": "news/",
    "news-post": "news/2020/09/22/research-conference-in-seoul-with-overseas-participants-online/",
    "404": "no-such-page/",
}

VIEWPORTS = {"1280": (1280, 800), "390": (390, 844)}
SCHEMES = ("light", "dark")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site, with its own 404 page for missing addresses (as hosts do)."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--only", default="", help="comma-separated page names")
    parser.add_argument("--widths", default="1280,390", help="comma-separated: 1280, 390")
    parser.add_argument("--schemes", default="light,dark")
    parser.add_argument("--full-page", action="store_true", help="also the whole page")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").is_file():
        print(f"{args.site}/index.html is missing: run `make site` first", file=sys.stderr)
        return 2
    executable = shutil.which("chromium")
    if executable is None:
        print("Debian's chromium is not installed (tools/install-chromium.sh)", file=sys.stderr)
        return 2
    names = [n for n in args.only.split(",") if n] or list(PAGES)
    unknown = [n for n in names if n not in PAGES]
    if unknown:
        print(f"unknown page names: {', '.join(unknown)}; known: {', '.join(PAGES)}")
        return 2

    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for width in args.widths.split(","):
                w, h = VIEWPORTS[width]
                for scheme in args.schemes.split(","):
                    context = browser.new_context(
                        viewport={"width": w, "height": h},
                        color_scheme=scheme,
                        device_scale_factor=1,
                        is_mobile=width == "390",
                        has_touch=width == "390",
                    )
                    page = context.new_page()
                    for name in names:
                        page.goto(base + PAGES[name], wait_until="networkidle")
                        stem = args.out / f"{name}-{width}-{scheme}"
                        page.screenshot(path=f"{stem}.png")
                        if args.full_page:
                            page.screenshot(path=f"{stem}-full.png", full_page=True)
                        print(f"{stem}.png")
                    context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
