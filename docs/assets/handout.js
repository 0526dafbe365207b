/* The handout page: chosen passages of one or several documents, in order, each
 * with its heading, locator, permanent link and citation; Chinese, English or
 * both side by side.
 *
 * The selection is the page's address, so a handout link can be shared:
 *   handout/?d=<slug>.<id>.<id>&d=<slug>.<id>&lang=zh|en|both&style=gbt|apa|chicago
 * A heading's id stands for its whole section. Each document's passages come
 * from texts/<slug>/passages.js (hooks/corpus/handout.py), loaded as a script,
 * which works from the offline bundle opened from disk (file://), where
 * fetch() does not. Every text is written with textContent; the address is
 * data too: only slugs and ids of [a-z0-9-] are read from it.
 */
(function () {
  "use strict";

  var root = document.getElementById("handout-page");
  if (!root) return;
  /* The page's edition: zh (simplified), zh-Hant (traditional) or en. "Chinese" in a handout is
     the Chinese of the edition: the traditional edition's passages are in traditional characters. */
  var ui = root.getAttribute("data-lang");
  if (ui !== "en" && ui !== "zh-Hant") ui = "zh";
  var chinese = ui === "en" ? "zh" : ui;
  function edition(lang) { return lang === "zh" ? chinese : lang; }
  var base = root.getAttribute("data-root") || "";
  var site = root.getAttribute("data-site") || "";

  /* The labels, in the page's language: data (hooks/corpus/strings/<language>.yaml), in the page. */
  var T = JSON.parse(document.getElementById("ui-strings").textContent).handout;
  var WORD = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /* The address, read as data. */
  function readAddress() {
    var params = new URLSearchParams(location.search);
    var picks = [];
    params.getAll("d").forEach(function (group) {
      var parts = group.split(".");
      var slug = parts.shift();
      if (!WORD.test(slug)) return;
      var ids = parts.filter(function (id) { return WORD.test(id); });
      if (ids.length) picks.push({ slug: slug, ids: ids });
    });
    var lang = params.get("lang");
    var style = params.get("style");
    return {
      picks: picks,
      lang: lang === "zh" || lang === "en" || lang === "both" ? lang : (ui === "en" ? "en" : "zh"),
      style: style === "gbt" || style === "apa" || style === "chicago" ? style : (ui === "en" ? "chicago" : "gbt")
    };
  }

  function query(state) {
    var params = new URLSearchParams();
    state.picks.forEach(function (p) { params.append("d", [p.slug].concat(p.ids).join(".")); });
    params.set("lang", state.lang);
    params.set("style", state.style);
    return "?" + params.toString().replace(/%2C/g, ",");
  }

  /* The published address of this handout (the site's, also from disk). */
  function publishedAddress(state) {
    return site.replace(/\/?$/, "/") + (ui === "zh" ? "" : ui + "/") + "handout/" + query(state);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* Citation parts (hooks/corpus/citation.py) as DOM nodes: <i> for italics. */
  function citation(parts, values, into) {
    parts.forEach(function (part) {
      var text = part[0] === "v" ? values[part[1]] : part[1];
      into.appendChild(part[0] === "i" ? el("i", null, text) : document.createTextNode(text));
    });
  }

  function loadDocument(slug) {
    return new Promise(function (resolve) {
      if (window.GSI_PASSAGES && window.GSI_PASSAGES[slug]) return resolve(window.GSI_PASSAGES[slug]);
      var script = document.createElement("script");
      script.src = base + "texts/" + slug + "/passages.js";
      script.onload = function () { resolve((window.GSI_PASSAGES || {})[slug] || null); };
      script.onerror = function () { resolve(null); };
      document.head.appendChild(script);
    });
  }

  /* The blocks a chosen id stands for: a paragraph, or a heading with its section. */
  function section(doc, id) {
    var start = -1;
    for (var i = 0; i < doc.blocks.length; i++) if (doc.blocks[i][0] === id) { start = i; break; }
    if (start < 0) return [];
    var first = doc.blocks[start];
    if (first[1] !== "heading") return [first];
    var out = [first];
    for (var j = start + 1; j < doc.blocks.length && !(doc.blocks[j][1] === "heading" && doc.blocks[j][2] <= first[2]); j++) {
      out.push(doc.blocks[j]);
    }
    return out;
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function passage(doc, id, state) {
    var blocks = section(doc, id);
    var box = el("section", "handout-passage");
    box.setAttribute("data-passage", doc.slug + "." + id);
    var textLang = edition(state.lang === "both" ? ui : state.lang);
    if (!blocks.length) {
      box.appendChild(el("p", "handout-missing", T.missing + doc.slug + "#" + id));
      return box;
    }
    var place = doc.locators[id][ui];
    box.appendChild(el("h2", null, doc.title[ui] + T.colon + place));
    blocks.forEach(function (b, i) {
      var zhText = chinese === "zh-Hant" ? b[5] : b[3], enText = b[4];
      var tag = b[1] === "heading" ? "h3" : "p";
      if (b[1] === "heading" && i === 0 && blocks.length > 1) tag = "h3";
      var pieces = state.lang === "both" ? [["zh", zhText], ["en", enText]] : [[state.lang, state.lang === "en" ? enText : zhText]];
      var row = el("div", state.lang === "both" ? "handout-pair" : "handout-block");
      row.setAttribute("data-id", b[0]);
      pieces.forEach(function (piece) {
        var node = el(tag, "handout-text", piece[1] === null ? zhText : piece[1]);
        node.setAttribute("lang", piece[1] === null || piece[0] === "zh" ? (chinese === "zh-Hant" ? "zh-Hant" : "zh-Hans") : "en");
        row.appendChild(node);
      });
      box.appendChild(row);
    });
    var url = doc.url[textLang] + "#" + id;
    var meta = el("p", "handout-meta");
    meta.appendChild(document.createTextNode(T.locator + T.colon + doc.locators[id][textLang] + " · " + T.link + T.colon));
    var link = el("a", "handout-link", url);
    link.href = url;
    meta.appendChild(link);
    box.appendChild(meta);
    var style = doc.styles[textLang].filter(function (s) { return s.style === state.style; })[0];
    var form = style.forms[0];
    var cite = el("p", "handout-cite");
    cite.appendChild(el("span", "handout-cite-label", T.styles[state.style] + T.colon));
    citation(form.parts, { locator: doc.locators[id][textLang], url: url, accessed: today() }, cite);
    box.appendChild(cite);
    var remove = el("button", "md-button handout-remove", T.remove);
    remove.type = "button";
    remove.setAttribute("aria-label", T.remove + " " + doc.title[ui] + " " + place);
    remove.addEventListener("click", function () {
      state.picks.forEach(function (p) { if (p.slug === doc.slug) p.ids = p.ids.filter(function (x) { return x !== id; }); });
      state.picks = state.picks.filter(function (p) { return p.ids.length; });
      go(state);
    });
    box.appendChild(remove);
    return box;
  }

  function tools(state) {
    var box = el("div", "handout-tools");
    var langs = el("fieldset", "handout-langs");
    langs.appendChild(el("legend", null, T.text));
    ["zh", "en", "both"].forEach(function (lang) {
      var label = el("label");
      var input = el("input");
      input.type = "radio";
      input.name = "handout-lang";
      input.value = lang;
      input.checked = state.lang === lang;
      input.addEventListener("change", function () { state.lang = lang; go(state); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + T[lang]));
      langs.appendChild(label);
    });
    box.appendChild(langs);
    var styleLabel = el("label", "handout-style", T.style + " ");
    var select = el("select");
    ["gbt", "apa", "chicago"].forEach(function (s) {
      var option = el("option", null, T.styles[s]);
      option.value = s;
      option.selected = state.style === s;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { state.style = select.value; go(state); });
    styleLabel.appendChild(select);
    box.appendChild(styleLabel);
    var copy = el("button", "md-button handout-copy", T.copy);
    copy.type = "button";
    copy.addEventListener("click", function () {
      var text = publishedAddress(state);
      var done = function () { copy.textContent = T.copied; setTimeout(function () { copy.textContent = T.copy; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, done);
    });
    box.appendChild(copy);
    var print = el("button", "md-button handout-print", T.print);
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    box.appendChild(print);
    return box;
  }

  /* A change of selection, language or style: a new address (shareable), then the page again. */
  function go(state) {
    history.replaceState(null, "", query(state) + location.hash);
    show(state);
  }

  function show(state) {
    var slugs = [];
    state.picks.forEach(function (p) { if (slugs.indexOf(p.slug) < 0) slugs.push(p.slug); });
    Promise.all(slugs.map(loadDocument)).then(function (docs) {
      var bySlug = {};
      slugs.forEach(function (slug, i) { bySlug[slug] = docs[i]; });
      root.innerHTML = "";
      root.appendChild(tools(state));
      var address = el("p", "handout-address");
      address.appendChild(document.createTextNode(T.address + T.colon));
      address.appendChild(el("span", "print-url", publishedAddress(state)));
      root.appendChild(address);
      if (!state.picks.length) root.appendChild(el("p", "handout-empty", T.empty));
      state.picks.forEach(function (p) {
        var doc = bySlug[p.slug];
        if (!doc) {
          root.appendChild(el("p", "handout-missing", T.missing + p.slug));
          return;
        }
        var order = doc.blocks.map(function (b) { return b[0]; });
        p.ids.slice().sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); }).forEach(function (id) {
          root.appendChild(passage(doc, id, state));
        });
      });
      root.setAttribute("data-ready", "true");
    });
  }

  show(readAddress());
})();
