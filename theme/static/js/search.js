/* Site search in the browser: our tokeniser, lunr.js 2.3.9 on index shards fetched on demand,
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
  var KINDS = { n: "新闻", j: "岗位", f: "招聘会" };
  var PAGE = 10, DEBOUNCE_MS = 200;
  var manifest = null, shardCache = {}, bucketCache = {}, generation = 0, timer = null;

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
  /* A shard file lists, per term and field, the documents (delta-encoded) and lunr.py's score of
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
  function loadShard(number) {
    if (!shardCache[number]) {
      shardCache[number] = Promise.all([loadManifest(), fetch(base + "s/" + number + ".json")]).then(function (got) {
        if (got[1].status === 404) return null;
        if (!got[1].ok) throw new Error("shard " + number + ": HTTP " + got[1].status);
        return got[1].json().then(function (data) { return expand(data, got[0]); });
      });
    }
    return shardCache[number];
  }
  function loadBucket(number) {
    if (!bucketCache[number]) bucketCache[number] = getJson("d/" + number + ".json");
    return bucketCache[number];
  }

  /* Terms of a query: a lone CJK character, or the last Latin word while typing, is a prefix. */
  function terms(query) {
    var tokens = jiuyeTokenize.tokens(query);
    return tokens.map(function (token, i) {
      var single = Array.from(token).length === 1 && jiuyeTokenize.isCjk(token);
      var typing = i === tokens.length - 1 && !jiuyeTokenize.isCjk(token) && /[a-z]$/.test(token);
      return { token: token, prefix: single || typing };
    });
  }

  /* Every term is required: a document must match all of them; scores add up across shards.
     A province filter is one more required term: the province's slug in field "p". */
  function search(query, place) {
    return loadManifest().then(function (m) {
      var wanted = terms(query);
      if (!wanted.length) return { refs: [], manifest: m };
      if (place) wanted.push({ token: place, prefix: false, fields: ["p"] });
      var byShard = {};
      for (var i = 0; i < wanted.length; i++) {
        var number = jiuyeTokenize.shard(wanted[i].token, m.shards);
        (byShard[number] = byShard[number] || []).push(wanted[i]);
      }
      var numbers = Object.keys(byShard);
      return Promise.all(numbers.map(loadShard)).then(function (indexes) {
        if (indexes.indexOf(null) !== -1) return { refs: [], manifest: m };
        var scores = null;
        indexes.forEach(function (index, n) {
          var found = {};
          index.query(function (q) {
            byShard[numbers[n]].forEach(function (term) {
              var options = {
                presence: lunr.Query.presence.REQUIRED,
                wildcard: term.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
              };
              if (term.fields) options.fields = term.fields;
              q.term(term.token, options);
            });
          }).forEach(function (hit) { found[hit.ref] = hit.score; });
          if (scores === null) { scores = found; return; }
          var both = {};
          Object.keys(found).forEach(function (ref) { if (ref in scores) both[ref] = scores[ref] + found[ref]; });
          scores = both;
        });
        var refs = Object.keys(scores || {}).map(Number);
        refs.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
        return { refs: refs, manifest: m };
      });
    });
  }

  /* Refs are grouped by kind: the kind filter is a range check. */
  function allowed(m, kind) {
    var spans = m.ranges.filter(function (r) { return !kind || r[0] === kind; });
    return function (ref) {
      return spans.some(function (r) { return ref >= r[1] && ref < r[2]; });
    };
  }

  function highlight(text, query) {
    var wanted = new Set(jiuyeTokenize.tokens(query)), marks = [], chars = Array.from(text);
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

  function render(query, rows) {
    list.textContent = "";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = site + "/" + row.u;
      link.appendChild(highlight(row.t, query));
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "meta";
      var kind = document.createElement("span");
      kind.className = "kind kind-" + row.k;
      kind.textContent = KINDS[row.k];
      meta.appendChild(kind);
      var facts = [row.p || "全国", row.d];
      if (row.x) facts.push("已截止");
      meta.appendChild(document.createTextNode(" " + facts.join(" · ")));
      var snippet = document.createElement("p");
      snippet.className = "snippet";
      snippet.appendChild(highlight(row.s, query));
      item.append(heading, meta, snippet);
      list.appendChild(item);
    });
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
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function run() {
    var s = state(), mine = ++generation;
    remember(s);
    if (!s.q) { list.textContent = ""; statusBox.textContent = ""; return; }
    statusBox.textContent = "正在搜索…";
    search(s.q, s.province).then(function (found) {
      if (mine !== generation) return null;
      var keep = allowed(found.manifest, s.kind);
      var refs = found.refs.filter(keep);
      var top = refs.slice(0, PAGE), size = found.manifest.bucket;
      var buckets = Array.from(new Set(top.map(function (ref) { return Math.floor(ref / size); })));
      return Promise.all(buckets.map(loadBucket)).then(function () {
        if (mine !== generation) return;
        return Promise.all(top.map(function (ref) {
          return loadBucket(Math.floor(ref / size)).then(function (rows) { return rows[ref % size]; });
        })).then(function (rows) {
          if (mine !== generation) return;
          render(s.q, rows);
          statusBox.textContent = refs.length
            ? "找到 " + refs.length + " 条结果" + (refs.length > PAGE ? "，显示前 " + PAGE + " 条" : "")
            : "没有找到与“" + s.q + "”相关的结果。可以换个说法，或减少关键词。";
        });
      });
    }).catch(function () {
      if (mine === generation) statusBox.textContent = "搜索暂时无法使用，请稍后再试。";
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
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
  input.addEventListener("input", later);
  form.addEventListener("change", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  if (input.value) run();
  if (!params.get("q")) input.focus();
})();
