/* Keep the reader's place when switching language.
 *
 * Material's language selector links to the same page in the other language
 * (static-i18n sets them per page) but drops the #anchor. On click we append
 * the current #anchor, or, when there is none, the id of the first paragraph
 * or heading visible under the sticky header, so the reader lands on the same
 * paragraph in the other language (paragraph ids are the same in both).
 * Material's own click handler for alternate-language links (it looks the
 * page up in a sitemap and falls back to the language's home page, dropping
 * the anchor) is not needed: static-i18n already links the same page, so the
 * event stops here and the browser follows the link.
 */
(function () {
  "use strict";

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function visibleAnchor() {
    var top = headerBottom();
    var nodes = document.querySelectorAll(
      ".md-content article [id]:is(p, h2, h3, h4, h5, h6, .pair)"
    );
    for (var i = 0; i < nodes.length; i++) {
      var rect = nodes[i].getBoundingClientRect();
      if (rect.bottom > top + 4) return nodes[i].id;
    }
    return "";
  }

  function currentAnchor() {
    if (location.hash.length > 1) return location.hash.slice(1);
    return visibleAnchor();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select")) return;
    event.stopPropagation();
    var anchor = currentAnchor();
    if (!anchor) return;
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#" + encodeURIComponent(anchor));
  }, true);
})();
