/* The search worker the site starts in Material's place (docs/assets/search-zh.js
 * starts it): Material's own worker runs inside it, unchanged, and the reader's
 * ranking (search-zh.js: rank) runs beside the index, so that a query costs the
 * page only the drawing of what it shows.
 *
 * Why: a common word at 1,000 documents ("安全", "security") matches over
 * ten thousand passages. Material's worker marks the matches in every one of
 * them and sends them all to the page, which ranked them again: 300-700 ms
 * from the last keystroke. Here Material marks only the LIMIT best (the index's
 * score), the rest are ranked without their text, and the page gets each entry's
 * number in the index, score and marks (its text only where Material marked
 * it; see search-zh.js: pack): the page has the index's entries already and
 * fills in the text of the few it shows.
 *
 * Messages from the page (as Material's, plus):
 * - setup {type: 0, data: {config, docs, options, worker, vocabulary, terms}}:
 *   docs as published (hooks/corpus/postbuild.py: compact_entries), worker the
 *   address of Material's worker, vocabulary and terms the query cutter's
 *   data (search/vocabulary.js); the entries' text is cut into words here
 *   (makeCutter) before Material indexes it;
 * - query {type: 2, data: the query for the index, query: as the reader typed it}.
 *
 * It lives beside Material's worker (assets/javascripts/workers/): Material's
 * worker finds its lunr languages from this script's address, also under the
 * offline bundle's iframe shim, where this runs in a hidden frame and
 * importScripts adds script tags (a promise, not a synchronous call). */
(function (scope) {
  "use strict";

  var LIMIT = 200;  /* the matches Material marks: the best by the index's score */
  scope.__searchWorker = true;  /* search-zh.js, loaded here, keeps to its pure functions */

  var frame = scope.document && scope.document.querySelector("script[src]");
  var own = frame ? frame.src : String(scope.location && scope.location.href);
  var listen = scope.addEventListener;
  var send = scope.postMessage;
  var material = null;  /* Material's message handler */
  var caught = null;    /* what Material's worker posted last */
  var docs = null, table = null, beyond = [];
  var queue = [], busy = false;

  function reply(message) { send.call(scope, message); }

  /* Scripts, loaded in order: importScripts is synchronous in a worker and a
     promise under the shim; either way, a promise here. */
  function load(urls) {
    return new Promise(function (resolve) { resolve(scope.importScripts.apply(scope, urls)); });
  }

  /* Material's worker, loaded with its message handler and its replies caught. */
  function loadMaterial(url) {
    scope.addEventListener = function (type, fn) {
      if (type === "message" && !material) { material = fn; return; }
      return listen.apply(scope, arguments);
    };
    scope.postMessage = function (message) { caught = message; };
    return load([new URL("../../search-zh.js", own).href, url]).then(function () {
      scope.addEventListener = listen;
      if (!material) throw new Error("search: Material's worker did not start");
      capSearch(scope.lunr);
    });
  }

  /* lunr's search, keeping only the LIMIT best matches for Material (which marks
     the words in each), and the rest for rank (see withBeyond). */
  function capSearch(lunr) {
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (query) {
      var all = search.call(this, query);
      beyond = all.length > LIMIT ? all.slice(LIMIT) : [];
      return all.length > LIMIT ? all.slice(0, LIMIT) : all;
    };
  }

  /* Material's handler on one message: what it posts in reply. */
  function ask(message) {
    caught = null;
    return Promise.resolve(material({ data: message })).then(function () { return caught; });
  }

  /* The words of a query for the index ("+合作〇* 合作〇^10", "+secur*"), as
     patterns that mark them in an entry Material did not mark: a word's
     beginning, as the index matches it. */
  function queryMarks(query) {
    var seen = {};
    return String(query || "").split(/\s+/).map(function (w) {
      return w.replace(/^[+-]/, "").replace(/[*~^].*$/, "").replace(/\u3007/g, "");
    }).filter(function (w) {
      if (!w || /^zq\w*x$/.test(w) || seen[w]) return false;
      return (seen[w] = true);
    }).map(function (w) {
      var e = scope.searchResults.escapeRegExp(w);
      return /^[a-z0-9]/i.test(w) ? "(?<![a-z0-9])" + e + "[a-z0-9]*" : e;
    });
  }

  /* The matches beyond the LIMIT, as entries of Material's result (not marked:
     their text is the page's; scored as Material would, a page above its
     sections). */
  function withBeyond(result, query) {
    var marks = queryMarks(query);
    beyond.forEach(function (match) {
      var doc = docs.__byLocation.get(match.ref);
      if (!doc) return;
      result.items.push([{
        location: doc.location, title: doc.title, names: doc.names,
        score: match.score * (match.ref.indexOf("#") < 0 ? 5 : 2), terms: {}, marks: marks
      }]);
    });
    beyond = [];
    return result;
  }

  function handle(message) {
    if (message && message.type === 0) {
      var data = message.data;
      return loadMaterial(data.worker).then(function () {
        var R = scope.searchResults;
        var entries = R.expandIndex(data.docs);
        docs = R.prepare(entries);
        table = data.terms || null;
        var cut = R.makeCutter(data.vocabulary);
        var copies = entries.map(function (e) {
          var c = {};
          for (var key in e) c[key] = e[key];
          if (c.title) c.title = cut(c.title);
          if (c.text) c.text = cut(c.text);
          return c;
        });
        return ask({ type: 0, data: { config: data.config, docs: copies, options: data.options } });
      });
    }
    if (message && message.type === 2) {
      var R = scope.searchResults;
      if (docs && R.answersWithoutIndex(message.query, docs, table)) {
        return Promise.resolve({ type: 3, data: R.pack(R.rank({ items: [], own: true }, message.query, docs, table), docs) });
      }
      return ask({ type: 2, data: message.data }).then(function (answer) {
        if (!answer || answer.type !== 3 || !docs) return answer;
        var result = withBeyond(answer.data, message.data);
        return { type: 3, data: R.pack(R.rank(result, message.query, docs, table), docs) };
      });
    }
    return ask(message);
  }

  function pump() {
    if (busy || !queue.length) return;
    busy = true;
    var message = queue.shift();
    handle(message).then(function (answer) {
      if (answer) reply(answer);
    }, function (err) {
      if (scope.console) scope.console.warn("search:", err);
      if (message && message.type === 2) reply({ type: 3, data: { items: [] } });
    }).then(function () { busy = false; pump(); });
  }

  listen.call(scope, "message", function (event) {
    queue.push(event.data);
    pump();
  });
})(self);
