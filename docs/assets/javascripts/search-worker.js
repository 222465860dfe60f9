/*
 * The site's search worker: Material's own worker, with three changes made
 * around it (Material's code is loaded unchanged, below or by importScripts).
 *
 * 1. Words in scripts written without spaces. Material finds words by its
 *    separator, so "農業協同組合" or "사회적협동조합" would each be one word,
 *    and a search for 協同組合 or 협동조합 could not find them. Here every
 *    character of Chinese, Japanese, Korean and Thai text is a word of its
 *    own (each cluster of a letter and its marks), in the index and in the
 *    query, and every character of the query must be found.
 * 2. Ranking. A result whose title is the query ("Cooperative" for
 *    "cooperative") comes first, as its own result; then results whose text
 *    holds the query as typed (the phrase, not only its words); then the rest,
 *    each tier in Material's order. Scores are raised to match, because Enter
 *    opens the result with the highest score.
 * 3. The query's script changes ("NPO法人") separate words, as they do in the
 *    index.
 *
 * The page starts this worker instead of Material's (lazy-search.js), giving
 * Material's worker address as `?material=`. The offline edition runs the
 * same code from a Blob, with Material's worker appended to it.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;

  // Letters of scripts written without spaces between words: Han, Hiragana,
  // Katakana, Hangul and Thai, each with its combining marks.
  var CLUSTER = /(?:\p{sc=Han}|\p{sc=Hiragana}|\p{sc=Katakana}|\p{sc=Hangul}|\p{sc=Thai})\p{M}*/gu;
  var ZWSP = "\u200b";
  var TAG = /<[^>]*>/g;

  var material = null;
  var lastQuery = "";
  var normalised = {};

  var post = self.postMessage.bind(self);
  var listen = self.addEventListener.bind(self);

  // Material registers its message handler and answers with postMessage;
  // both are taken here so that its messages pass through this code.
  self.addEventListener = function (type, handler, options) {
    if (type === "message" && material === null) material = handler;
    else listen(type, handler, options);
  };
  self.postMessage = function (message) {
    if (message && message.type === RESULT) message = rerank(message, lastQuery);
    post(message);
  };

  listen("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      message.data.docs.forEach(function (doc) {
        doc.title = separate(doc.title);
        doc.text = separate(doc.text);
        normalised[doc.location] = {
          title: normalise(doc.title),
          text: normalise(doc.title + " " + doc.text)
        };
      });
    } else if (message && message.type === QUERY) {
      lastQuery = message.data;
      message = { type: QUERY, data: query(message.data) };
    }
    material({ data: message });
  });

  // "農業協同組合" -> "農\u200b業\u200b協\u200b同\u200b組\u200b合", with
  // a break before and after the run as well.
  function separate(text) {
    return String(text || "").replace(CLUSTER, function (cluster) {
      return ZWSP + cluster + ZWSP;
    });
  }

  // Each character of a run becomes a required word: "+農 +業 ..."; other
  // words are left as typed (Material's own query syntax still works).
  function query(value) {
    return String(value).replace(CLUSTER, function (cluster) {
      return " +" + cluster + " ";
    }).replace(/\s+/g, " ").trim();
  }

  // Text as compared for ranking: no markup, no word breaks, one case, one
  // width ("ＮＰＯ" = "NPO"), single spaces.
  function normalise(text) {
    return String(text || "")
      .replace(TAG, " ")
      .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
      .split(ZWSP).join("")
      .normalize("NFKC")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  function rerank(message, raw) {
    var wanted = normalise(raw);
    var groups = message.data.items;
    if (!wanted || !groups.length) return message;
    var exact = [];
    var phrase = [];
    var rest = [];
    groups.forEach(function (group) {
      var kept = [];
      group.forEach(function (item) {
        var text = normalised[item.location] || { title: "", text: "" };
        // A section titled as the query is a result of its own, first
        if (text.title === wanted && item.location.indexOf("#") !== -1) exact.push([item]);
        else kept.push(item);
      });
      if (!kept.length) return;
      var holds = kept.some(function (item) {
        var text = normalised[item.location] || { title: "", text: "" };
        return text.text.indexOf(wanted) !== -1;
      });
      var titled = kept.some(function (item) {
        var text = normalised[item.location] || { title: "" };
        return text.title === wanted;
      });
      // A group of sections only has no article to show first: Material
      // then shows its first section as the result's heading
      if (titled) exact.push(kept);
      else (holds ? phrase : rest).push(kept);
    });
    var ordered = exact.concat(phrase, rest);
    var top = 0;
    groups.forEach(function (group) {
      group.forEach(function (item) { top = Math.max(top, item.score); });
    });
    // Tiers keep Material's order inside them; scores say the same order
    var tiers = [exact, phrase, rest];
    tiers.forEach(function (tier, rank) {
      var lift = (tiers.length - rank) * (top + 1);
      tier.forEach(function (group) {
        group.forEach(function (item) { item.score += lift; });
      });
    });
    // Within the exact tier, the earlier result wins Enter
    exact.forEach(function (group, index) {
      group.forEach(function (item) { item.score += (exact.length - index) * 1e-3; });
    });
    message.data.items = ordered;
    return message;
  }

  if (typeof self.sseMaterialWorker === "function") {
    self.sseMaterialWorker();
  } else {
    var address = new URL(self.location.href).searchParams.get("material");
    if (address) importScripts(new URL(address, self.location.href).href);
  }
})();
