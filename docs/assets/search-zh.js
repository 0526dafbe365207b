/* Chinese queries for Material's search, segmented like the index.
 *
 * The build segments Chinese text with jieba and writes the words it found to
 * search/vocabulary.js (window.__searchVocabulary). A Chinese query typed without
 * spaces ("两国方案") would otherwise reach the search worker as one long term
 * that matches no indexed word. Before the query is posted to the worker, each
 * run of Han characters is cut into indexed words by longest match, and each
 * word becomes a required term ("+两国方案"), so a query of any length finds
 * the sections that hold all its words. Characters that form no indexed word
 * stay optional prefixes.
 */
(function (root) {
  "use strict";

  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

  function segment(run, words, longest) {
    var out = [];
    var i = 0;
    while (i < run.length) {
      var found = "";
      for (var n = Math.min(longest, run.length - i); n > 1; n--) {
        var piece = run.substr(i, n);
        if (words.has(piece)) { found = piece; break; }
      }
      if (found) { out.push(found); i += found.length; }
      else { out.push(run.charAt(i)); i += 1; }
    }
    return out;
  }

  function makeTransform(vocabulary) {
    var words = new Set(vocabulary || []);
    var longest = 1;
    words.forEach(function (w) { if (w.length > longest) longest = w.length; });
    return function (query) {
      if (!words.size || typeof query !== "string" || /[+\-"*:~^]/.test(query)) return query;
      return query.replace(HAN, function (run) {
        return " " + segment(run, words, longest).join(" ") + " ";
      }).replace(/\s+/g, " ").trim();
    };
  }

  root.segmentChineseQuery = makeTransform;

  if (typeof document === "undefined") return;  /* loaded by the tests in Node */

  var transform = makeTransform(root.__searchVocabulary);
  function patch(proto) {
    if (!proto || proto.__zhPatched) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string") {  /* a query */
        message = { type: 2, data: transform(message.data) };
      }
      return post.apply(this, [message].concat([].slice.call(arguments, 1)));
    };
    proto.__zhPatched = true;
  }
  patch(root.Worker && root.Worker.prototype);
  patch(root.IFrameWorker && root.IFrameWorker.prototype);  /* the offline bundle's shim */
})(typeof window !== "undefined" ? window : globalThis);
