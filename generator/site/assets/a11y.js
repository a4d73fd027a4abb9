/* leap: gives Material's search dialog the accessible name it lacks, so screen
 * readers announce it as "Search" (axe-core rule aria-dialog-name). */
(function () {
  "use strict";
  function name() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", name);
  else name();
})();
