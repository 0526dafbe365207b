/* Queries for Material's search: Chinese segmented like the index, all words
 * required; and the search data loaded only when a reader is about to search.
 *
 * This script runs before Material's bundle (see overrides/main.html), so that
 * the bundle's request for the search index meets the wait below.
 *
 * The build segments Chinese text with jieba and writes the words it found to
 * search/vocabulary.js (window.__searchVocabulary), loaded with the first
 * search (see below). Material's search worker
 * cuts a run of Han characters in the query against its index itself, but it
 * never tests a word that ends at the end of the run (so "三股" became "三"
 * and "两国方案" lost its last word), and it glues several words of one run
 * into terms that can never match ("三股* 势力").
 *
 * Before a query is posted to the worker, each run of Han characters is cut
 * into indexed words here by longest match, and each word is sent as a run of
 * its own, followed by one extra Han character (SENTINEL) that the worker's cut
 * never reaches: so the worker keeps every word whole. Each word is required
 * and a prefix ("+两国方案*"): a section must hold every word of the query.
 * A character that starts no indexed word stays optional. English words of a
 * query of several words are required in the same way ("+indivisible*
 * +security*"), so the section that holds the whole phrase comes first.
 */
(function (root) {
  "use strict";

  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var SENTINEL = "\u3007";  /* 〇: a Han character, dropped by the worker's cut */
  var STOP = /^(a|an|and|are|as|at|be|by|for|from|in|is|it|of|on|or|that|the|this|to|with)$/i;

  function segment(run, words, longest) {
    var out = [];
    var i = 0;
    while (i < run.length) {
      var found = "";
      for (var n = Math.min(longest, run.length - i); n > 1; n--) {
        var piece = run.substr(i, n);
        if (words.has(piece)) { found = piece; break; }
      }
      if (found) {
        /* required as a prefix, and an exact match of the whole word counts more */
        out.push("+" + found + SENTINEL + "*", found + SENTINEL + "^10");
        i += found.length;
      }
      else { out.push(run.charAt(i) + SENTINEL); i += 1; }
    }
    return out;
  }

  function makeTransform(vocabulary) {
    var words = new Set(vocabulary || []);
    var longest = 1;
    words.forEach(function (w) { if (w.length > longest) longest = w.length; });
    return function (query) {
      if (typeof query !== "string" || /[+"*:~^]/.test(query)) return query;  /* the reader's own syntax */
      var latin = query.replace(HAN, " ").split(/[\s\-]+/).filter(Boolean);
      var han = words.size ? query.match(HAN) || [] : [];
      var terms = [];
      han.forEach(function (run) { terms = terms.concat(segment(run, words, longest)); });
      latin.forEach(function (word) {
        /* every English word is required too, except stop words, which the
           index drops (a required stop word would match nothing) */
        terms.push(STOP.test(word) || latin.length === 1 ? word : "+" + word + "*");
      });
      return terms.join(" ");
    };
  }

  root.segmentChineseQuery = makeTransform;

  if (typeof document === "undefined") return;  /* loaded by the tests in Node */

  /* The vocabulary grows with the corpus, so a page does not load it: it is
     fetched (search/vocabulary.js, beside this script's folder) when a reader
     turns to search (see want() below), and a Chinese query typed before it
     has arrived waits for it (other queries do not need it). If it cannot be
     loaded, queries are cut without it. */
  var here = document.currentScript && document.currentScript.src;
  var transform = root.__searchVocabulary ? makeTransform(root.__searchVocabulary) : null;
  var withoutVocabulary = makeTransform([]);
  var hasHan = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var waiting = null;  /* the latest query posted before the vocabulary arrived */
  var loading = false;

  function loadVocabulary() {
    if (transform || loading || !here) return;
    loading = true;
    var tag = document.createElement("script");
    tag.src = new URL("../search/vocabulary.js", here).href;
    tag.onload = tag.onerror = function () {
      transform = makeTransform(root.__searchVocabulary);
      if (waiting) { waiting.send(); waiting = null; }
    };
    document.head.appendChild(tag);
  }
  /* Search costs a reader who never searches nothing. Material starts its
     search worker (12 KB gzip) and requests the search index, the heaviest
     file of the site (it grows with the corpus: 1.6 MB gzip at 1,000
     documents), while every page loads. Here both wait until a reader shows
     they are about to search: points at or focuses the search box, opens
     search on a phone, or arrives with a query in the address (?q=). Then the
     worker starts, the index's request goes out, and the vocabulary loads;
     the worker loads its lunr languages with the index. Under file://
     Material reads search_index.js instead of requesting the index; the
     worker still waits. */
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  var wanted = /[?&]q=/.test(location.search);
  var held = [];

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (go) { go(); });
    loadVocabulary();
  }

  /* The index's request: sent when wanted. */
  if (root.XMLHttpRequest) {
    var xhr = root.XMLHttpRequest.prototype, open = xhr.open, sendRequest = xhr.send;
    xhr.open = function (method, url) {
      this.__searchIndex = INDEX.test(String(url));
      return open.apply(this, arguments);
    };
    xhr.send = function () {
      var request = this, args = arguments;
      if (request.__searchIndex && !wanted) { held.push(function () { sendRequest.apply(request, args); }); return; }
      return sendRequest.apply(this, args);
    };
  }

  /* The search worker: until wanted, Material gets a stand-in that keeps its
     messages and passes on the real worker's once it runs. */
  var RealWorker = root.Worker;
  if (RealWorker && typeof EventTarget === "function") {
    var LazyWorker = function (url, options) {
      if (wanted || !SEARCH_WORKER.test(String(url))) return new RealWorker(url, options);
      var stand = new EventTarget(), queue = [], real = null;
      stand.postMessage = function () {
        if (real) real.postMessage.apply(real, arguments); else if (queue) queue.push(arguments);
      };
      stand.terminate = function () {
        if (real) real.terminate();
        queue = null;
      };
      held.push(function () {
        if (!queue) return;  /* terminated before it ever ran */
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) { stand.dispatchEvent(new MessageEvent("message", { data: event.data })); });
        real.addEventListener("error", function () { stand.dispatchEvent(new Event("error")); });
        queue.forEach(function (args) { real.postMessage.apply(real, args); });
        queue = null;
      });
      return stand;
    };
    LazyWorker.prototype = RealWorker.prototype;
    root.Worker = LazyWorker;
  }

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  ["focusin", "pointerover", "pointerdown"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (isSearch(event.target)) want(); }, { passive: true });
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") want();
  });

  function patch(proto) {
    if (!proto || proto.__zhPatched) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      var worker = this, rest = [].slice.call(arguments, 1);
      if (message && message.type === 2 && typeof message.data === "string") {  /* a query */
        var query = message.data;
        var send = function () { post.apply(worker, [{ type: 2, data: (transform || withoutVocabulary)(query) }].concat(rest)); };
        if (!transform && here && hasHan.test(query)) { waiting = { send: send }; loadVocabulary(); return; }
        return send();
      }
      return post.apply(this, [message].concat(rest));
    };
    proto.__zhPatched = true;
  }
  patch(root.Worker && root.Worker.prototype);
  patch(root.IFrameWorker && root.IFrameWorker.prototype);  /* the offline bundle's shim */
})(typeof window !== "undefined" ? window : globalThis);
