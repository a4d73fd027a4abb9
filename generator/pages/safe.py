"""What content may put into a page: text from content is never run or interpreted as HTML.

- Plain-text fields (titles, summaries, prompts, practices, anchors) show exactly as written:
  HTML and Markdown characters in them become entities.
- Markdown fields (body, way_through, try_this and the guide's long texts) keep Markdown
  formatting (emphasis, lists, links), but raw HTML shows as text, attribute lists are off,
  images become plain links (a page loads nothing from elsewhere), and a link may only go to
  http, https, mailto or a relative address; any other link is shown as literal text.
- Values placed in front matter and the navigation are HTML-escaped, since MkDocs' theme
  templates print them without escaping.
"""

from __future__ import annotations

import html
import re

_PLAIN = {c: f"&#{ord(c)};" for c in '[]*_`|{}!\\"'}
_PLAIN["&"] = "&amp;"
_PLAIN["<"] = "&lt;"
_PLAIN[">"] = "&gt;"
_PLAIN_RE = re.compile("|".join(re.escape(c) for c in _PLAIN))

_LINK_TARGET = re.compile(r"(\]\()([^)\n]*)")
_REFERENCE = re.compile(r"^([ \t]{0,3}\[[^\]\n]+\]:)(.*)$", re.MULTILINE)
_SAFE_SCHEME = re.compile(r"^(https?:|mailto:|[^:]*$)", re.IGNORECASE)


def plain(text: str) -> str:
    """A plain-text field, to place in Markdown: every character shows as written."""
    return _PLAIN_RE.sub(lambda m: _PLAIN[m.group(0)], text)


def markdown(text: str) -> str:
    """A Markdown field: formatting kept; no raw HTML, attributes, images or unsafe links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    text = text.replace("![", "&#33;[")
    text = _LINK_TARGET.sub(lambda m: m.group(0) if _is_safe(m.group(2)) else "&#93;(" + m.group(2), text)
    return _REFERENCE.sub(lambda m: m.group(0) if _is_safe(m.group(2)) else "&#91;" + m.group(0).lstrip()[1:], text)


def attribute(text: str) -> str:
    """A value MkDocs' templates print as is (front matter titles, descriptions, nav titles)."""
    return html.escape(text, quote=True)


def _is_safe(target: str) -> bool:
    """Whether a link target (address and any title) is safe. An unsafe link is left as literal
    text. Browsers drop spaces, tabs and control characters inside a scheme, so we do too."""
    address = html.unescape(target).strip().lstrip("<").split('"')[0].split("'")[0]
    return bool(_SAFE_SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", address)))
