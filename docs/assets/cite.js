/* Copy a permanent link, or a ready citation, for any paragraph or heading.
 *
 * On document pages (those carrying <script id="cite-data">), every paragraph,
 * heading and parallel pair with an id gets two buttons: "copy link" puts the
 * published address with #id on the clipboard (the site's, also from the
 * offline bundle); "cite" opens a dialog with the citations in GB/T 7714-2015,
 * APA 7 and Chicago 17, in the page's language, made by the build
 * (hooks/corpus/citation.py): this only fills in the passage's locator, its
 * address and the access date, and copies each as rich and plain text. The
 * buttons show on hover and on keyboard focus, and on tap on a phone; they are
 * real <button>s, so Tab and Enter reach and use them.
 */
(function () {
  "use strict";

  var node = document.getElementById("cite-data");
  if (!node) return;
  var data = JSON.parse(node.textContent);

  /* The labels, in the page's language: data (hooks/corpus/strings/<language>.yaml), in the page. */
  var T = JSON.parse(document.getElementById("ui-strings").textContent).cite;
  function count(n) { return (n === 1 ? T.count_one : T.count).replace("{n}", n); }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* The published address (site_url + path + #id), also when the page was
     opened from the offline bundle on disk: a link in a handout must work. */
  function permalink(id) {
    return data.url + "#" + id;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* A citation's parts (hooks/corpus/citation.py) with the passage's values:
     [plain text, HTML with <i> for italics]. Every part is escaped. */
  function render(parts, values) {
    var plain = "", rich = "";
    parts.forEach(function (part) {
      var text = part[0] === "v" ? values[part[1]] : part[1];
      plain += text;
      rich += part[0] === "i" ? "<i>" + escapeHtml(text) + "</i>" : escapeHtml(text);
    });
    return [plain, rich];
  }

  function values(id) {
    return { locator: data.locators[id] || id, url: permalink(id), accessed: today() };
  }

  function copy(text, button, html) {
    var done = function () {
      var label = button.textContent;
      button.textContent = T.copied;
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (html && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      var item = new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      navigator.clipboard.write([item]).then(done, function () { fallbackCopy(text, html); done(); });
    } else if (!html && navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text, html);
      done();
    }
  }

  function fallbackCopy(text, html) {  /* older browsers: the copy event carries both kinds */
    var put = function (e) {
      e.clipboardData.setData("text/plain", text);
      if (html) e.clipboardData.setData("text/html", html);
      e.preventDefault();
    };
    document.addEventListener("copy", put);
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.removeEventListener("copy", put);
  }

  var dialog = document.createElement("dialog");
  dialog.className = "cite-dialog";
  dialog.setAttribute("aria-label", T.dialog);
  document.body.appendChild(dialog);

  function openDialog(id, opener) {
    var vals = values(id);
    dialog.innerHTML = "";
    var heading = document.createElement("h2");
    heading.textContent = T.dialog + " · " + vals.locator;
    dialog.appendChild(heading);
    data.styles.forEach(function (style) {
      var block = document.createElement("section");
      block.className = "cite-style";
      block.setAttribute("data-style", style.style);
      var name = document.createElement("h3");
      name.textContent = style.name;
      block.appendChild(name);
      style.forms.forEach(function (form) {
        var text = render(form.parts, vals);
        var label = document.createElement("h4");
        label.textContent = form.label;
        var body = document.createElement("p");
        body.className = "cite-text";
        body.setAttribute("data-form", form.form);
        body.innerHTML = text[1];  /* escaped in render() */
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = T.copyCite;
        button.setAttribute("aria-label", T.copyCite + " " + style.name + " " + form.label);
        button.addEventListener("click", function () { copy(text[0], button, text[1]); });
        block.appendChild(label);
        block.appendChild(body);
        block.appendChild(button);
      });
      dialog.appendChild(block);
    });
    if (data.original_url) {
      var original = document.createElement("p");
      original.className = "cite-original";
      var link = document.createElement("a");
      link.href = data.original_url;
      link.textContent = data.original_url;
      original.appendChild(document.createTextNode(T.original + T.colon));
      original.appendChild(link);
      dialog.appendChild(original);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "md-button md-button--primary cite-close";
    close.textContent = T.close;
    close.addEventListener("click", function () { dialog.close(); opener.focus(); });
    dialog.appendChild(close);
    dialog.showModal();
    dialog.querySelector(".cite-style button").focus();
  }

  /* One set of buttons, cloned for every passage (cheaper than building each). */
  var template = document.createElement("span");
  template.className = "para-tools";
  template.innerHTML = '<button type="button" class="para-copy"></button><button type="button" class="para-cite"></button>' +
    '<button type="button" class="para-handout" aria-pressed="false"></button>';
  template.children[0].textContent = T.copy;
  template.children[1].textContent = T.cite;
  template.children[2].textContent = T.add;

  function addTools(el) {
    var box = template.cloneNode(true);
    var place = data.locators[el.id] || el.id;
    box.children[0].setAttribute("aria-label", T.copy + " " + place);
    box.children[1].setAttribute("aria-label", T.cite + " " + place);
    box.children[2].setAttribute("aria-label", T.add + " " + place);
    el.classList.add("has-tools");
    el.appendChild(box);
    if (picked.indexOf(data.slug + "." + el.id) >= 0) markAdded(box.children[2], true);
  }

  /* The handout being put together: "slug.id" in the order chosen, kept in the
     browser (localStorage, which also works from disk) until it is opened;
     the handout page itself holds its selection in its address. */
  var KEY = "gsi-handout";
  var memory = [];
  function chosen() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]").filter(function (x) { return typeof x === "string"; }); }
    catch (e) { return memory; }
  }
  function keep(list) {
    memory = list;
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* kept in memory for this page */ }
    showBar();
  }
  function markAdded(button, on) {
    var owner = button.closest(".has-tools");
    var place = owner ? (data.locators[owner.id] || owner.id) : "";
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? T.added : T.add;
    button.setAttribute("aria-label", (on ? T.added : T.add) + " " + place);
  }
  function toggleHandout(id, button) {
    var key = data.slug + "." + id;
    var list = chosen();
    var at = list.indexOf(key);
    if (at >= 0) list.splice(at, 1); else list.push(key);
    markAdded(button, at < 0);
    keep(list);
  }
  /* The handout page's address for the chosen passages: documents in the order first chosen. */
  function handoutAddress(list) {
    var groups = [], bySlug = {};
    list.forEach(function (key) {
      var cut = key.indexOf(".");
      var slug = key.slice(0, cut), id = key.slice(cut + 1);
      if (!bySlug[slug]) { bySlug[slug] = [slug]; groups.push(bySlug[slug]); }
      bySlug[slug].push(id);
    });
    var params = new URLSearchParams();
    groups.forEach(function (g) { params.append("d", g.join(".")); });
    params.set("lang", data.lang === "en" ? "en" : "zh");
    return data.handout + "?" + params.toString();
  }
  var bar = null;
  function showBar() {
    var list = chosen();
    if (!list.length) { if (bar) bar.hidden = true; return; }
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "handout-bar";
      bar.setAttribute("role", "region");
      bar.setAttribute("aria-label", T.handout);
      bar.innerHTML = '<span class="handout-count"></span> <a class="handout-open md-button md-button--primary"></a> <button type="button" class="handout-clear md-button"></button>';
      bar.querySelector(".handout-open").textContent = T.open;
      bar.querySelector(".handout-clear").textContent = T.clear;
      bar.querySelector(".handout-clear").addEventListener("click", function () {
        keep([]);
        Array.prototype.forEach.call(document.querySelectorAll(".para-handout"), function (b) { markAdded(b, false); });
      });
      document.body.appendChild(bar);
    }
    bar.hidden = false;
    bar.querySelector(".handout-count").textContent = T.handout + T.colon + count(list.length);
    bar.querySelector(".handout-open").href = handoutAddress(list);
  }

  /* One listener for all passages: the buttons, and a tap that shows them on a phone. */
  var article = document.querySelector(".md-content article");
  if (article) article.addEventListener("click", function (e) {
    var button = e.target.closest("button");
    var passage = e.target.closest(".has-tools");
    if (!passage) return;
    if (button && button.classList.contains("para-copy")) {
      e.stopPropagation();
      copy(permalink(passage.id), button);
    } else if (button && button.classList.contains("para-cite")) {
      e.stopPropagation();
      openDialog(passage.id, button);
    } else if (button && button.classList.contains("para-handout")) {
      e.stopPropagation();
      toggleHandout(passage.id, button);
    } else {
      passage.classList.toggle("show-tools");
    }
  });

  /* All at once, before the reader scrolls: added later, the buttons would
     lengthen paragraphs under the reader's eyes and move the text. */
  var picked = chosen();  /* read once, not once per passage */
  var targets = document.querySelectorAll(
    ".md-content article p[id], .md-content article h2[id], .md-content article h3[id], .md-content article h4[id], .md-content article .pair[id]"
  );
  Array.prototype.forEach.call(targets, addTools);
  showBar();

  /* The page address, printed on the first page with the provenance. */
  var provenance = document.querySelector(".provenance");
  if (provenance) {
    var url = document.createElement("p");
    url.className = "print-url";
    url.textContent = data.url;
    provenance.appendChild(url);
    var print = document.createElement("button");
    print.type = "button";
    print.className = "md-button print-button";
    print.textContent = T.print;
    print.addEventListener("click", function () { window.print(); });
    provenance.appendChild(print);
  }

  /* A paragraph opened by its link is highlighted (CSS :target) and scrolled
     below the sticky header (scroll-margin-top in site.css). */
})();
