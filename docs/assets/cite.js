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
  var zh = data.lang !== "en";

  var T = zh ? {
    copy: "复制链接", copied: "已复制", cite: "引用", close: "关闭", copyCite: "复制",
    dialog: "引用本段", original: "原文", print: "打印本页"
  } : {
    copy: "Copy link", copied: "Copied", cite: "Cite", close: "Close", copyCite: "Copy",
    dialog: "Cite this passage", original: "Original", print: "Print this page"
  };

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
      original.appendChild(document.createTextNode(T.original + (zh ? "：" : ": ")));
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
  template.innerHTML = '<button type="button" class="para-copy"></button><button type="button" class="para-cite"></button>';
  template.firstChild.textContent = T.copy;
  template.lastChild.textContent = T.cite;

  function addTools(el) {
    var box = template.cloneNode(true);
    box.firstChild.setAttribute("aria-label", T.copy + " " + el.id);
    box.lastChild.setAttribute("aria-label", T.cite + " " + el.id);
    el.classList.add("has-tools");
    el.appendChild(box);
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
    } else {
      passage.classList.toggle("show-tools");
    }
  });

  /* All at once, before the reader scrolls: added later, the buttons would
     lengthen paragraphs under the reader's eyes and move the text. */
  var targets = document.querySelectorAll(
    ".md-content article p[id], .md-content article h2[id], .md-content article h3[id], .md-content article h4[id], .md-content article .pair[id]"
  );
  Array.prototype.forEach.call(targets, addTools);

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
