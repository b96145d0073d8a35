/* The search tokeniser, the same algorithm as jiuye/tokenize.py (proven by
   tests/fixtures/tokenizer-cases.json): NFKC, lower case, quotation marks dropped, CJK runs as overlapping bigrams
   (a lone CJK character stays a unigram), other letter/digit runs as one token. */
(function (root) {
  "use strict";
  var CJK_RANGES = [[0x3040, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7af], [0xf900, 0xfaff], [0x20000, 0x2ebef]];
  var WORD = /[\p{L}\p{N}]/u;
  /* Quotation and title marks join what they surround instead of separating it. */
  var QUOTES = new Set(Array.from("\"'\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009\u00ab\u00bb\u2039\u203a\u301d\u301e"));

  function isCjk(ch) {
    var point = ch.codePointAt(0);
    for (var i = 0; i < CJK_RANGES.length; i++) {
      if (point >= CJK_RANGES[i][0] && point <= CJK_RANGES[i][1]) return true;
    }
    return false;
  }

  function runs(text) {
    var found = [], current = [], currentCjk = false;
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      if (QUOTES.has(ch)) continue;
      var cjk = isCjk(ch);
      if (cjk || WORD.test(ch)) {
        if (current.length && cjk !== currentCjk) { found.push([current, currentCjk]); current = []; }
        current.push(ch);
        currentCjk = cjk;
      } else if (current.length) {
        found.push([current, currentCjk]);
        current = [];
      }
    }
    if (current.length) found.push([current, currentCjk]);
    return found;
  }

  function tokens(text) {
    var result = [];
    runs(text).forEach(function (run) {
      var chars = run[0];
      if (run[1] && chars.length > 1) {
        for (var i = 0; i < chars.length - 1; i++) result.push(chars[i] + chars[i + 1]);
      } else {
        result.push(chars.join(""));
      }
    });
    return result;
  }

  function shard(token, shards) {
    var value = 0x811c9dc5, point = token.codePointAt(0);
    for (var i = 0; i < 4; i++) {
      value ^= (point >>> (8 * i)) & 0xff;
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % shards;
  }

  function isQuote(ch) { return QUOTES.has(ch); }

  root.jiuyeTokenize = { tokens: tokens, shard: shard, isCjk: isCjk, isQuote: isQuote, runs: runs };
})(typeof window !== "undefined" ? window : globalThis);
