/* A guide in more than one language: the theme's language selector leads to the same page in the
 * other language (the page's place under this language's root, under the other's), over HTTP and
 * from a file alike. The selector's own links lead to each language's home page; without this
 * script, that is where they go. */
(function () {
  "use strict";

  // A language's root, without the index.html its link names on a site read from files.
  function resolved(link) {
    return new URL(link.getAttribute("href"), window.location.href).href.replace(/index\.html$/, "");
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    var here = Array.prototype.filter.call(document.querySelectorAll("a.md-select__link[hreflang]"), function (a) {
      return a.getAttribute("hreflang") === document.documentElement.lang;
    })[0];
    if (!here || here === link) return;
    var root = resolved(here), page = window.location.href.split("#")[0].split("?")[0];
    if (page.indexOf(root) !== 0) return;
    event.preventDefault();
    window.location.href = resolved(link) + page.slice(root.length) + window.location.hash;
  });
})();
