/* Reading a search query as people type it: the same algorithm as jiuye/query.py (proven by
   tests/fixtures/query-cases.json). Words of the index's lexicon, with the fewest pieces; a word's
   meaning (alternatives o, province p, city c, kind k); a month; traditional characters simplified;
   one-character corrections. Needs tokenize.js. */
(function (root) {
  "use strict";
  var T = root.jiuyeTokenize;
  var MAX_WORD = 12, MIN_TYPO_WORD = 3;
  var MONTH = /(?:([0-9]{4})年)?(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?|(本月|这个月|当月|下个?月)/;
  var NUMERALS = "一二三四五六七八九十";

  function simplified(text, lexicon) {
    var out = "";
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      if (T.isQuote(ch)) continue;
      out += lexicon.simplified[ch] || ch;
    }
    return out;
  }

  function monthNumber(text) {
    if (/^\d+$/.test(text)) return parseInt(text, 10);
    if (text.charAt(0) === "十") return 10 + (text.length > 1 ? NUMERALS.indexOf(text.charAt(1)) + 1 : 0);
    return NUMERALS.indexOf(text) + 1;
  }

  function pad(n, width) { return String(n).padStart(width, "0"); }

  function resolveMonth(match, today) {
    var year = match[1], number = match[2], relative = match[3];
    var thisYear = today.getFullYear(), thisMonth = today.getMonth() + 1;
    if (relative) {
      var shift = (relative === "本月" || relative === "这个月" || relative === "当月") ? 0 : 1;
      var index = thisYear * 12 + thisMonth - 1 + shift;
      return pad(Math.floor(index / 12), 4) + "-" + pad(index % 12 + 1, 2);
    }
    var month = monthNumber(number);
    if (year) return pad(parseInt(year, 10), 4) + "-" + pad(month, 2);
    return pad(thisYear + (month < thisMonth ? 1 : 0), 4) + "-" + pad(month, 2);
  }

  function known(words, piece) { return Object.prototype.hasOwnProperty.call(words, piece); }

  /* Fewest pieces, then fewest lone characters, then the longest first word; lone characters
     that stand next to each other stay one piece. `run` is an array of characters. */
  function segment(run, words) {
    var n = run.length, best = new Array(n + 1), choice = new Array(n + 1);
    best[n] = [0, 0];
    for (var start = n - 1; start >= 0; start--) {
      for (var length = Math.min(MAX_WORD, n - start); length >= 1; length--) {
        var piece = run.slice(start, start + length).join("");
        if (length > 1 && !known(words, piece)) continue;
        var rest = best[start + length];
        var cost = [rest[0] + 1, rest[1] + (length === 1 ? 1 : 0)];
        if (!best[start] || cost[0] < best[start][0] || (cost[0] === best[start][0] && cost[1] < best[start][1])) {
          best[start] = cost;
          choice[start] = length;
        }
      }
    }
    var pieces = [], position = 0, loose = "";
    while (position < n) {
      var size = choice[position], part = run.slice(position, position + size).join("");
      if (size === 1 && !known(words, part)) {
        loose += part;
      } else {
        if (loose) { pieces.push(loose); loose = ""; }
        pieces.push(part);
      }
      position += size;
    }
    if (loose) pieces.push(loose);
    return pieces;
  }

  function understand(query, lexicon, today) {
    var text = simplified(query, lexicon);
    var result = {
      text: T.runs(text).map(function (r) { return r[0].join(""); }).join(" "),
      words: [], kind: null, province: null, month: null, chips: []
    };
    var month = MONTH.exec(text);
    if (month) {
      result.month = resolveMonth(month, today);
      result.kind = "f";
      result.chips.push({ type: "month", label: result.month, word: month[0] });
      text = text.slice(0, month.index) + " " + text.slice(month.index + month[0].length);
    }
    T.runs(text).forEach(function (run) {
      var pieces = run[1] ? segment(run[0], lexicon.words) : [run[0].join("")];
      pieces.forEach(function (piece) {
        var meaning = (known(lexicon.words, piece) && lexicon.words[piece]) || {};
        if (meaning.p && !result.province) {
          result.province = meaning.p;
          result.chips.push({ type: "province", label: piece, word: piece });
          return;
        }
        if (meaning.c) result.chips.push({ type: "city", label: piece, word: piece });
        if (meaning.k && !result.kind) {
          result.kind = meaning.k;
          result.chips.push({ type: "kind", label: meaning.k, word: piece });
        }
        var alternatives = [piece];
        (meaning.o || []).forEach(function (o) { if (o !== piece) alternatives.push(o); });
        result.words.push(alternatives);
      });
    });
    return result;
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[1] !== b[1]) return a[1] - b[1];
    return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
  }

  /* Queries one character away that spell a lexicon word of 3+ characters, longest word first; a
     window that is already a word is left alone. */
  function corrections(text, words) {
    var chars = Array.from(text), found = [];
    Object.keys(words).forEach(function (word) {
      var w = Array.from(word);
      if (w.length < MIN_TYPO_WORD) return;
      for (var start = 0; start + w.length <= chars.length; start++) {
        if (chars[start] !== w[0] || known(words, chars.slice(start, start + w.length).join(""))) continue;
        var differ = 0;
        for (var i = 0; i < w.length; i++) if (chars[start + i] !== w[i]) differ++;
        if (differ === 1) {
          found.push([-w.length, start, chars.slice(0, start).join("") + word + chars.slice(start + w.length).join("")]);
        }
      }
    });
    found.sort(compare);
    var seen = new Set(), result = [];
    found.forEach(function (f) { if (!seen.has(f[2])) { seen.add(f[2]); result.push(f[2]); } });
    return result;
  }

  root.jiuyeQuery = { understand: understand, segment: segment, corrections: corrections, simplified: simplified };
})(typeof window !== "undefined" ? window : globalThis);
