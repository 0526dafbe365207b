/* Copy a permanent link, or a ready citation, for any paragraph or heading.
 *
 * On document pages (those carrying <script id="cite-data">), every paragraph,
 * heading and parallel pair with an id gets two buttons: "copy link" puts the
 * page URL with #id on the clipboard; "cite" opens a dialog with the citation
 * in GB/T 7714-2015, APA 7 and Chicago style, in the page's language. The
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
    dialog: "引用本段", styles: ["GB/T 7714-2015", "APA 第7版", "芝加哥格式"],
    para: "段落", print: "打印本页"
  } : {
    copy: "Copy link", copied: "Copied", cite: "Cite", close: "Close", copyCite: "Copy",
    dialog: "Cite this passage", styles: ["GB/T 7714-2015", "APA 7th edition", "Chicago"],
    para: "paragraph", print: "Print this page"
  };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  function chineseDate(iso) {
    var p = iso.split("-");
    return p[0] + "年" + parseInt(p[1], 10) + "月" + parseInt(p[2], 10) + "日";
  }
  function longDate(iso) {
    var p = iso.split("-");
    return MONTHS[parseInt(p[1], 10) - 1] + " " + parseInt(p[2], 10) + ", " + p[0];
  }

  function permalink(id) {
    return location.href.split("#")[0].split("?")[0] + "#" + id;
  }

  function title() {
    return zh || data.title === data.title_zh ? data.title : data.title + " [" + data.title_zh + "]";
  }

  /* The three citation styles, for the passage with this id. */
  function citations(id) {
    var url = permalink(id);
    var accessed = today();
    var creator = data.author || data.source;
    var year = data.date.slice(0, 4);
    var note = data.translation ? " [English working translation by " + data.site + "]" : "";
    var gbt = (data.author ? data.author + ". " : "") + title() + "[EB/OL]. " + data.source + ", " +
      data.date + ". " + data.site + (zh ? "整理本，段落 " : ", " + T.para + " ") + id +
      "[" + accessed + "]. " + url + ".";
    var apa = creator + ". (" + (zh ? chineseDate(data.date) : year + ", " + longDate(data.date).replace(/, \d+$/, "")) + "). " +
      title() + note + " (" + T.para + " " + id + "). " + data.site +
      (zh ? "。检索于 " + accessed + "，" : ". Retrieved " + longDate(accessed) + ", from ") + url;
    var chicago = (data.author ? data.author + ". " : "") + "“" + title() + ".”" + note + " " + data.source + ", " +
      (zh ? data.date : longDate(data.date)) + ". " + (zh ? "段落 " : "Paragraph ") + id + ". " + data.site + ". " +
      (zh ? "访问日期 " + accessed : "Accessed " + longDate(accessed)) + ". " + url + ".";
    return [gbt, apa, chicago];
  }

  function copy(text, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = T.copied;
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  function fallbackCopy(text) {  /* file:// and older browsers */
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  var dialog = document.createElement("dialog");
  dialog.className = "cite-dialog";
  dialog.setAttribute("aria-label", T.dialog);
  document.body.appendChild(dialog);

  function openDialog(id, opener) {
    var texts = citations(id);
    dialog.innerHTML = "";
    var heading = document.createElement("h2");
    heading.textContent = T.dialog + " · " + id;
    dialog.appendChild(heading);
    texts.forEach(function (text, i) {
      var block = document.createElement("section");
      block.className = "cite-style";
      var name = document.createElement("h3");
      name.textContent = T.styles[i];
      var body = document.createElement("p");
      body.className = "cite-text";
      body.textContent = text;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = T.copyCite;
      button.addEventListener("click", function () { copy(text, button); });
      block.appendChild(name);
      block.appendChild(body);
      block.appendChild(button);
      dialog.appendChild(block);
    });
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
    url.textContent = location.href.split("#")[0];
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
