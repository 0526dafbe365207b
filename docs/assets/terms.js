/* Glossary tooltips: the other language's headword and the definition of a term.
 *
 * Every glossary link (a.term) carries its tooltip text in its title
 * attribute, which browsers without JavaScript show as it is. Here one shared
 * tooltip element shows it on hover and on keyboard focus (a native title
 * never shows on focus), positioned under the link, and Escape hides it. The
 * link is described by the tooltip (aria-describedby) while it shows.
 *
 * On a touch screen, where there is no hover, the first tap on a term shows
 * its tooltip (with a link to the term's page) and the second follows the
 * term's link.
 *
 * Material's own tooltips (content.tooltips) mount a tooltip on every titled
 * element while the page loads: with a hundred terms on a document page that
 * held the main thread for about 300 ms on a slow phone. Here nothing runs
 * until a reader points at or focuses a term.
 */
(function () {
  "use strict";

  var tip = null;
  var current = null;
  var touch = false;  /* the last pointer was a finger */
  var armed = null;  /* the term whose tooltip a tap showed: the next tap on it follows it */
  var strings = document.getElementById("ui-strings");
  var more = strings ? JSON.parse(strings.textContent).terms.more : "";

  function element() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "term-tip";
    tip.className = "term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    /* inside the main landmark, so that it is read as part of the page's content */
    (document.querySelector("main") || document.body).appendChild(tip);
    return tip;
  }

  function textOf(link) {
    /* The title moves into data-tip on first use, so the browser's own
       tooltip does not show as well. */
    if (link.hasAttribute("title")) {
      link.setAttribute("data-tip", link.getAttribute("title"));
      link.removeAttribute("title");
    }
    return link.getAttribute("data-tip") || "";
  }

  function show(link) {
    var text = textOf(link);
    if (!text) return;
    var box = element();
    current = link;
    /* "headword — definition": the headword is in the other language */
    var cut = text.indexOf(" — ");
    box.textContent = "";
    if (cut > 0) {
      var head = document.createElement("span");
      head.lang = document.documentElement.lang === "en" ? "zh-Hans" : "en";
      head.textContent = text.slice(0, cut);
      box.appendChild(head);
    }
    box.appendChild(document.createTextNode(cut > 0 ? text.slice(cut) : text));
    box.classList.toggle("term-tip--tap", touch);
    if (touch) {  /* a finger cannot hover: the tooltip leads to the term's page itself */
      var go = document.createElement("a");
      go.href = link.href;
      go.className = "term-tip__more";
      go.textContent = more;
      box.appendChild(go);
    }
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    /* under the link, inside the window; coordinates relative to the
       tooltip's positioned ancestor */
    var rect = link.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    var width = Math.min(320, viewport - 16);
    box.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left, viewport - width - 8));
    var base = box.offsetParent ? box.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    box.style.left = (left - base.left) + "px";
    box.style.top = (rect.bottom - base.top + 6) + "px";
  }

  function hide() {
    armed = null;
    if (!current) return;
    current.removeAttribute("aria-describedby");
    current = null;
    if (tip) tip.hidden = true;
  }

  function termOf(event) {
    return event.target.closest ? event.target.closest("a.term") : null;
  }

  document.addEventListener("mouseover", function (e) { var t = termOf(e); if (t && t !== current) show(t); });
  function inTip(node) { return !!(tip && node && tip.contains(node)); }

  document.addEventListener("mouseout", function (e) {
    var t = termOf(e);
    if (t && t === current && !(e.relatedTarget && (t.contains(e.relatedTarget) || inTip(e.relatedTarget))) && document.activeElement !== t) hide();
  });
  document.addEventListener("focusin", function (e) { var t = termOf(e); if (t && t !== current) show(t); });
  document.addEventListener("focusout", function (e) { if (termOf(e) === current && !inTip(e.relatedTarget) && !touch) hide(); });
  document.addEventListener("pointerdown", function (e) { touch = e.pointerType === "touch"; }, true);
  document.addEventListener("click", function (e) {
    if (!touch) return;
    var t = termOf(e);
    if (t) {
      if (armed === t) return;  /* second tap: follow the link */
      e.preventDefault();
      show(t);
      armed = t;
    } else if (current && !inTip(e.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
