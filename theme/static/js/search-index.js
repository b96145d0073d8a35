/* The search index in the browser: the manifest, index shards (expanded into lunr.js 2.3.9 indexes),
   lexicon files and result buckets, each fetched once when a query needs it, and the search over
   them: every word required, any of its alternatives, ranked by tier then score. The layout is
   described in plugins/jiuye_search/index.py; search.js is the page that uses it. */
var jiuyeIndex = function (base, today) {
  "use strict";
  var manifest = null, shardCache = {}, lexiconCache = {}, bucketCache = {};

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

  return { read: read, search: search, allowed: allowed, loadBucket: loadBucket };
};
