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

  /* A link to a paragraph lands with the paragraph's heading in view.
   *
   * The browser puts the paragraph under the sticky header (scroll-margin-top
   * in site.css) and the heading of its item above the screen. When the
   * heading and the beginning of the paragraph fit on the screen together,
   * the page is scrolled back to show the heading as well; the paragraph is
   * highlighted by CSS (:target). */
  function headingOf(target) {
    for (var node = target; node && !node.matches("article"); node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev;
      }
    }
    return null;
  }

  function land() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (!target || !target.closest(".md-content article") || /^H[1-6]$/.test(target.tagName)) return;
    var heading = headingOf(target);
    if (!heading) return;
    var top = headerBottom();
    var room = window.innerHeight - top;
    var h = heading.getBoundingClientRect(), t = target.getBoundingClientRect();
    var needed = t.top - h.top + Math.min(t.height, room / 3);
    if (needed <= room - 8 && (h.top < top || h.top > t.top)) window.scrollBy(0, h.top - top - 8);
  }

  window.addEventListener("load", function () { if (location.hash.length > 1) land(); });
  window.addEventListener("hashchange", land);
})();
