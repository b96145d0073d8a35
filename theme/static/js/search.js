/* Site search in the browser: the query read by query.js (words of the index's lexicon, aliases,
   places, kinds, months, traditional characters), lunr.js 2.3.9 on index shards fetched on demand,
   result metadata fetched per bucket. The index layout is described in plugins/jiuye_search/index.py. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.dataset.index, site = script.dataset.site || "";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var province = document.getElementById("search-province");
  var statusBox = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var chipList = document.getElementById("search-chips");
  var suggestion = document.getElementById("search-suggestion");
  var pager = document.getElementById("search-pages");
  var pagePrev = document.getElementById("search-prev"), pageNext = document.getElementById("search-next");
  var pageLabel = document.getElementById("search-page");
  var today = script.dataset.today ? new Date(script.dataset.today + "T12:00:00") : new Date();
  var CHIP_LABELS = { province: "省份", city: "地点", kind: "类别", month: "月份" };
  var KINDS = { n: "新闻", j: "岗位", f: "招聘会" };
  var OVER = { j: "已截止", f: "已结束" };  /* row.x: a closed job, a fair that is over */
  var PAGE = 10, DEBOUNCE_MS = 200;
  var manifest = null, shardCache = {}, lexiconCache = {}, bucketCache = {}, generation = 0, timer = null;
  var page = 1;

  function getJson(path) {
    return fetch(base + path).then(function (response) {
      if (!response.ok) throw new Error(path + ": HTTP " + response.status);
      return response.json();
    });
  }
  function loadManifest() {
    if (!manifest) manifest = getJson("manifest.json");
    return manifest;
  }
  /* A shard file lists, per term and field, the documents (delta-encoded) and lunr's score of
     each; expand it into lunr.js's own serialised index. A missing shard holds no term. */
  function expand(shard, m) {
    var inverted = [], vectors = {};
    shard.t.forEach(function (entry, index) {
      var posting = { _index: index };
      shard.f.forEach(function (field, i) {
        var deltas = entry[1][i][0], scores = entry[1][i][1], ref = 0, docs = {};
        for (var k = 0; k < deltas.length; k++) {
          ref += deltas[k];
          docs[ref] = {};
          var key = field + "/" + ref;
          (vectors[key] = vectors[key] || []).push(index, scores[k] / m.scale);
        }
        posting[field] = docs;
      });
      inverted.push([entry[0], posting]);
    });
    return lunr.Index.load({
      version: m.lunr, fields: shard.f, pipeline: [],
      fieldVectors: Object.keys(vectors).map(function (key) { return [key, vectors[key]]; }),
      invertedIndex: inverted
    });
  }
  /* A term shard: lunr.js's index of its terms; null when it has none (a missing file holds none). */
  function loadShard(number) {
    if (!shardCache[number]) {
      shardCache[number] = Promise.all([loadManifest(), fetch(base + "s/" + number + ".json")]).then(function (got) {
        if (got[1].status === 404) return null;
        if (!got[1].ok) throw new Error("shard " + number + ": HTTP " + got[1].status);
        return got[1].json().then(function (data) { return data.t.length ? expand(data, got[0]) : null; });
      });
    }
    return shardCache[number];
  }
  /* A lexicon file: the words that start with its characters ("w") and the traditional characters
     that hash to it ("m"). */
  function loadLexicon(number) {
    if (!lexiconCache[number]) {
      lexiconCache[number] = fetch(base + "l/" + number + ".json").then(function (response) {
        if (response.status === 404) return { w: {}, m: {} };
        if (!response.ok) throw new Error("lexicon " + number + ": HTTP " + response.status);
        return response.json();
      });
    }
    return lexiconCache[number];
  }
  function loadBucket(number) {
    if (!bucketCache[number]) bucketCache[number] = getJson("d/" + number + ".json");
    return bucketCache[number];
  }

  /* The lexicon of the CJK characters of `text`: the lexicon file of each character (the words
     that start with it, and its traditional map). */
  function lexiconOf(text, m) {
    var numbers = new Set();
    jiuyeTokenize.runs(text).forEach(function (run) {
      if (run[1]) run[0].forEach(function (ch) { numbers.add(jiuyeTokenize.shard(ch, m.lexicon)); });
    });
    return Promise.all(Array.from(numbers).map(loadLexicon)).then(function (files) {
      var lexicon = { words: {}, simplified: {} };
      files.forEach(function (file) {
        Object.keys(file.w).forEach(function (w) { lexicon.words[w] = file.w[w] || {}; });
        Object.keys(file.m).forEach(function (c) { lexicon.simplified[c] = file.m[c]; });
      });
      return lexicon;
    });
  }

  /* The query as the index reads it: traditional characters first simplified (their maps live in
     the lexicon files of the characters typed), then split by the words of the simplified text. */
  function read(query) {
    return loadManifest().then(function (m) {
      return lexiconOf(query, m).then(function (first) {
        var text = jiuyeQuery.simplified(query, first);
        return lexiconOf(text, m).then(function (lexicon) {
          lexicon.simplified = first.simplified;
          return { understood: jiuyeQuery.understand(query, lexicon, today), lexicon: lexicon, manifest: m };
        });
      });
    });
  }

  /* The terms of one alternative of a word: its bigrams; a lone CJK character, or the last Latin
     word while typing, is a prefix. */
  function termsOf(text, last) {
    var tokens = jiuyeTokenize.tokens(text);
    return tokens.map(function (token, i) {
      var single = Array.from(token).length === 1 && jiuyeTokenize.isCjk(token);
      var typing = last && i === tokens.length - 1 && !jiuyeTokenize.isCjk(token) && /[a-z]$/.test(token);
      return { token: token, prefix: single || typing };
    });
  }

  /* Documents holding every term, with lunr's scores summed; terms in one shard are one lunr query. */
  function allOf(wanted, m) {
    if (!wanted.length) return Promise.resolve(null);
    var byShard = {};
    wanted.forEach(function (term) {
      var number = jiuyeTokenize.shard(term.token, m.shards);
      (byShard[number] = byShard[number] || []).push(term);
    });
    var numbers = Object.keys(byShard);
    return Promise.all(numbers.map(loadShard)).then(function (shards) {
      var scores = null;
      for (var n = 0; n < shards.length; n++) {
        if (!shards[n]) return {};
        var found = {};
        shards[n].query(function (q) {
          byShard[numbers[n]].forEach(function (term) {
            var options = {
              presence: lunr.Query.presence.REQUIRED,
              wildcard: term.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
            };
            if (term.fields) options.fields = term.fields;
            q.term(term.token, options);
          });
        }).forEach(function (hit) { found[hit.ref] = hit.score; });
        scores = scores === null ? found : both(scores, found);
      }
      return scores || {};
    });
  }
  function both(a, b) {
    var result = {};
    Object.keys(b).forEach(function (ref) { if (ref in a) result[ref] = a[ref] + b[ref]; });
    return result;
  }
  function either(a, b) {
    var result = Object.assign({}, a);
    Object.keys(b).forEach(function (ref) { result[ref] = Math.max(result[ref] || 0, b[ref]); });
    return result;
  }

  /* Every word is required, any of its alternatives will do; filters are required terms. */
  function search(words, filters, m) {
    var groups = words.map(function (alternatives, i) {
      var last = i === words.length - 1;
      return alternatives.map(function (alt) { return termsOf(alt, last); });
    });
    if (filters.length) groups.push([filters]);
    if (!groups.length) return Promise.resolve([]);
    return Promise.all(groups.map(function (alternatives) {
      return Promise.all(alternatives.map(function (terms) { return allOf(terms, m); })).then(function (found) {
        return found.reduce(function (acc, f) { return f === null ? acc : either(acc, f); }, {});
      });
    })).then(function (perWord) {
      var scores = perWord.reduce(function (acc, s) { return acc === null ? s : both(acc, s); }, null) || {};
      var refs = Object.keys(scores).map(Number), tier = tierOf(m);
      refs.sort(function (a, b) { return tier(a) - tier(b) || scores[b] - scores[a] || a - b; });
      return refs;
    });
  }

  /* What a job seeker can still act on ranks first (open jobs, fairs not yet over), then the
     year's news, then the past: the tier of a ref, from the manifest's runs of refs. */
  function tierOf(m) {
    var runs = m.tiers || [];
    return function (ref) {
      for (var i = 0; i < runs.length; i++) if (ref >= runs[i][1] && ref < runs[i][2]) return runs[i][0];
      return 0;
    };
  }

  /* Refs are grouped by kind: the kind filter is a range check. */
  function allowed(m, kind) {
    var spans = m.ranges.filter(function (r) { return !kind || r[0] === kind; });
    return function (ref) {
      return spans.some(function (r) { return ref >= r[1] && ref < r[2]; });
    };
  }

  /* Marks the characters of `text` that a query token (bigram, lone character or Latin word) covers. */
  function highlight(text, wanted) {
    var marks = [], chars = Array.from(text);
    chars.forEach(function (_, i) {
      for (var width = 1; width <= 2 && i + width <= chars.length; width++) {
        var piece = chars.slice(i, i + width).join("").normalize("NFKC").toLowerCase();
        if (wanted.has(piece)) for (var j = i; j < i + width; j++) marks[j] = true;
      }
    });
    wanted.forEach(function (token) {
      if (jiuyeTokenize.isCjk(token)) return;
      var lower = chars.map(function (c) { return c.toLowerCase(); }).join("");
      for (var at = lower.indexOf(token); at !== -1; at = lower.indexOf(token, at + 1)) {
        for (var k = 0; k < token.length; k++) marks[at + k] = true;
      }
    });
    var fragment = document.createDocumentFragment(), run = "", marked = false;
    function flush() {
      if (!run) return;
      if (marked) { var mark = document.createElement("mark"); mark.textContent = run; fragment.appendChild(mark); }
      else fragment.appendChild(document.createTextNode(run));
      run = "";
    }
    chars.forEach(function (c, i) {
      if (!!marks[i] !== marked) { flush(); marked = !!marks[i]; }
      run += c;
    });
    flush();
    return fragment;
  }

  function tokensOf(understood) {
    var wanted = new Set();
    understood.words.forEach(function (alternatives) {
      alternatives.forEach(function (alt) { jiuyeTokenize.tokens(alt).forEach(function (t) { wanted.add(t); }); });
    });
    return wanted;
  }

  function render(wanted, rows) {
    list.textContent = "";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = site + "/" + row.u;
      link.appendChild(highlight(row.t, wanted));
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "meta";
      var kind = document.createElement("span");
      kind.className = "kind kind-" + row.k;
      kind.textContent = KINDS[row.k];
      meta.appendChild(kind);
      meta.appendChild(document.createTextNode(" " + [row.p || "全国", row.d].join(" · ")));
      if (row.x) {
        var over = document.createElement("strong");
        over.className = "ended";
        over.textContent = OVER[row.k] || "";
        meta.append(" · ", over);
      }
      var snippet = document.createElement("p");
      snippet.className = "snippet";
      snippet.appendChild(highlight(row.s, wanted));
      item.append(heading, meta, snippet);
      list.appendChild(item);
    });
  }

  /* What the query was read as, each a chip that takes its word out of the query. */
  function renderChips(understood) {
    chipList.textContent = "";
    understood.chips.forEach(function (chip) {
      var label = CHIP_LABELS[chip.type] + "：" + (chip.type === "kind" ? KINDS[chip.label] : chip.type === "month"
        ? chip.label.replace(/^(\d{4})-0?(\d+)$/, "$1年$2月") : chip.label);
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "chip";
      button.textContent = label + " ×";
      button.setAttribute("aria-label", "去掉筛选条件 " + label);
      button.addEventListener("click", function () {
        input.value = understood.text.replace(chip.word, " ").replace(/\s+/g, " ").trim();
        run();
      });
      item.appendChild(button);
      chipList.appendChild(item);
    });
    chipList.hidden = !understood.chips.length;
  }

  function renderSuggestion(text) {
    suggestion.textContent = "";
    suggestion.hidden = !text;
    if (!text) return;
    var link = document.createElement("a");
    link.href = "?q=" + encodeURIComponent(text);
    link.textContent = text;
    suggestion.append("您是不是要找：", link);
  }

  function state() {
    var kind = form.querySelector('input[name="kind"]:checked');
    return { q: input.value.trim(), kind: kind ? kind.value : "", province: province.value };
  }

  function remember(s) {
    var params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    if (s.kind) params.set("kind", s.kind);
    if (s.province) params.set("province", s.province);
    if (s.page > 1) params.set("page", String(s.page));
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  /* The words a document must hold: a kind word that became the kind filter (招聘会 → fairs) is
     not needed too, every item of that kind being one, unless it is all the query says. */
  function required(u, kind, filters) {
    var chip = u.chips.filter(function (c) { return c.type === "kind"; })[0];
    if (!chip || kind !== u.kind || u.words.length + filters.length < 2) return u.words;
    return u.words.filter(function (alternatives) { return alternatives[0] !== chip.word; });
  }

  /* Refs of a query with the page's filters; the kind, province and month the query names apply
     unless the reader chose otherwise. */
  function find(query, s) {
    return read(query).then(function (got) {
      var u = got.understood, m = got.manifest, filters = [], kind = s.kind || u.kind;
      if (s.province) filters.push({ token: s.province, prefix: false, fields: ["p"] });
      else if (u.province) {
        /* A province named in the query: its name among an item's places (field g), whose terms
           are those of the words typed, not the slug term of the province filter. */
        var name = u.chips.filter(function (c) { return c.type === "province"; })[0].word;
        jiuyeTokenize.tokens(name).forEach(function (t) { filters.push({ token: t, prefix: false, fields: ["g"] }); });
      }
      if (u.month) filters.push({ token: u.month, prefix: false, fields: ["p"] });
      return search(required(u, kind, filters), filters, m).then(function (refs) {
        return { refs: refs.filter(allowed(m, kind)), understood: u, got: got };
      });
    });
  }

  /* Nothing found: the first one-character correction that finds something. */
  function corrected(found, s) {
    if (found.refs.length) return Promise.resolve(found);
    var candidates = jiuyeQuery.corrections(found.understood.text, found.got.lexicon.words).slice(0, 3);
    return candidates.reduce(function (chain, candidate) {
      return chain.then(function (best) {
        if (best.suggestion) return best;
        return find(candidate, s).then(function (retry) {
          if (!retry.refs.length) return best;
          retry.suggestion = candidate;
          return retry;
        });
      });
    }, Promise.resolve(found));
  }

  /* The page buttons: what page of how many; each takes the reader to the first result it shows. */
  function renderPager(pages) {
    pager.hidden = pages < 2;
    pagePrev.disabled = page <= 1;
    pageNext.disabled = page >= pages;
    pageLabel.textContent = "第 " + page + " / " + pages + " 页";
  }
  function turn(by) {
    page += by;
    run(page).then(function () {
      var first = list.querySelector("h2 a");
      if (first) first.focus();
    });
  }

  /* Runs the search for page `wanted` of the results (the first, when the query or a filter changed). */
  function run(wanted) {
    var s = state(), mine = ++generation;
    page = wanted || 1;
    s.page = page;
    remember(s);
    if (!s.q) {
      list.textContent = ""; statusBox.textContent = ""; renderChips({ chips: [] }); renderSuggestion(""); renderPager(0);
      return Promise.resolve();
    }
    statusBox.textContent = "正在搜索…";
    return find(s.q, s).then(function (found) { return corrected(found, s); }).then(function (found) {
      if (mine !== generation) return null;
      var refs = found.refs, m = found.got.manifest, pages = Math.ceil(refs.length / PAGE);
      page = Math.max(1, Math.min(page, pages));
      var first = (page - 1) * PAGE, top = refs.slice(first, first + PAGE), size = m.bucket;
      return Promise.all(top.map(function (ref) {
        return loadBucket(Math.floor(ref / size)).then(function (rows) { return rows[ref % size]; });
      })).then(function (rows) {
        if (mine !== generation) return;
        render(tokensOf(found.understood), rows);
        renderChips(found.understood);
        renderSuggestion(found.suggestion || "");
        renderPager(pages);
        s.page = page;
        remember(s);
        var shown = found.suggestion ? "没有找到“" + s.q + "”。以下是“" + found.suggestion + "”的结果：" : "";
        var range = pages > 1 ? "，第 " + (first + 1) + "–" + (first + top.length) + " 条（第 " + page + " / " + pages + " 页）" : "";
        statusBox.textContent = refs.length
          ? shown + "找到 " + refs.length + " 条结果" + range
          : "没有找到与“" + s.q + "”相关的结果。可以换个说法，或减少关键词。";
      });
    }).catch(function () {
      if (mine === generation) statusBox.textContent = "搜索暂时无法使用，请稍后再试。";
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { run(1); }, DEBOUNCE_MS);
  }

  /* URL parameters are untrusted: only a kind or province the form offers is taken. */
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  var wantedProvince = params.get("province") || "";
  if (Array.prototype.some.call(province.options, function (o) { return o.value === wantedProvince; })) {
    province.value = wantedProvince;
  }
  var wantedKind = params.get("kind") || "";
  Array.prototype.forEach.call(form.querySelectorAll('input[name="kind"]'), function (radio) {
    if (radio.value === wantedKind) radio.checked = true;
  });
  var wantedPage = /^[1-9]\d{0,3}$/.test(params.get("page") || "") ? Number(params.get("page")) : 1;
  input.addEventListener("input", later);
  form.addEventListener("change", function () { run(1); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(1); });
  pagePrev.addEventListener("click", function () { turn(-1); });
  pageNext.addEventListener("click", function () { turn(1); });
  if (input.value) run(wantedPage);
  if (!params.get("q")) input.focus();
})();
