// tizim serve: reloads the page when the site has been rebuilt. Only the
// preview server adds this script to pages; the built site never has it.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script ? script.getAttribute("data-build") : "";
  var events = new EventSource("/__tizim/events");
  function check(e) {
    // The stream starts with the current build ("hello") and then tells
    // of each new one ("reload"); reload only when this page is older.
    if (e.data !== shown) {
      events.close();
      location.reload();
    }
  }
  events.addEventListener("hello", check);
  events.addEventListener("reload", check);
})();
