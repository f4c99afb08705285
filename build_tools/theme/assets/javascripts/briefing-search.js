/* The reader's side of build_tools/search/: load the index shards a query needs (as
   <script> elements, so it works over HTTP and from file://), cut the query as the pages
   were cut, find the paragraphs holding every word, show the pages with an excerpt. */
(function () {
  "use strict";
  var box = document.querySelector("[data-briefing-search]");
  if (!box) return;
  (function dialog() {   // the dialog's inside, in Material's markup (partials/search.html)
    function make(tag, attrs, kids) {
      var e = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      (kids || []).forEach(function (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
      return e;
    }
    function icon(name) {   // drawn by briefing.css, as the theme's other icons
      var s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      s.setAttribute("viewBox", "0 0 24 24"); s.setAttribute("data-icon", name); s.setAttribute("aria-hidden", "true");
      return s;
    }
    var label = box.getAttribute("aria-label"), reset = box.getAttribute("data-reset");
    box.appendChild(make("label", { "class": "md-search__overlay", "for": "__search" }));
    box.appendChild(make("div", { "class": "md-search__inner", role: "search" }, [
      make("form", { "class": "md-search__form", name: "briefing-search" }, [
        make("input", { type: "text", "class": "md-search__input", name: "query", "aria-label": label, placeholder: label,
                        autocapitalize: "off", autocorrect: "off", autocomplete: "off", spellcheck: "false", required: "" }),
        make("label", { "class": "md-search__icon md-icon", "for": "__search" }, [icon("magnify"), icon("arrow-left")]),
        make("nav", { "class": "md-search__options", "aria-label": box.getAttribute("data-options") }, [
          make("button", { type: "reset", "class": "md-search__icon md-icon", title: reset, "aria-label": reset, tabindex: "-1" },
               [icon("close")])])]),
      make("div", { "class": "md-search__output" }, [
        make("div", { "class": "md-search__scrollwrap", tabindex: "0", "data-md-scrollfix": "" }, [
          make("div", { "class": "md-search-result" }, [
            make("div", { "class": "md-search-result__meta" }, [box.getAttribute("data-placeholder")]),
            make("ol", { "class": "md-search-result__list", role: "presentation" })])])])]));
  })();
  var root = (box.getAttribute("data-root") || ".").replace(/\/?$/, "/");
  var dirs = box.getAttribute("data-urls") === "dirs";
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;
  var MAX_WORD = 12, SHOWN = 20, COMMON = 0.2;
  // What a unit holding every word of the query adds to its page, by its length class
  // (index.py: LENGTHS): a short paragraph or heading says more than a long one.
  var SPECIFIC = [1, 0.6, 0.35, 0.2];

  /* Shards: each file calls __briefingSearch(name, data). */
  var loaded = {}, waiting = {};
  window.__briefingSearch = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (f) { f(data); });
    delete waiting[name];
  };
  function load(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve) {
      if (waiting[name]) { waiting[name].push(resolve); return; }
      waiting[name] = [resolve];
      var s = document.createElement("script");
      s.src = root + "search/" + name + ".js";
      s.async = true;
      s.onerror = function () { window.__briefingSearch(name, null); };   // no such shard: no words
      document.head.appendChild(s);
    });
  }

  /* Words, as build_tools/search/tokens.py and index.py make them. */
  function stem(word, rules) {
    if (!/^[a-z]+$/.test(word)) return word;
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      if (word.endsWith(r[0]) && word.length - r[0].length >= r[2]) return word.slice(0, word.length - r[0].length) + r[1];
    }
    return word;
  }
  function shardKey(word, shards) {
    var c = word.codePointAt(0);
    if (String.fromCodePoint(c).match(HAN)) return c % shards;
    var h = 0;
    for (var ch of word) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
    return h % shards;
  }
  function shard(word, m) { return load("w/" + shardKey(word, m.shards)); }

  /* A Chinese run cut into words of the index's vocabulary (the words the pages were cut
     into): every cut with at most one word more than the fewest, a few at most, as jieba
     may have cut the page either way. The last part may be the start of a word (the
     reader is still typing). A cut is a list of groups; a group, [word, entry] pairs. */
  async function cutsHan(run, m) {
    var chars = Array.from(run), n = chars.length;
    function edges(group, from, to) { group.first = from === 0; group.last = to === n; return group; }
    var shards = await Promise.all(chars.map(function (c) { return shard(c, m); }));
    var steps = chars.map(function (_, i) {
      var sh = shards[i] || {}, out = [];
      for (var j = Math.min(n, i + MAX_WORD); j > i; j--) {
        var w = chars.slice(i, j).join("");
        if (w in sh) out.push([j, edges([[w, sh[w]]], i, j)]);
      }
      if (!out.length) {
        var rest = chars.slice(i).join("");
        var starts = Object.keys(sh).filter(function (w) { return w.length > rest.length && w.startsWith(rest); })
          .sort(function (a, b) { return sh[b][0] - sh[a][0]; }).slice(0, 16);
        if (starts.length) out.push([n, edges(starts.map(function (w) { return [w, sh[w]]; }), i, n)]);   // still being typed
        else out.push([i + 1, null]);   // a character no word of any page starts with: left out
      }
      return out;
    });
    // leaving a character out costs as much as any cut: a cut of known words is always better
    function cost(s) { return s[1] ? 1 : n + 1; }
    var fewest = new Array(n + 1).fill(Infinity);
    fewest[n] = 0;
    for (var i = n - 1; i >= 0; i--) steps[i].forEach(function (s) { fewest[i] = Math.min(fewest[i], cost(s) + fewest[s[0]]); });
    var cuts = [];
    (function walk(i, groups, slack) {
      if (cuts.length >= 6) return;
      if (i === n) { cuts.push(groups); return; }
      steps[i].forEach(function (s) {
        var extra = cost(s) + fewest[s[0]] - fewest[i];
        if (extra <= slack) walk(s[0], s[1] ? groups.concat([s[1]]) : groups, slack - extra);
      });
    })(0, [], 1);
    return cuts;
  }
  function partsOf(query, m) {   // the Chinese runs of a query, and its other words, stemmed
    query = query.normalize("NFKC").toLowerCase();
    var pos = 0, match, latin = [], runs = [];
    HAN.lastIndex = 0;
    while ((match = HAN.exec(query))) { latin.push(query.slice(pos, match.index)); runs.push(match[0]); pos = match.index + match[0].length; }
    latin.push(query.slice(pos));
    var words = [].concat.apply([], latin.map(function (t) { return (t.match(/[a-z0-9]+/g) || []).map(function (w) { return stem(w, m.stem); }); }));
    return { runs: runs, words: words };
  }
  async function cutsOf(query, m) {
    var parts = partsOf(query, m);
    var base = await Promise.all(parts.words.map(function (w) { return shard(w, m).then(function (sh) { var e = (sh || {})[w]; return e ? [[w, e]] : []; }); }));
    var cuts = [base];
    for (var r of await Promise.all(parts.runs.map(function (r) { return cutsHan(r, m); }))) {
      var more = [];
      cuts.forEach(function (c) { r.forEach(function (x) { if (more.length < 6) more.push(c.concat(x)); }); });
      cuts = more;
    }
    return cuts;
  }

  /* Postings: (page, unit) as varints, base64 (index.py: _varints). */
  function decode(code) {
    var bin = atob(code), out = [], d = -1, u = 0, i = 0;
    function next() { var v = 0, f = 1, b; do { b = bin.charCodeAt(i++); v += (b & 0x7f) * f; f *= 128; } while (b & 0x80); return v; }
    while (i < bin.length) {
      var dd = next(), x = next();
      if (dd) { d += dd; u = x; } else { u += x; }
      out.push(d * 100000 + u);
    }
    return out;
  }
  async function postings(entry) {
    var code = entry[1];
    if (typeof code === "string" && code[0] === "@") code = await load(code.slice(1));
    return code ? decode(code) : [];
  }

  var postingSets = {};
  function unitsOf(group) {   // the units holding any word of the group, as a Set
    var key = group.map(function (p) { return p[0]; }).join(" ");
    if (!postingSets[key]) postingSets[key] = Promise.all(group.map(function (p) { return postings(p[1]); }))
      .then(function (all) { return new Set([].concat.apply([], all)); });
    return postingSets[key];
  }
  async function andOf(groups, m) {
    groups = groups.filter(function (g) { return !g.length || g.some(function (p) { return p[1][1] !== 0; }); });
    if (!groups.length || groups.some(function (g) { return !g.length; })) return { hits: [], words: [] };   // a word no page has
    groups.forEach(function (g) { g.df = g.reduce(function (s, p) { return s + p[1][0]; }, 0); });
    groups.sort(function (a, b) { return a.df - b.df; });
    // Words in a fifth of all paragraphs say little next to a rarer one: not loaded.
    var kept = groups.filter(function (g, i) { return i === 0 || g.df <= COMMON * m.units; });
    var sets = await Promise.all(kept.map(unitsOf));
    return { hits: Array.from(sets[0]).filter(function (k) { return sets.every(function (s) { return s.has(k); }); }),
             words: kept.map(function (g) { return g.map(function (p) { return p[0]; }); }) };
  }
  /* A phrase copied from the middle of a sentence may begin with the end of a word and end
     with the start of one, cut by the pages as parts of longer words: when no paragraph
     holds every word of any cut, the first and the last word of each Chinese run are left
     out, one or both, as long as two words remain. */
  function relaxed(cut) {
    var out = [];
    [["first"], ["last"], ["first", "last"]].forEach(function (edge) {
      var kept = cut.filter(function (g) { return !edge.some(function (e) { return g[e]; }); });
      if (kept.length < cut.length && kept.length >= 2) out.push(kept);
    });
    return out;
  }
  async function search(query) {
    var m = await load("meta");
    var cuts = await cutsOf(query, m);
    var found = await Promise.all(cuts.map(function (c) { return andOf(c, m); }));
    if (found.every(function (f) { return !f.hits.length; })) {
      var wider = [].concat.apply([], cuts.map(relaxed));
      if (wider.length) found = await Promise.all(wider.map(function (c) { return andOf(c, m); }));
    }
    var all = new Set(), words = [];
    found.forEach(function (f) { f.hits.forEach(function (k) { all.add(k); }); words = words.concat(f.words); });
    var hits = Array.from(all).sort(function (a, b) { return a - b; });
    var pages = new Map();
    hits.forEach(function (k) {   // in order: page, then unit (4 * unit + length class)
      var d = Math.floor(k / 100000), x = k % 100000, u = x >> 2, p = pages.get(d);
      if (!p) pages.set(d, p = { page: d, unit: 0, score: 0, best: 0, units: 0, hits: [] });
      p.units += 1;
      if (p.hits.length < 64) p.hits.push(u);
      if (u === 0) { p.score += 2; return; } // the title (records.py: unit 1 is the rest of the page top)
      if (p.unit === 0 && u > 1) p.unit = u; // link to the first paragraph that has it all
      p.best = Math.max(p.best, SPECIFIC[x & 3]);
    });
    // the most specific match first, then how many units match
    pages.forEach(function (p) { p.score += p.best + 0.25 * Math.log(1 + p.units); });
    var items = Array.from(pages.values()).sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return { total: items.length, words: words, items: items.slice(0, SHOWN) };
  }

  /* Results, in Material's markup. */
  // An anchor "^id" is on the Simplified edition's page (an untranslated article's full
  // text, linked from its English page: records.py).
  var up = box.getAttribute("data-up") || "";
  function idOf(anchor) { return anchor.charAt(0) === "^" ? anchor.slice(1) : anchor; }
  function href(path, anchor) {
    var there = anchor.charAt(0) === "^";
    return root + (there ? up : "") + path + (dirs ? "/" : ".html") + (anchor ? "#" + idOf(anchor) : "");
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  var pagesText = {};
  function pageText(url) {
    if (location.protocol === "file:") return Promise.resolve(null);   // no fetch() from file://: no excerpt
    var page = url.split("#")[0];
    if (!pagesText[page]) pagesText[page] = fetch(page).then(function (r) { return r.ok ? r.text() : null; })
      .then(function (t) { return t && new DOMParser().parseFromString(t, "text/html"); }).catch(function () { return null; });
    return pagesText[page];
  }
  function excerpt(p, doc, anchor, words) {
    var node = anchor ? doc.getElementById(idOf(anchor)) : null;
    var flat = [].concat.apply([], words).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    function first(text) {
      var lower = text.toLowerCase(), at = -1;
      flat.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
      return at;
    }
    // the unit is the anchored element and the lists and tables after it (records.py)
    var text = node ? node.textContent : ((doc.querySelector("meta[name=description]") || {}).content || "");
    for (var next = node && node.nextElementSibling, n = 0; next && n < 8 && first(text) < 0 && !next.id; next = next.nextElementSibling, n++)
      text += " " + next.textContent;
    text = text.replace(/\s+/g, " ").trim();
    var at = first(text);
    var start = Math.max(0, at - 24), end = Math.min(text.length, start + 96);
    var part = text.slice(start, end), low = part.toLowerCase();
    if (start > 0) p.appendChild(document.createTextNode("…"));
    for (var i = 0; i < part.length;) {
      var w = flat.find(function (w) { return low.startsWith(w, i); });
      if (w) { p.appendChild(el("mark", "", part.slice(i, i + w.length))); i += w.length; continue; }
      var j = i + 1;
      while (j < part.length && !flat.some(function (w) { return low.startsWith(w, j); })) j++;
      p.appendChild(document.createTextNode(part.slice(i, j)));
      i = j;
    }
    if (end < text.length) p.appendChild(document.createTextNode("…"));
  }
  function count(n) {
    return n === 0 ? box.getAttribute("data-none") : n === 1 ? box.getAttribute("data-one")
      : box.getAttribute("data-other").replace("#", n);
  }

  var seq = 0;
  async function run() {
    var mine = ++seq, query = input.value.trim();
    if (!query) { list.textContent = ""; meta.textContent = box.getAttribute("data-placeholder"); return; }
    var found = await search(query), results = found.items;
    if (mine !== seq) return;
    var m = loaded.meta;
    var chunks = await Promise.all(results.map(function (r) { return load("d/" + Math.floor(r.page / m.chunk)); }));
    if (mine !== seq) return;
    list.textContent = "";
    meta.textContent = count(found.total);
    results.forEach(function (r, i) {
      var info = chunks[i][r.page % m.chunk], anchor = info[3][r.unit] || "", url = href(info[0], anchor);
      var li = el("li", "md-search-result__item"), a = el("a", "md-search-result__link");
      a.href = url;
      var art = el("article", "md-search-result__article md-typeset");
      art.appendChild(el("div", "md-search-result__icon md-icon"));
      art.appendChild(el("h1", "", info[1]));
      var p = el("p", "briefing-search__excerpt");
      art.appendChild(p);
      if (info[2].length) {
        var tags = el("nav", "md-tags");
        info[2].forEach(function (t) { tags.appendChild(el("span", "md-tag", t)); });
        art.appendChild(tags);
      }
      a.appendChild(art); li.appendChild(a); list.appendChild(li);
      if (i < 10) pageText(url).then(function (doc) {
        if (!doc || mine !== seq) return;
        // Postings say which paragraphs hold every word; the page says which holds the phrase.
        var whole = query.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
        function holds(id) {
          var node = id && doc.getElementById(idOf(id));
          return node && node.textContent.toLowerCase().replace(/\s+/g, "").indexOf(whole) >= 0;
        }
        // among the paragraphs holding every word, else any of the page's (a phrase whose
        // words are common in the article: more paragraphs hold them than are listed)
        var better = r.hits.map(function (u) { return info[3][u]; }).find(holds) || info[3].find(holds);
        if (better && better !== anchor) { anchor = better; a.href = href(info[0], anchor); }
        excerpt(p, doc, anchor, found.words);
      });
    });
  }

  // The shards of what is typed start loading at once, while the search waits for the
  // reader to pause: most of the time to a first result is loading them.
  function prefetch(query) {
    var m = loaded.meta;
    if (!m) return;
    var parts = partsOf(query, m);
    parts.runs.forEach(function (run) { Array.from(run).forEach(function (c) { shard(c, m); }); });
    parts.words.forEach(function (w) { shard(w, m); });
  }
  var timer = 0;
  input.addEventListener("input", function () { prefetch(input.value); clearTimeout(timer); timer = setTimeout(run, 60); });
  input.addEventListener("focus", function () { load("meta"); });
  input.form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.focus();
    input.select();
  }
  toggle.addEventListener("change", function () { if (toggle.checked) { input.focus(); load("meta"); } });
  // A link with ?q= opens the search with that query (as Material's search does): a term
  // page sends its reader here for the articles beyond the ones it lists.
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) { input.value = asked; open(); run(); }
  // Material's shortcuts for its search: / s f open it, Escape closes it.
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (toggle.checked && ev.key === "Escape") { toggle.checked = false; toggle.dispatchEvent(new Event("change")); input.blur(); ev.preventDefault(); return; }
    if (!typing && !toggle.checked && (ev.key === "/" || ev.key === "s" || ev.key === "f")) { ev.preventDefault(); open(); }
  });
})();
