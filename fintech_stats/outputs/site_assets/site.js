/* fintech-stats static site: the search box (a port of fintech_stats.search.search) and the claims
   of a report page (highlight the deep-linked claim, show a clicked claim's details).
   Nothing is fetched: the search index is window.FS_INDEX (assets/search-index.js), a report's
   claims are the JSON of its <script id="claims-data">. */
(function () {
  "use strict";

  // ------------------------------------------------------------------ search (same as search.py)
  var CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var WORD = /[a-z]+|[0-9]+/g;
  var prepared = null;

  function prepare() {
    if (prepared || !window.FS_INDEX) return prepared;
    var ix = window.FS_INDEX;
    var idf = new Map();
    ix.vocab.forEach(function (t, i) { idf.set(t, ix.idf[i]); });
    var tables = ix.tables.map(function (t) {
      return {
        name: t.name, version: t.version, title: t.title, report_id: t.report_id, rows: t.rows,
        fields: t.fields.map(function (f) {
          return { label: f[0], weight: f[1], n: f[2].length, terms: new Set(f[2].map(function (i) { return ix.vocab[i]; })) };
        })
      };
    });
    prepared = {
      idf: idf, tables: tables, expansions: ix.expansions, stop: new Set(ix.stop_words),
      synonyms: ix.synonyms, charFactor: ix.char_factor, expansionFactor: ix.expansion_factor,
      breakdownWord: ix.breakdown_word, breakdownChar: ix.breakdown_char, breakdownFactor: ix.breakdown_factor,
      dimensionLabel: ix.dimension_label, acronyms: ix.acronyms, unknownIdf: ix.unknown_idf,
      acronym: new RegExp("(?<![A-Za-z])(?:" + Object.keys(ix.acronyms).join("|") + ")(?![A-Za-z])", "g")
    };
    return prepared;
  }

  function normalise(word, p) {
    if (word.length > 4 && word.endsWith("ies")) word = word.slice(0, -3) + "y";
    else if (word.length > 3 && word.endsWith("s") && !(word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")))
      word = word.slice(0, -1);
    else if (word.length > 6 && word.endsWith("ed") && !word.endsWith("eed")) word = word.slice(0, -2);
    else if (word.length > 5 && word.endsWith("ing")) word = word.slice(0, -3);
    if (Object.prototype.hasOwnProperty.call(p.synonyms, word)) return p.synonyms[word];
    if (word.length > 7 && word.endsWith("ion")) word = word.slice(0, -3);
    if (word.length > 4 && word.endsWith("e")) word = word.slice(0, -1);
    return word;
  }

  // "don't" reads "do not", "bank's" reads "bank" (as _APOSTROPHE of search.py).
  var APOSTROPHE = /n['\u2019]t(?![a-z0-9])|['\u2019]s(?![a-z0-9])/g;

  function terms(text, p) {
    var found = new Map();
    text = text.replace(p.acronym, function (m) { return " " + p.acronyms[m] + " "; });
    var lowered = text.toLowerCase().split("_").join(" ").replace(APOSTROPHE, function (m) {
      return m.charAt(0) === "n" ? " not" : "";
    });
    (lowered.match(CJK_RUN) || []).forEach(function (run) {
      var chars = Array.from(run);
      for (var i = 0; i + 1 < chars.length; i++) {
        var pair = chars[i] + chars[i + 1];
        if (!found.has(pair)) found.set(pair, { text: pair, weight: 1.0, strong: true });
      }
      chars.forEach(function (ch) {
        if (!found.has(ch)) found.set(ch, { text: ch, weight: p.charFactor, strong: false });
      });
    });
    (lowered.replace(CJK_RUN, " ").match(WORD) || []).forEach(function (word) {
      if (p.stop.has(word)) return;
      var term = normalise(word, p);
      if (!found.has(term)) found.set(term, { text: term, weight: 1.0, strong: true });
    });
    return Array.from(found.values());
  }

  function queryTerms(query, p) {
    var list = terms(query, p);
    var seen = new Set(list.map(function (t) { return t.text; }));
    var lowered = query.toLowerCase();
    p.expansions.forEach(function (pair) {
      if (lowered.indexOf(pair[0]) === -1) return;
      terms(pair[1], p).forEach(function (t) {
        if (seen.has(t.text)) return;
        seen.add(t.text);
        list.push({ text: t.text, weight: t.weight * p.expansionFactor, strong: t.strong, phrase: pair[0] });
      });
    });
    return list;
  }

  // The breakdowns a query asks for ("by region", "按地区"): per breakdown, the words of which a
  // dimension of a table must hold one (as _breakdowns of search.py).
  function breakdowns(query, p) {
    var lowered = query.toLowerCase().split("_").join(" ");
    var phrases = [];
    var words = lowered.replace(CJK_RUN, " ").match(WORD) || [];
    words.forEach(function (word, i) {
      if (word !== p.breakdownWord) return;
      var rest = [];
      for (var j = i + 1; j < words.length && !p.stop.has(words[j]); j++) rest.push(words[j]);
      phrases.push(rest.join(" "));
    });
    (lowered.match(CJK_RUN) || []).forEach(function (run) {
      var at = run.indexOf(p.breakdownChar);
      if (at !== -1) phrases.push(run.slice(at + 1));
    });
    return phrases.map(function (phrase) {
      return queryTerms(phrase, p).filter(function (t) { return t.strong; }).map(function (t) { return t.text; });
    }).filter(function (words) { return words.length > 0; });
  }

  // The IDF of a term; a term no table holds counts as one that only one table holds (as search.py).
  function idfOf(text, p) {
    return p.idf.has(text) ? p.idf.get(text) : p.unknownIdf;
  }

  // phrase -> what its own words weigh, times the expansion factor (as _caps of search.py).
  function caps(list, p) {
    var out = new Map();
    list.forEach(function (t) {
      if (t.phrase == null || out.has(t.phrase)) return;
      var sum = 0;
      terms(t.phrase, p).forEach(function (u) { sum += idfOf(u.text, p) * u.weight; });
      out.set(t.phrase, p.expansionFactor * sum);
    });
    return out;
  }

  // The query's concepts: per whitespace-separated word, its strong terms and those of the phrases
  // it is part of expanded (as _concepts of search.py).
  function concepts(query, p) {
    var lowered = query.toLowerCase();
    var words = [];
    var re = /\S+/g, m;
    while ((m = re.exec(lowered)) !== null) words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    var sets = words.map(function (w) {
      return new Set(terms(w.text, p).filter(function (t) { return t.strong; }).map(function (t) { return t.text; }));
    });
    p.expansions.forEach(function (pair) {
      var at = lowered.indexOf(pair[0]);
      while (at !== -1) {
        var extra = terms(pair[1], p).filter(function (t) { return t.strong; }).map(function (t) { return t.text; });
        words.forEach(function (w, i) {
          if (w.start < at + pair[0].length && at < w.end) extra.forEach(function (x) { sets[i].add(x); });
        });
        at = lowered.indexOf(pair[0], at + 1);
      }
    });
    return sets.filter(function (s) { return s.size > 0; });
  }

  function round(x, digits) { return parseFloat(x.toFixed(digits)); }

  function search(query, limit) {
    var p = prepare();
    if (!p) return [];
    var list = queryTerms(query, p);
    if (!list.some(function (t) { return t.strong; }))
      list = list.map(function (t) { return { text: t.text, weight: t.weight, strong: true, phrase: t.phrase }; });
    var capOf = caps(list, p);
    list = list.filter(function (t) { return p.idf.has(t.text); });
    var wantedConcepts = concepts(query, p).map(function (c) {
      return Array.from(c).filter(function (w) { return p.idf.has(w); });
    }).filter(function (c) { return c.length > 0; });
    var strong = new Set(list.filter(function (t) { return t.strong; }).map(function (t) { return t.text; }));
    var wanted = breakdowns(query, p).map(function (words) {
      return words.filter(function (w) { return p.idf.has(w); });
    });
    var hits = [];
    p.tables.forEach(function (table) {
      var any = table.fields.some(function (f) {
        for (var s of strong) if (f.terms.has(s)) return true;
        return false;
      });
      if (!any) return;
      var score = 0, specificity = 0, matched = new Set(), expanded = new Map();
      list.forEach(function (t) {
        var best = 0, tight = 0;
        table.fields.forEach(function (f) {
          if (f.terms.has(t.text)) {
            best = Math.max(best, f.weight);
            tight = Math.max(tight, f.weight / f.n);
            if (t.strong) matched.add(f.label);
          }
        });
        if (best === 0) return;
        var w = p.idf.get(t.text);
        if (t.phrase == null) {
          score += w * t.weight * best;
          specificity += w * t.weight * tight;
        } else {
          if (!expanded.has(t.phrase)) expanded.set(t.phrase, [0, 0, 0]);
          var sums = expanded.get(t.phrase);
          sums[0] += w * t.weight * best;
          sums[1] += w * t.weight * tight;
          sums[2] = Math.max(sums[2], best);
        }
      });
      expanded.forEach(function (sums, phrase) {
        var kept = Math.min(sums[0], capOf.get(phrase) * sums[2]);
        score += kept;
        specificity += sums[1] * kept / sums[0];
      });
      if (wantedConcepts.length > 1) {
        var heldCount = wantedConcepts.filter(function (c) {
          return table.fields.some(function (f) { return c.some(function (w) { return f.terms.has(w); }); });
        }).length;
        var share = heldCount / wantedConcepts.length;
        score *= share; specificity *= share;
      }
      wanted.forEach(function (words) {
        var held = words.length === 0 || table.fields.some(function (f) {
          return f.label.indexOf(p.dimensionLabel) === 0 && words.some(function (w) { return f.terms.has(w); });
        });
        if (!held) { score *= p.breakdownFactor; specificity *= p.breakdownFactor; }
      });
      var order = table.fields.map(function (f) { return f.label; });
      hits.push({
        table: table.name, version: table.version, title: table.title, report_id: table.report_id, rows: table.rows,
        score: round(score, 4), specificity: round(specificity, 6),
        matched: Array.from(matched).sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); }).join(", ")
      });
    });
    hits.sort(function (a, b) {
      if (a.score !== b.score) return b.score - a.score;
      if (a.specificity !== b.specificity) return b.specificity - a.specificity;
      return a.table < b.table ? -1 : a.table > b.table ? 1 : 0;
    });
    return limit == null ? hits : hits.slice(0, limit);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function wireSearch() {
    var box = document.getElementById("q");
    if (!box) return;
    var results = document.getElementById("results");
    var none = document.getElementById("noresults");
    function run() {
      var q = box.value;
      results.textContent = "";
      if (!q.trim()) { none.hidden = true; return; }
      var hits = search(q, 15);
      none.hidden = hits.length > 0;
      hits.forEach(function (h) {
        var li = el("li", { "data-table": h.table });
        li.appendChild(el("a", { href: "tables/" + h.table + ".html" }, h.table));
        li.appendChild(document.createTextNode(" " + h.title + " "));
        li.appendChild(el("span", { "class": "score" }, "score " + h.score.toFixed(2) + " "));
        li.appendChild(el("span", { "class": "matched" }, h.matched ? "(" + h.matched + ")" : ""));
        results.appendChild(li);
      });
    }
    box.addEventListener("input", run);
    if (box.value) run();
  }

  // ------------------------------------------------------------------ report pages
  var claims = null;

  function loadClaims() {
    var node = document.getElementById("claims-data");
    if (!node) return null;
    if (!claims) claims = JSON.parse(node.textContent);
    return claims;
  }

  function showDetail(anchor) {
    var panel = document.getElementById("detail");
    var all = loadClaims();
    if (!panel || !all || !anchor.dataset.k) return;
    panel.textContent = "";
    var close = el("button", { type: "button", "aria-label": "close" }, "×");
    close.addEventListener("click", function () { panel.hidden = true; });
    panel.appendChild(close);
    panel.appendChild(el("h3", {}, "「" + anchor.textContent + "」"));
    anchor.dataset.k.split(" ").forEach(function (k) {
      var c = all[Number(k)];
      if (!c) return;
      var link = el("a", { href: "../tables/" + c.table + ".html" }, c.table);
      var head = el("p");
      head.appendChild(link);
      head.appendChild(document.createTextNode(" " + c.version + " · " + c.mention));
      panel.appendChild(head);
      var dl = el("dl");
      function row(k2, v) {
        if (v == null || v === "") return;
        dl.appendChild(el("dt", {}, k2));
        dl.appendChild(el("dd", {}, String(v)));
      }
      c.dims.forEach(function (d) { row(d[0], d[1] === d[2] ? d[1] : d[1] + " / " + d[2]); });
      row("value", c.value);
      row("unit", c.unit);
      row("qualifier", c.qualifier);
      row("repair", c.repair);
      row("note", c.note);
      row("location", c.location);
      panel.appendChild(dl);
    });
    panel.hidden = false;
  }

  function highlight() {
    var id = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll(".claim.hl").forEach(function (n) { n.classList.remove("hl"); });
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("claim")) return;
    target.classList.add("hl");
    target.scrollIntoView({ block: "center" });
    showDetail(target);
    return target;
  }

  function wireReport() {
    if (!document.getElementById("claims-data")) return;
    window.addEventListener("hashchange", highlight);
    var target = highlight();
    // The browser scrolls to the fragment's element itself (to the top edge) once the page has
    // loaded: centre it again after that, so the sentence around it shows.
    if (target) window.addEventListener("load", function () {
      setTimeout(function () { target.scrollIntoView({ block: "center" }); }, 0);
    });
  }

  window.FS = { search: search, terms: function (t) { return terms(t, prepare()); }, highlight: highlight };
  wireSearch();
  wireReport();
})();
