"""The wiki export: the guide, and the pages written by hand in docs/ (``handwritten``), as pages for
GitLab, GitHub or Azure DevOps wikis (GitHub-flavoured Markdown, ``gfm``) or MediaWiki (wikitext,
``wikitext``, and an XML dump, ``mediawiki``). ``export`` renders them from ``templates/``,
``pages`` lists them, ``names`` names their files; Markdown from content is parsed once
(``markup``) and written in each wiki's syntax, escaping what that syntax would interpret.

Imports: :mod:`generator.pages`, :mod:`generator.content`, :mod:`generator.files`, :mod:`generator.errors`.
"""
