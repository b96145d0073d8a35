/* The search page: the query read by query.js (words of the index's lexicon, aliases, places,
   kinds, months, traditional characters) and searched in the index (search-index.js: shards,
   lexicon and result buckets fetched on demand); results, chips, the suggestion and the pages. */
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
  var generation = 0, timer = null;
  var page = 1;

  var index = jiuyeIndex(base, today);


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
    return index.read(query).then(function (got) {
      var u = got.understood, m = got.manifest, filters = [], kind = s.kind || u.kind;
      if (s.province) filters.push({ token: s.province, prefix: false, fields: ["p"] });
      else if (u.province) {
        /* A province named in the query: its name among an item's places (field g), whose terms
           are those of the words typed, not the slug term of the province filter. */
        var name = u.chips.filter(function (c) { return c.type === "province"; })[0].word;
        jiuyeTokenize.tokens(name).forEach(function (t) { filters.push({ token: t, prefix: false, fields: ["g"] }); });
      }
      if (u.month) filters.push({ token: u.month, prefix: false, fields: ["p"] });
      return index.search(required(u, kind, filters), filters, m).then(function (refs) {
        return { refs: refs.filter(index.allowed(m, kind)), understood: u, got: got };
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
        return index.loadBucket(Math.floor(ref / size)).then(function (rows) { return rows[ref % size]; });
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
