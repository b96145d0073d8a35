/* Offline reading, on every page (base.html): registers the service worker (/sw.js, written by
   plugins/jiuye_offline from theme/worker/sw.js) and, when it served this page from its cache
   because the network failed or the browser is offline, says so in #offline-status (a
   role="status" line). When a worker
   takes over an open page (the first visit, a new release) it asks what the page loaded, to keep.
   A same-origin file, not an inline script: the pages' CSP allows none. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  var workerUrl = script.getAttribute("data-sw"), scope = script.getAttribute("data-scope");
  var status = document.getElementById("offline-status");
  var workers = navigator.serviceWorker;

  function show(saved) {
    var when = saved ? new Date(saved) : null;
    var at = when && !isNaN(when.getTime()) ? "（保存于 " + when.toLocaleString("zh-CN", { hour12: false }) + "）" : "";
    status.textContent = "离线：您正在查看保存的页面" + at + "。恢复网络后刷新可看到最新内容。";
    document.documentElement.classList.add("is-offline");
  }

  workers.onmessage = function (event) {
    var data = event.data || {};
    if (data.type === "offline" && typeof data.saved === "string" && status) show(data.saved);
    if (data.type === "save?" && event.source) event.source.postMessage({ type: "save", urls: loaded() });
  };

  /* What this page loaded from its own site (its style sheets, scripts, search index files). */
  function loaded() {
    var urls = [location.href];
    performance.getEntriesByType("resource").forEach(function (entry) {
      if (entry.initiatorType !== "img" && entry.name.indexOf(location.origin + "/") === 0) urls.push(entry.name);
    });
    return urls;
  }

  if (workers.controller) workers.controller.postMessage({ type: "offline?" });
  /* Shown while the browser is offline: from the worker's cache (or the browser's own) */
  if (navigator.onLine === false && status && window.caches) {
    caches.match(location.href, { ignoreSearch: true }).then(function (hit) {
      show(hit ? hit.headers.get("Date") || "" : "");
    });
  }
  workers.register(workerUrl, { scope: scope }).catch(function () {
    return undefined; /* no worker (a private window, a file:// page): the site works as before */
  });
})();
