/* Search that folds accents both ways: "Jose" finds "José", "José" finds "Jose", "muller" finds "Müller".
 *
 * Material's search runs lunr in a web worker and has no option for this. The build adds, to each entry of the
 * search index that has accented letters, the same words without accents in a hidden span (generator.search);
 * here each query is folded the same way (Unicode NFD, combining marks dropped, lower case) on its way to the
 * worker, so it matches those words, and plain words as they always did. The worker outlives instant
 * navigation, and so does this: it patches how queries are sent, once per page load.
 */
(function () {
  "use strict";
  if (typeof Worker === "undefined" || Worker.prototype.__insightFold) return;
  var QUERY = 2; // Material's message type for a search query (SEARCH_QUERY)
  var MARKS = /[\u0300-\u036f]/g;
  var EXTRA = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ı": "i" };

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(MARKS, "").replace(/[ßæœøđłþı]/g, function (c) {
      return EXTRA[c];
    });
  }

  var send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, { data: fold(message.data) });
    }
    return send.apply(this, arguments);
  };
  Worker.prototype.__insightFold = true;
  window.insightFold = fold;
})();
