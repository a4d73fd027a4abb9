"""Real wiki engines for the wiki export's tests: Debian's MediaWiki, served by PHP's built-in
server from a temporary folder, and Debian's cmark-gfm (the renderer GitHub's is built on).

Debian installs MediaWiki read-only in /usr/share/mediawiki, with LocalSettings.php a link into
/etc. A wiki of our own needs no copy of it: MediaWiki reads its settings from the file the
``MW_CONFIG_FILE`` environment variable names (absolute path), both in maintenance scripts and
under the web server, and the installer writes that file (``--confpath``) and a SQLite database
(``--dbpath``) wherever we say.

The tests install nothing: `.ci/run` installs the programs (apt-get). Without them the tests
skip, saying what to install, or fail when LEAP_REQUIRE_BROWSER=1 (CI sets it).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

MEDIAWIKI = Path("/usr/share/mediawiki")
PACKAGES = {"mediawiki": ["mediawiki", "php-sqlite3", "php-cli"], "cmark-gfm": ["cmark-gfm"]}


def _installed(what: str) -> bool:
    if what == "mediawiki":
        if not (MEDIAWIKI / "maintenance" / "install.php").is_file() or shutil.which("php") is None:
            return False
        return "pdo_sqlite" in subprocess.run(["php", "-m"], capture_output=True, text=True, check=False).stdout
    return shutil.which(what) is not None


def require(what: str) -> None:
    """Skip the test unless ``what`` (mediawiki or cmark-gfm) is installed; fail when CI requires it."""
    if not _installed(what):
        reason = f"{what} is not installed (apt-get install {' '.join(PACKAGES[what])}, as .ci/run does)"
        if os.environ.get("LEAP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"LEAP_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


@dataclass(frozen=True)
class Wiki:
    folder: Path  # LocalSettings.php and the SQLite database
    url: str

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "MW_CONFIG_FILE": str(self.folder / "LocalSettings.php")}

    def maintenance(self, script: str, *args: str) -> str:
        """Run one of MediaWiki's maintenance scripts on this wiki; returns what it printed."""
        result = subprocess.run(
            ["php", f"maintenance/{script}.php", *args],
            cwd=MEDIAWIKI,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout + result.stderr

    def api(self, post: bool = False, **params: str) -> Any:
        query = urllib.parse.urlencode({**params, "format": "json", "formatversion": "2"})
        request = (
            urllib.request.Request(f"{self.url}/api.php", data=query.encode("utf-8"))
            if post
            else urllib.request.Request(f"{self.url}/api.php?{query}")
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            data = json.load(response)
        assert "error" not in data, data
        return data

    def parse(self, title: str) -> Any:
        """The page as MediaWiki renders it: its HTML, links, categories and more."""
        return self.api(
            action="parse",
            page=title,
            prop="text|links|externallinks|categories|templates|properties",
            disablelimitreport="1",
        )["parse"]

    def view(self, title: str) -> str:
        """The page's whole HTML, as a browser gets it."""
        query = urllib.parse.urlencode({"title": title})
        with urllib.request.urlopen(f"{self.url}/index.php?{query}", timeout=60) as response:
            return str(response.read().decode("utf-8"))

    def red_links(self) -> dict[str, list[str]]:
        """Every page's links (and categories) to pages that do not exist, from the link tables."""
        linked: dict[str, set[str]] = {}
        params = {
            "action": "query",
            "generator": "allpages",
            "gaplimit": "max",
            "prop": "links|categories",
            "pllimit": "max",
            "cllimit": "max",
        }
        while True:
            data = self.api(**params)
            for page in data.get("query", {}).get("pages", []):
                targets = [*page.get("links", []), *page.get("categories", [])]
                linked.setdefault(page["title"], set()).update(link["title"] for link in targets)
            if "continue" not in data:
                break
            params.update(data["continue"])
        everything = sorted(set().union(*linked.values()))
        missing: set[str] = set()
        for start in range(0, len(everything), 50):
            found = self.api(action="query", titles="|".join(everything[start : start + 50]))["query"]["pages"]
            missing |= {page["title"] for page in found if page.get("missing")}
        return {title: sorted(links & missing) for title, links in linked.items() if links & missing}

    def titles(self, namespace: int = 0) -> list[str]:
        pages = self.api(action="query", list="allpages", apnamespace=str(namespace), aplimit="max")
        return [page["title"] for page in pages["query"]["allpages"]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def mediawiki(folder: Path) -> Iterator[Wiki]:
    """A new, empty MediaWiki on SQLite in ``folder``, served on 127.0.0.1 while the block runs."""
    require("mediawiki")
    port = _free_port()
    wiki = Wiki(folder, f"http://127.0.0.1:{port}")
    (folder / "data").mkdir(parents=True)
    wiki.maintenance(
        "install",
        "--dbtype=sqlite",
        f"--dbpath={folder / 'data'}",
        "--dbname=wiki",
        f"--server={wiki.url}",
        "--scriptpath=",
        f"--confpath={folder}",
        "--pass=Leap-test-password-1",
        "Leap test wiki",
        "Admin",
    )
    with (folder / "LocalSettings.php").open("a", encoding="utf-8") as settings:
        settings.write("\n$wgEnableUploads = false;\n$wgShowExceptionDetails = true;\n")
    server = subprocess.Popen(
        ["php", "-S", f"127.0.0.1:{port}", "-t", str(MEDIAWIKI)],
        cwd=MEDIAWIKI,
        env=wiki.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(wiki)
        yield wiki
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(wiki: Wiki) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            wiki.api(action="query", meta="siteinfo")
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def import_dump(wiki: Wiki, dump: Path) -> None:
    """Import as the README says: the pages without link updates (a page saved before the pages it
    links to would keep showing those links red), then the link tables, categories included."""
    wiki.maintenance("importDump", "--no-updates", str(dump))
    wiki.maintenance("refreshLinks")
    wiki.maintenance("rebuildrecentchanges")


def cmark_gfm(markdown: str) -> str:
    """Markdown rendered as GitHub renders it: GFM's tables and autolinks, raw HTML left out."""
    require("cmark-gfm")
    result = subprocess.run(
        ["cmark-gfm", "-e", "table", "-e", "autolink", "-e", "strikethrough"],
        input=markdown,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout
