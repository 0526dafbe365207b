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

  /* The index's text cut into the vocabulary's words (longest match, as the
     query is cut), U+200B between words: the index is published without
     them (a third of its Chinese bytes), and the text is cut here before the
     worker indexes it. */
  function makeCutter(vocabulary) {
    var words = new Set(vocabulary || []);
    var longest = 1;
    words.forEach(function (w) { if (w.length > longest) longest = w.length; });
    return function (text) {
      return String(text || "").replace(HAN, function (run) {
        var out = [], i = 0;
        while (i < run.length) {
          var n = Math.min(longest, run.length - i);
          while (n > 1 && !words.has(run.substr(i, n))) n--;
          out.push(run.substr(i, n));
          i += n;
        }
        return "\u200b" + out.join("\u200b") + "\u200b";
      });
    };
  }

  /* The stem of an English plural: a prefix of the singular and the plural
     alike (policies -> polic, crises -> cris, partnerships -> partnership). */
  function singular(word) {
    if (word.length <= 3 || !/[a-z]s$/i.test(word) || /ss$/i.test(word)) return word;
    if (/ies$/i.test(word)) return word.slice(0, -3);
    if (/(x|z|ch|sh|ses)$/i.test(word.slice(0, -2)) || /(x|z|ch|sh|s)es$/i.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  }

  /* ---- Terms in any form ------------------------------------------------
   * window.__searchTerms (search/vocabulary.js) maps every form of every
   * glossary term, case-folded and in either English spelling, to the term's
   * token (hooks/corpus/search_passages.py: term_token), which the index holds
   * for every entry that names the term in any form. A query that names a
   * term (上合组织, SCO, "Shanghai Cooperation Organization") asks for the
   * token, so every form finds the passages of all the others, in either
   * language's search. */
  function isLatinChar(ch) { return /[a-z0-9]/.test(ch || ""); }

  /* What a query needs of the terms table, derived once per table: its
     longest form, and each token's forms (longest first). */
  var tableViews = typeof WeakMap === "function" ? new WeakMap() : null;
  function termsView(table) {
    var view = tableViews && tableViews.get(table);
    if (view) return view;
    view = { longest: 0, formsOf: {} };
    for (var key in table) {
      if (!Object.prototype.hasOwnProperty.call(table, key)) continue;
      if (key.length > view.longest) view.longest = key.length;
      (view.formsOf[table[key]] = view.formsOf[table[key]] || []).push(key);
    }
    for (var token in view.formsOf) view.formsOf[token].sort(function (a, b) { return b.length - a.length; });
    if (tableViews) tableViews.set(table, view);
    return view;
  }

  /* The terms a query names: [{start, end, token}], longest forms first, a Latin
     form only as whole words. query: normal(query). */
  function findTerms(query, table) {
    var found = [];
    if (!table) return found;
    var longest = termsView(table).longest;
    var i = 0;
    while (i < query.length) {
      var hit = 0;
      for (var n = Math.min(longest, query.length - i); n > 1; n--) {
        var form = query.substr(i, n);
        if (!Object.prototype.hasOwnProperty.call(table, form)) continue;
        var latin = isLatinChar(form.charAt(0)) || isLatinChar(form.charAt(n - 1));
        if (latin && (isLatinChar(query.charAt(i - 1)) || isLatinChar(query.charAt(i + n)))) continue;
        hit = n;
        break;
      }
      if (hit) { found.push({ start: i, end: i + hit, token: table[query.substr(i, hit)] }); i += hit; }
      else i += 1;
    }
    return found;
  }

  /* The query without the spans of the terms it names. */
  function outsideTerms(query, found) {
    var rest = "", at = 0;
    found.forEach(function (f) { rest += query.slice(at, f.start) + " "; at = f.end; });
    return rest + query.slice(at);
  }

  /* ---- The traditional edition ------------------------------------------
   * Its pages (lang="zh-Hant") search their own index, of traditional text,
   * cut by their own vocabulary (zh-Hant/search/vocabulary.js). A query typed
   * in simplified characters is converted first, by the table that comes
   * with that vocabulary (window.__searchHant: OpenCC's conversion,
   * hooks/corpus/postbuild.py: query_conversion): the longest word whose
   * conversion as a phrase differs from its characters' (头发 → 頭髮), else
   * character by character. Traditional characters pass unchanged. */
  function makeConverter(conversion) {
    if (!conversion) return function (query) { return query; };
    var words = conversion.words || {}, chars = conversion.chars || {};
    var longest = 1;
    for (var w in words) if (Object.prototype.hasOwnProperty.call(words, w) && w.length > longest) longest = w.length;
    var own = Object.prototype.hasOwnProperty;
    return function (query) {
      return String(query).replace(HAN, function (run) {
        var out = "", i = 0;
        while (i < run.length) {
          var n = Math.min(longest, run.length - i);
          while (n > 1 && !own.call(words, run.substr(i, n))) n--;
          if (n > 1) { out += words[run.substr(i, n)]; i += n; continue; }
          var ch = run.charAt(i);
          out += own.call(chars, ch) ? chars[ch] : ch;
          i += 1;
        }
        return out;
      });
    };
  }

  function makeTransform(vocabulary, table) {
    var words = new Set(vocabulary || []);
    var longest = 1;
    words.forEach(function (w) { if (w.length > longest) longest = w.length; });
    return function (query) {
      if (typeof query !== "string" || /[+"*:~^]/.test(query)) return query;  /* the reader's own syntax */
      var found = findTerms(normal(query), table);
      var rest = found.length ? outsideTerms(normal(query), found) : query;
      var latin = rest.replace(HAN, " ").split(/[\s\-]+/).filter(Boolean);
      var han = words.size ? rest.match(HAN) || [] : [];
      var terms = found.map(function (f) { return "+" + f.token; });
      /* the form as typed counts too (optional), so that entries that use this
         form, or hold it in a heading, rank first among those naming the term */
      found.forEach(function (f) {
        var form = normal(query).slice(f.start, f.end);
        form.replace(HAN, " ").split(/[\s\-]+/).forEach(function (w) { if (w && !STOP.test(w)) terms.push(w); });
        (form.match(HAN) || []).forEach(function (run) { if (words.has(run)) terms.push(run + SENTINEL + "^10"); });
      });
      han.forEach(function (run) { terms = terms.concat(segment(run, words, longest)); });
      var alone = latin.length === 1 && !found.length && !han.length;
      latin.forEach(function (word) {
        /* every English word is required too, except stop words, which the
           index drops (a required stop word would match nothing); a plural
           is looked for as its stem, which is a prefix of both the singular
           and the plural ("partnerships" finds "partnership" too) */
        var stem = singular(word);
        if (STOP.test(word)) terms.push(word);
        else if (alone) terms.push(stem === word ? word : stem + "*");
        else terms.push("+" + stem + "*");
      });
      return terms.join(" ");
    };
  }

  /* ---- Results as a reader needs them --------------------------------------
   * The worker's results are reshaped before Material shows them (pure
   * functions, tested in Node):
   * - the passages (paragraph entries, see hooks/corpus/search_passages.py)
   *   show their heading as title, and a long one is cut around its first
   *   match;
   * - a run of Han characters in the query finds every entry that holds that
   *   exact string, even where jieba cut the text otherwise, and those come
   *   first, with the string marked;
   * - groups are ordered: the glossary page of a term whose name is the query,
   *   then documents, then every other page; pages that do not answer the
   *   query when others do are left out (see keepAnswers);
   * - in each group at most SHOWN passages are open, the rest under "more".
   */
  var SHOWN = 3;
  var AROUND = 40, LONG = 200;

  function plainText(html) {
    return String(html || "").replace(/<[^>]*>/g, "").replace(/\u200b/g, "")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  }
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function normal(query) {
    return String(query || "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function pageOf(location) { return String(location).split("#")[0]; }
  /* A document's page or its "other items" page (not its parallel view or versions). */
  function isDocument(location) {
    return /(^|\/)texts\/[^\/]+\/((others\/)?(index\.html)?|others\.html)$/.test(pageOf(location));
  }
  /* The folder of the document a page belongs to ("texts/x/"), in either form of address (the
     offline bundle's pages are files: texts/x/index.html, texts/x/others.html, glossary/t.html). */
  function documentOf(location) {
    var m = /^(.*?texts\/[^\/]+\/)/.exec(pageOf(location));
    return m ? m[1] : null;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* A pattern that finds any form of a term: Latin forms as whole words, any case. */
  function formPattern(forms) {
    return forms.map(function (f) {
      var e = escapeRegExp(f).replace(/ /g, "\\s+");
      return (isLatinChar(f.charAt(0)) ? "(?<![a-z0-9])" : "") + e + (isLatinChar(f.charAt(f.length - 1)) ? "(?![a-z0-9])" : "");
    }).join("|");
  }

  /* The text with every occurrence of the patterns marked, as HTML. */
  function markRuns(plain, patterns) {
    var pattern = new RegExp(patterns.join("|"), "gi");
    var out = "", last = 0, m;
    while ((m = pattern.exec(plain))) {
      out += escapeHtml(plain.slice(last, m.index)) + "<mark>" + escapeHtml(m[0]) + "</mark>";
      last = m.index + m[0].length;
      if (!m[0].length) pattern.lastIndex++;
    }
    return out + escapeHtml(plain.slice(last));
  }

  /* A long passage cut around its first match ("…" where it was cut); tags
     are all kept, so that the HTML stays balanced. */
  function snippet(html, long, around) {
    long = long || LONG; around = around || AROUND;
    var units = String(html).match(/<[^>]*>|&[#\w]+;|[\s\S]/g) || [];
    var visible = 0, firstMark = -1;
    units.forEach(function (u) {
      if (u === "<mark>" && firstMark < 0) firstMark = visible;
      if (u.charAt(0) !== "<" && u !== "\u200b") visible += 1;
    });
    if (visible <= long) return html;
    var start = Math.max(0, Math.min(firstMark < 0 ? 0 : firstMark - around, visible - long));
    var end = start + long, at = 0, out = "";
    units.forEach(function (u) {
      if (u.charAt(0) === "<") { out += u; return; }
      if (u === "\u200b") { return; }
      if (at === start && start > 0) out += "…";
      if (at >= start && at < end) out += u;
      at += 1;
      if (at === end && end < visible) out += "…";
    });
    return out;
  }

  function isTermPage(location) {
    var page = pageOf(location);
    return /(^|\/)glossary\/[^\/]+\/(index\.html)?$/.test(page) ||
      (/(^|\/)glossary\/[^\/]+\.html$/.test(page) && !/(^|\/)glossary\/index\.html$/.test(page));
  }
  /* A parallel view or a comparison of versions: the text of a document shown again. */
  function isView(location) {
    return /(^|\/)texts\/[^\/]+\/(parallel|versions)(\/(index\.html)?|\.html)$/.test(pageOf(location));
  }

  /* The groups a reader is shown, of those that matched (ranked: 0 the term
     the query names, 1 documents, 2 other pages):
     - a Chinese query is a string (as the Chinese Text Project searches):
       when some pages hold every run of Han characters as typed, pages that
       hold only its words, apart, are left out (the term it names stays);
     - a glossary page whose definition merely mentions the words is left out
       when a document or the named term answers;
     - a parallel view or a comparison of versions is left out when its
       document's own page (or its other items) is in the results: it shows
       the same text again.
     When nothing else answers, those pages are the results. */
  function keepAnswers(groups, rank, chinese) {
    var out = groups;
    if (chinese && out.some(function (g) { return g.exact && rank(g) === 1; })) {
      out = out.filter(function (g) { return g.exact || rank(g) < 1; });
    }
    if (out.some(function (g) { return rank(g) < 2; })) {
      out = out.filter(function (g) { return rank(g) < 2 || !isTermPage(g.page); });  /* mentions only */
    }
    var shownDocuments = new Set(out.filter(function (g) { return isDocument(g.page); })
      .map(function (g) { return documentOf(g.page); }));
    out = out.filter(function (g) { return !isView(g.page) || !shownDocuments.has(documentOf(g.page)); });
    return out.length ? out : groups;
  }

  /* An item's text as shown (the matches marked, a long passage cut around the
     first), made when Material first reads it: a common word at 1,000
     documents matches thousands of passages, and Material shows them ten at a
     time. The worker sends the text of the entries its search marked; for the
     others the text is the page's copy of the entry (doc). */
  function lazyText(item, cut, doc) {
    var raw = item.text != null ? item.text : (doc ? doc.text : ""), made = null;
    if (item.title == null) item.title = doc ? doc.title : "";
    Object.defineProperty(item, "text", {
      configurable: true, enumerable: true,
      get: function () {
        if (made === null) {
          var html = raw;
          if (item.marks && item.marks.length) {
            var plain = plainText(raw);
            var marked = markRuns(plain, item.marks);
            if (marked.length !== escapeHtml(plain).length) html = "<p>" + marked + "</p>";
          }
          made = cut ? snippet(html) : html;
        }
        return made;
      },
      set: function (value) { raw = value; made = null; }
    });
  }

  /* The groups of rank() made ready to show: each entry's text (see lazyText);
     byLocation: the page's copy of the index's entries, by location. */
  function present(result, byLocation) {
    if (!result || !Array.isArray(result.items)) return result;
    result.items.forEach(function (group) {
      group.forEach(function (item, n) { lazyText(item, n > 0, byLocation ? byLocation.get(item.location) : null); });
    });
    return result;
  }

  /* What a query asks for as strings: the runs of Han characters outside the
     terms it names, and each named term as a pattern of all its forms. */
  function stringsOf(query, table) {
    var q = normal(query);
    var named = findTerms(q, table);
    var rest = named.length ? outsideTerms(q, named) : String(query || "").replace(/\s+/g, " ");
    var runs = rest.match(HAN) || [];
    var termPatterns = named.map(function (f) { return formPattern(termsView(table).formsOf[f.token]); });
    return {
      query: String(query || ""), table: table, named: named, runs: runs, rest: rest,
      tests: termPatterns.map(function (p) { return new RegExp(p, "gi"); }),
      marks: runs.map(escapeRegExp).concat(termPatterns)
    };
  }

  function count(plain, from, to, run) {
    var n = 0, at = plain.indexOf(run, from);
    while (at >= 0 && at < to) { n += 1; at = plain.indexOf(run, at + run.length); }
    return n;
  }
  function countPattern(plain, from, to, pattern) {
    var n = 0, m;
    pattern.lastIndex = from;
    while ((m = pattern.exec(plain)) && m.index < to) { n += 1; if (!m[0].length) pattern.lastIndex++; }
    return n;
  }

  /* The entries (their numbers in docs) that hold every string of wanted
     (stringsOf), with a score of each as the index scores a match (BM25
     without length normalisation, as Material sets it: a title weighs a
     thousand times the text, a page five times and a section twice what the
     match scores, see Material's worker). Remembered for the last query. */
  function holding(wanted, docs) {
    var last = docs.__held;
    if (last && last.query === wanted.query && last.table === wanted.table) return last;
    var runs = wanted.runs, tests = wanted.tests;
    var entries = [], counts = [], df = new Array(runs.length + tests.length).fill(0);
    docs.__plain.forEach(function (plain, n) {
      var all = true, k = 0;
      for (var r = 0; r < runs.length; r++, k++) {
        if (plain.indexOf(runs[r]) >= 0) df[k] += 1; else all = false;
      }
      for (var t = 0; t < tests.length; t++, k++) {
        tests[t].lastIndex = 0;
        if (tests[t].test(plain)) df[k] += 1; else all = false;
      }
      if (!all) return;
      var titleEnd = docs.__titleEnd[n];
      entries.push(n);
      counts.push(runs.map(function (run) {
        return [count(plain, 0, titleEnd, run), count(plain, titleEnd, plain.length, run)];
      }).concat(tests.map(function (test) {
        return [countPattern(plain, 0, titleEnd, test), countPattern(plain, titleEnd, plain.length, test)];
      })));
    });
    var total = docs.length;
    var idf = df.map(function (d) { return Math.log(1 + (total - d + 0.5) / (d + 0.5)); });
    function saturated(tf) { return tf ? tf * 2.2 / (tf + 1.2) : 0; }
    var scores = entries.map(function (n, k) {
      var doc = docs[n], score = 0;
      counts[k].forEach(function (t, i) { score += idf[i] * (1000 * saturated(t[0]) + saturated(t[1])); });
      return score * (doc.boost || 1) * (String(doc.location).indexOf("#") < 0 ? 5 : 2);
    });
    docs.__held = { query: wanted.query, table: wanted.table, entries: entries, scores: scores };
    return docs.__held;
  }

  /* Whether a query is answered without the index: it is Chinese strings and
     named terms only (no other words, none of the reader's own syntax), and
     some document holds them all. Then every answer holds them (see
     keepAnswers: pages that hold the words apart are left out), and those
     are found and scored by holding(): the index's search, which scores every
     entry holding a common word (over ten thousand at 1,000 documents), is
     not needed. */
  function answersWithoutIndex(query, docs, table) {
    if (!docs || /[+"*:~^\-]/.test(String(query || ""))) return false;
    var wanted = stringsOf(query, table);
    if (!wanted.runs.length && !wanted.named.length) return false;
    if (/[a-z0-9]/i.test(wanted.rest.replace(HAN, ""))) return false;
    var held = holding(wanted, docs);
    return held.entries.some(function (n) { return isDocument(docs[n].location); });
  }

  /* docs: the index's entries (as the worker got them, see prepare); query:
     as typed; table: window.__searchTerms (the forms of the glossary's terms).
     The worker runs it (see assets/javascripts/workers/search-reader.js), the
     page shows its groups (present). */
  function rank(result, query, docs, table) {
    if (!result || !Array.isArray(result.items)) return result;
    var q = normal(query);
    var wanted = stringsOf(query, table);
    var named = wanted.named, runs = wanted.runs, marks = wanted.marks;
    var byLocation = docs ? docs.__byLocation : null;
    var sectionOf = docs && docs.__sectionOf ? docs.__sectionOf : new Map();
    function isPassage(item) { return sectionOf.has(item.location); }
    var groups = new Map();
    function groupOf(page) {
      var g = groups.get(page);
      if (!g) { g = { page: page, article: null, items: [], best: 0, exact: false }; groups.set(page, g); }
      return g;
    }
    function place(item) {
      var g = groupOf(pageOf(item.location));
      if (item.location.indexOf("#") < 0) g.article = item; else g.items.push(item);
      g.best = Math.max(g.best, item.score || 0);
    }
    result.items.forEach(function (group) { group.forEach(place); });
    if ((runs.length || named.length) && docs) {
      /* every entry that holds each Chinese string as typed and a form of each
         term the query names: found even where the index cut the text otherwise */
      var seen = new Map();
      groups.forEach(function (g) {
        if (g.article) seen.set(g.article.location, g.article);
        g.items.forEach(function (i) { seen.set(i.location, i); });
      });
      var held = holding(wanted, docs);
      held.entries.forEach(function (n, k) {
        var doc = docs[n];
        var item = seen.get(doc.location);
        if (!item) {
          /* scored here only when the index was not asked (see answersWithoutIndex) */
          item = { location: doc.location, title: doc.title, text: doc.text, names: doc.names, score: result.own ? held.scores[k] : 0, terms: {} };
          place(item);
          seen.set(doc.location, item);
        }
        item.exact = true;
        item.terms = {};  /* it holds the whole string: no word of the query is missing */
        groupOf(pageOf(doc.location)).exact = true;
        item.marks = marks;  /* marked when shown (see present) */
      });
    }
    /* An English query: the entries that hold it as typed, a whole word or
       phrase (a plural too), come first; the search finds words by their
       beginning as one types ("un" finds "unite"), and those come after. */
    if (!runs.length && !named.length && /[a-z]/.test(q) && docs) {
      var whole = new RegExp("(?<![a-z0-9])" + escapeRegExp(q).replace(/ /g, "\\s+") + "(s|es)?(?![a-z0-9])");
      groups.forEach(function (g) {
        [g.article].concat(g.items).forEach(function (item) {
          if (!item) return;
          var plain = docs.__plainOf.get(item.location);
          if (plain && whole.test(plain.toLowerCase())) { item.exact = true; g.exact = true; }
        });
      });
    }
    var top = 1;
    groups.forEach(function (g) {
      if (!g.article && byLocation) {
        var doc = byLocation.get(g.page);
        if (doc) g.article = { location: doc.location, title: doc.title, text: doc.text, names: doc.names, score: 0, terms: {} };
      }
      top = Math.max(top, g.best);
    });
    var ordered = Array.from(groups.values()).filter(function (g) { return g.article; });
    function rankOf(g) {
      var names = g.article.names || [];
      if (names.indexOf(q) >= 0) return 0;
      if (isDocument(g.page)) return 1;
      /* a term one of whose names holds the query (核战争打不赢也打不得 for 核战争) */
      return q && names.some(function (n) { return n.indexOf(q) >= 0; }) ? 1.5 : 2;
    }
    ordered = keepAnswers(ordered, rankOf, runs.length > 0 || named.length > 0);
    ordered.sort(function (a, b) {
      return rankOf(a) - rankOf(b) || (b.exact - a.exact) || (b.best - a.best);
    });
    var items = ordered.map(function (g) {
      /* exact strings first, then passages before headings (a heading
         weighs a thousand times a paragraph in the index, but the reader
         wants the paragraph), then the index's score */
      g.items.sort(function (a, b) {
        return (!!b.exact - !!a.exact) || (isPassage(b) - isPassage(a)) || (b.score - a.score);
      });
      /* Material shows the items that score as much as the group's first
         one, and folds the rest under "more": give the first SHOWN that score. */
      var shown = top * 2;
      g.article.score = shown;
      g.items.forEach(function (item, n) {
        item.score = n < SHOWN ? shown : shown * (1 - (n + 1) / (g.items.length + 2)) / 2;
        if (!item.title && isPassage(item)) item.title = sectionOf.get(item.location);
      });
      return [g.article].concat(g.items);
    });
    var out = {};
    for (var key in result) out[key] = result[key];
    out.items = items;
    delete out.own;
    return out;
  }

  /* What rerank needs of the index, made once when the worker gets it. */
  function prepare(docs) {
    /* a passage (an entry with an anchor and no title) shows the heading of the entry before it:
       the page's title or its section's (hooks/corpus/search_passages.py keeps it once) */
    docs.__sectionOf = sections(docs);
    docs.__indexOf = new Map(docs.map(function (d, n) { return [d.location, n]; }));
    docs.__plain = docs.map(function (d) { return plainText(d.title) + "\n" + plainText(d.text); });
    docs.__titleEnd = docs.map(function (d) { return plainText(d.title).length; });
    docs.__plainOf = new Map(docs.map(function (d, n) { return [d.location, docs.__plain[n]]; }));
    docs.__byLocation = new Map(docs.map(function (d) { return [d.location, d]; }));
    return docs;
  }

  root.segmentChineseQuery = makeTransform;
  /* A result as the worker sends it to the page: numbers, not thousands of
     objects (a common word at 1,000 documents has over ten thousand
     entries; copying them as objects from the worker to the page took longer
     than ranking them). Each entry is its number in the index (refs), its
     score and which patterns mark it (marks, into markSets); what differs
     from the index's entry is in extra by the entry's position: the text
     and title Material marked, and the query's words an entry lacks
     (terms). sizes: the entries of each group. */
  function pack(result, docs) {
    var sizes = [], refs = [], scores = [], marks = [], markSets = [], extra = {};
    var indexOf = docs.__indexOf;
    result.items.forEach(function (group) {
      sizes.push(group.length);
      group.forEach(function (item) {
        var k = refs.length, doc = docs[indexOf.get(item.location)];
        refs.push(indexOf.get(item.location));
        scores.push(item.score || 0);
        var m = item.marks && item.marks.length ? markSets.indexOf(item.marks) : -1;
        if (item.marks && item.marks.length && m < 0) { m = markSets.length; markSets.push(item.marks); }
        marks.push(m);
        var e = null;
        if (item.text != null && item.text !== doc.text) (e = e || {}).text = item.text;
        if (item.title && item.title !== doc.title && item.title !== docs.__sectionOf.get(item.location)) (e = e || {}).title = item.title;
        for (var t in item.terms || {}) { (e = e || {}).terms = item.terms; break; }
        if (e) extra[k] = e;
      });
    });
    var out = {};
    for (var key in result) if (key !== "items") out[key] = result[key];
    out.packed = { sizes: sizes, refs: new Int32Array(refs), scores: new Float64Array(scores), marks: new Int16Array(marks), markSets: markSets, extra: extra };
    return out;
  }

  /* The page's side of pack: Material's result, each group made (its entries
     and their text, see lazyText) when Material first reads it, which it
     does ten groups at a time, as the reader scrolls. list: the index's
     entries in order; sectionOf: each passage's heading (see sections). */
  function unpack(result, list, sectionOf) {
    var p = result && result.packed;
    if (!p) return result;
    var groups = [], at = 0;
    p.sizes.forEach(function (size) {
      var from = at;
      at += size;
      groups.push(lazyGroup(function () {
        var items = [];
        for (var k = from; k < from + size; k++) {
          var doc = list[p.refs[k]] || {}, e = p.extra[k] || {};
          var item = {
            location: doc.location, score: p.scores[k], terms: e.terms || {},
            title: e.title != null ? e.title : (doc.title || sectionOf.get(doc.location) || ""),
            text: e.text != null ? e.text : doc.text
          };
          if (p.marks[k] >= 0) item.marks = p.markSets[p.marks[k]];
          lazyText(item, k > from, null);
          items.push(item);
        }
        return items;
      }));
    });
    var out = {};
    for (var key in result) if (key !== "packed") out[key] = result[key];
    out.items = groups;
    return out;
  }

  /* An array made by make() when first read. */
  function lazyGroup(make) {
    var made = null;
    function target() { return made || (made = make()); }
    return new Proxy([], {
      get: function (_, key) { var t = target(), v = t[key]; return typeof v === "function" ? v.bind(t) : v; },
      has: function (_, key) { return key in target(); },
      ownKeys: function () { return Reflect.ownKeys(target()); },
      getOwnPropertyDescriptor: function (_, key) {
        var d = Object.getOwnPropertyDescriptor(target(), key);
        if (d && key === "length") d.configurable = false;
        return d;
      }
    });
  }

  /* Each passage's heading: the title of the entry before it, the page's or
     its section's (hooks/corpus/search_passages.py keeps it once). */
  function sections(entries) {
    var sectionOf = new Map(), heading = "";
    entries.forEach(function (d) {
      if (d.title || String(d.location).indexOf("#") < 0) heading = d.title;
      else sectionOf.set(d.location, heading);
    });
    return sectionOf;
  }

  /* The groups as a reader sees them, in one step (the tests' way). */
  function rerank(result, query, docs, table) {
    return present(rank(result, query, docs, table), docs ? docs.__byLocation : null);
  }

  root.searchResults = { rank: rank, present: present, pack: pack, unpack: unpack, sections: sections, answersWithoutIndex: answersWithoutIndex, escapeRegExp: escapeRegExp, rerank: rerank, snippet: snippet, prepare: prepare, makeCutter: makeCutter, expandIndex: expandIndex, makeConverter: makeConverter };

  /* loaded by the tests in Node, or by the search worker (search-reader.js) */
  if (typeof document === "undefined" || root.__searchWorker) return;

  /* The vocabulary grows with the corpus, so a page does not load it: it is
     fetched (search/vocabulary.js, beside this script's folder) when a reader
     turns to search (see want() below), and a Chinese query typed before it
     has arrived waits for it (other queries do not need it). If it cannot be
     loaded, queries are cut without it. */
  var here = document.currentScript && document.currentScript.src;
  var transform = root.__searchVocabulary ? makeTransform(root.__searchVocabulary, root.__searchTerms) : null;
  var withoutVocabulary = makeTransform([]);
  var hasHan = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var traditional = document.documentElement.lang === "zh-Hant";
  var afterVocabulary = [];  /* what waits for the vocabulary: the index's text, a Chinese query */
  var loading = false;

  function whenVocabulary(go) {
    if (transform || !here) { go(); return; }
    afterVocabulary.push(go);
    loadVocabulary();
  }
  function loadVocabulary() {
    if (transform || loading || !here) return;
    loading = true;
    var tag = document.createElement("script");
    /* the traditional edition has its own (its words, and the conversion of a simplified query) */
    tag.src = new URL(traditional ? "../zh-Hant/search/vocabulary.js" : "../search/vocabulary.js", here).href;
    tag.onload = tag.onerror = function () {
      transform = makeTransform(root.__searchVocabulary, root.__searchTerms);
      afterVocabulary.splice(0).forEach(function (go) { go(); });
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

  /* The search worker. Material gets a stand-in that passes messages both
     ways: until search is wanted it keeps Material's messages (the worker
     starts then). The worker started is the site's own
     (assets/javascripts/workers/search-reader.js), which runs Material's
     inside it and ranks the results there (see rank); it gets the vocabulary
     with the index, and each query rewritten (see makeTransform), a Chinese
     one waiting for the vocabulary if it comes before it. Each result is made
     ready to show here (see unpack), with the text of the page's copy of the
     index's entries. Under file:// the worker is the offline bundle's iframe
     shim, which replaced Worker before this ran. */
  /* The index's entries as Material's worker expects them: the index is
     written short (hooks/corpus/postbuild.py: compact_entries), an entry of
     the same page as the one before it with only its "#fragment", and no empty
     titles. */
  function expandIndex(entries) {
    var page = "";
    return entries.map(function (e) {
      var full = {};
      for (var key in e) full[key] = e[key];
      var location = String(e.location || "");
      if (location.charAt(0) === "#") full.location = page + location;
      else page = location.split("#")[0];
      if (!("title" in full)) full.title = "";
      return full;
    });
  }

  var RealWorker = root.Worker;
  if (RealWorker && typeof EventTarget === "function") {
    var LazyWorker = function (url, options) {
      if (!SEARCH_WORKER.test(String(url))) return new RealWorker(url, options);
      var material = new URL(String(url), location.href);
      var reader = new URL("search-reader.js", material);
      var stand = new EventTarget(), queue = [], real = null, list = [], sectionOf = new Map();
      var post = function (message) {
        if (real) real.postMessage(message); else if (queue) queue.push(message);
      };
      var waiting = null;
      var sendQuery = function (query) {
        if (traditional) query = makeConverter(root.__searchHant)(query);
        post({ type: 2, data: (transform || withoutVocabulary)(query), query: query });
      };
      var gate = null;  /* messages held until the vocabulary is here */
      stand.postMessage = function (message) {
        if (gate) { gate.push(message); return; }
        if (message && message.type === 0 && message.data && Array.isArray(message.data.docs)) {
          list = expandIndex(message.data.docs);
          sectionOf = sections(list);
          gate = [];
          whenVocabulary(function () {
            var data = {};
            for (var key in message.data) data[key] = message.data[key];
            data.worker = material.href;
            data.vocabulary = root.__searchVocabulary || [];
            data.terms = root.__searchTerms || null;
            post({ type: 0, data: data });
            var held = gate;
            gate = null;
            held.forEach(function (m) { stand.postMessage(m); });
          });
          return;
        }
        if (message && message.type === 2 && typeof message.data === "string") {  /* a query */
          var query = message.data;
          if (!transform && here && hasHan.test(query)) {
            waiting = query;
            whenVocabulary(function () { if (waiting !== null) { sendQuery(waiting); waiting = null; } });
            return;
          }
          waiting = null;
          return sendQuery(query);
        }
        return post(message);
      };
      stand.terminate = function () {
        if (real) real.terminate();
        queue = null;
      };
      var start = function () {
        if (!queue) return;  /* terminated before it ever ran */
        real = new RealWorker(reader.href, options);
        real.addEventListener("message", function (event) {
          var data = event.data;
          if (data && data.type === 3) {
            data = { type: 3, data: unpack(data.data, list, sectionOf) };
          }
          stand.dispatchEvent(new MessageEvent("message", { data: data }));
        });
        real.addEventListener("error", function () { stand.dispatchEvent(new Event("error")); });
        queue.forEach(function (message) { real.postMessage(message); });
        queue = null;
      };
      if (wanted) start(); else held.push(start);
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


  /* Search on every way of typing: Material starts a search on key-up only,
     so text pasted by long-press on a phone, or entered by an input method
     that sends no key events, waited for another key. An input event (not
     during a composition) or the end of a composition stands in for it. */
  function typed(event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches("input.md-search__input")) return;
    if (event.type === "input" && event.isComposing) return;
    want();
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", typed, true);
  document.addEventListener("compositionend", typed, true);
})(typeof window !== "undefined" ? window : globalThis);
