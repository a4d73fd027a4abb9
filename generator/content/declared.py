"""The kinds of value every declaration in ``framework.yaml`` is made of: ids, field names, one
line of text and Markdown text, and the pydantic settings every declaration shares."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIELD_NAME = r"^[a-z][a-z0-9_]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
FieldName = Annotated[str, StringConstraints(pattern=FIELD_NAME, max_length=40)]
OneLine = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=r"\S")]

SCHEMA = ConfigDict(extra="forbid", use_attribute_docstrings=True)  # docstrings become editor help
