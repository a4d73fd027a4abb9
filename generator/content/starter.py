"""`leap init DIR`: a new project with an empty framework that passes `leap check` and builds.

It holds mkdocs.yml, a content folder with a framework of one kind and a guide.yaml named after
the project, an empty docs/ for your own pages, and a .gitignore for what leap generates.
"""

from __future__ import annotations

import json
from importlib import resources

GITIGNORE = """\
# Made by leap: the built sites, the build lock, and the generated pages in docs/ (listed in
# docs/.leap-manifest.json; your own pages in docs/ are yours to commit).
/site/
/site-offline/
/site-offline.zip
/.leap.lock
/.site.leap-*
/docs/.leap-manifest.json
/docs/assets/leap/
"""


def starter_files(title: str) -> dict[str, str]:
    """``{path under the new project: text}``."""
    root = resources.files("generator.content") / "starter"
    guide = (
        f"# yaml-language-server: $schema=schemas/guide.schema.json\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        "tagline: One line that says what a reader gets from this guide.\n"
        "audience: |\n  Who the guide is for, and what it assumes they know.\n"
    )
    return {
        "mkdocs.yml": (root / "mkdocs.yml").read_text(encoding="utf-8"),
        "content/framework.yaml": (root / "content" / "framework.yaml").read_text(encoding="utf-8"),
        "content/guide.yaml": guide,
        "docs/.keep": "Your own Markdown pages go in this folder; leap adds its generated pages beside them.\n",
        ".gitignore": GITIGNORE,
    }
