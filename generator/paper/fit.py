"""Writing space that fills the paper: run in a worksheet's page before `leap pdf` prints it.

Chromium cannot say where its printed pages will break, but it breaks columns the way it breaks
pages (same rules: blocks that avoid breaking inside, headings kept with what follows). So the
script lays the page's article out in columns exactly one printed page tall and wide, finds the
space left at the foot of each, and hands it to the write-in areas on that page, a ruled line at
a time, the action's fields first. Growing only what already sits on a page into the space that
page leaves can move nothing to the next page; it is checked anyway, and undone if it would.
"""

from __future__ import annotations

FIT = """
async ({ width, height, line, safety }) => {
  await document.fonts.ready;
  const article = document.querySelector("article.md-content__inner") || document.body;
  const style = article.getAttribute("style");
  // What the page adds below its last line (a margin that escapes the article, say): the last page
  // must leave room for it, or it starts a page of its own.
  const lastLine = () => Math.max(0, ...Array.from(article.querySelectorAll("*"))
    .flatMap((el) => Array.from(el.getClientRects()).map((r) => r.bottom)));
  const trail = Math.max(0, (article.parentElement || article).getBoundingClientRect().bottom - lastLine());
  article.style.cssText += `;column-width:${width}px;column-gap:0;column-fill:auto;` +
    `height:${height}px;width:${width}px;max-width:none;box-sizing:content-box`;

  const measure = () => {
    const box = article.getBoundingClientRect();
    const bottoms = [];
    const note = (rect) => {
      if (rect.width <= 0 && rect.height <= 0) return;
      const column = Math.max(0, Math.floor((rect.left - box.left + 1) / width));
      bottoms[column] = Math.max(bottoms[column] || 0, rect.bottom - box.top);
    };
    const range = document.createRange();
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (!walker.currentNode.textContent.trim()) continue;
      range.selectNodeContents(walker.currentNode);
      Array.from(range.getClientRects()).forEach(note);
    }
    article.querySelectorAll("*").forEach((el) => {
      const whole = getComputedStyle(el).breakInside.startsWith("avoid");
      if (!el.children.length || whole || el.matches("fieldset, tr, input, textarea, hr, img, svg")) {
        Array.from(el.getClientRects()).forEach(note);
      }
    });
    return { pages: bottoms.length, bottoms, column: (el) =>
      Math.max(0, Math.floor((el.getBoundingClientRect().left - box.left + 1) / width)) };
  };

  // Write-in space: each twin of a text area, or a table row of them (a row grows once).
  const groups = [];
  article.querySelectorAll(".leap-worksheet .leap-answer:not(.leap-line), .leap-worksheet textarea:not(.leap-line)").forEach((el) => {
    if (!el.getClientRects().length) return;  // not printed
    const row = el.closest("tr");
    const found = row && groups.find((g) => g.row === row);
    if (found) found.els.push(el);
    else groups.push({ row, els: [el], action: !!el.closest(".leap-action"), lines: 0 });
  });
  const before = measure();
  let grown = 0;
  before.bottoms.forEach((bottom, page) => {
    const end = page === before.bottoms.length - 1 ? trail : 0;
    let spare = Math.floor((height - bottom - safety - end) / line);
    const here = groups.filter((g) => before.column(g.els[0]) === page)
      .sort((a, b) => Number(b.action) - Number(a.action));
    while (spare > 0 && here.length) {
      for (const g of here) { if (spare-- > 0) { g.lines += 1; grown += 1; } }
    }
  });
  const heights = groups.map((g) => g.els.map((el) => el.getBoundingClientRect().height));
  const grow = (on) => groups.forEach((g, i) => g.els.forEach((el, j) => {
    el.style.minHeight = on && g.lines ? `${heights[i][j] + g.lines * line}px` : "";
  }));
  grow(true);
  const after = measure();
  if (after.pages !== before.pages) { grow(false); grown = 0; }
  if (style === null) article.removeAttribute("style"); else article.setAttribute("style", style);
  return { pages: before.pages, grown };
}
"""

UNFIT = """
() => document.querySelectorAll(".leap-worksheet .leap-answer:not(.leap-line), .leap-worksheet textarea:not(.leap-line)").forEach((el) => { el.style.minHeight = ""; })
"""
