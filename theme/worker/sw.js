/* jiuye's service worker (issue 13, item 7): the pages a reader opened (the fairs calendar among
   them), the search index files their queries used and the theme's files open again offline, and a
   page served from the cache says 离线 (offline.js asks). The build writes this file to the site's
   root as sw.js with CONFIG filled in (plugins/jiuye_offline): `release`, a hash of the release's
   files, names the cache, so a new release is a new sw.js that takes over at once and deletes every
   cache of an older one; `cacheFirst`, the folders (relative to the scope) that change only with a
   release. Pages are network-first: a reader online always gets the live page. */
"use strict";
var CONFIG = __JIUYE_OFFLINE_CONFIG__;
var PREFIX = "jiuye-";
var CACHE = PREFIX + CONFIG.release;
var SCOPE = new URL(self.registration.scope);
var MAX_SAVE = 100; // URLs one page may ask to save (its own and what it loaded)
var served = new Map(); // client id -> the Date header of the cached page it was given

self.addEventListener("install", function (event) {
  event.waitUntil(self.skipWaiting());
});

/* Every older release's cache goes; the open pages, now this release's, are asked what to keep. */
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
    return Promise.all(old.map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }).then(function () {
    return self.clients.matchAll({ type: "window" });
  }).then(function (open) {
    open.forEach(function (client) { client.postMessage({ type: "save?" }); });
  }));
});

/* Ours: same origin, inside the scope. */
function inScope(url) {
  return url.origin === SCOPE.origin && url.pathname.indexOf(SCOPE.pathname) === 0;
}

function cacheFirstPath(url) {
  var path = url.pathname.slice(SCOPE.pathname.length);
  return CONFIG.cacheFirst.some(function (folder) { return path.indexOf(folder) === 0; });
}

function keep(event, request, response) {
  if (response.ok && response.type === "basic") {
    var copy = response.clone();
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
  }
  return response;
}

var NOT_SAVED = "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">" +
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>离线</title>" +
  "<main><h1>离线：此页尚未保存</h1><p>网络连接已断开，这个页面您还没有打开过，无法离线查看。" +
  "恢复网络后请重试；您打开过的页面可以离线查看。</p></main></html>";

/* A page: the network's, kept for later; offline, the kept copy (any query string: the search
   page is one page), else a short page that says why nothing is shown. */
function page(event) {
  var request = event.request;
  /* no-cache: the browser's HTTP cache may hold the page too, but only the server says it is live */
  return fetch(new Request(request, { cache: "no-cache" })).then(function (response) {
    return keep(event, request, response);
  }, function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) { return hit || cache.match(request, { ignoreSearch: true }); });
    }).then(function (hit) {
      if (!hit) {
        return new Response(NOT_SAVED, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
      }
      served.set(event.resultingClientId, hit.headers.get("Date") || "");
      return hit;
    });
  });
}

function cacheFirst(event) {
  return caches.match(event.request, { cacheName: CACHE }).then(function (hit) {
    return hit || fetch(event.request).then(function (response) { return keep(event, event.request, response); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || !inScope(url)) return;
  if (request.mode === "navigate") event.respondWith(page(event));
  else if (cacheFirstPath(url)) event.respondWith(cacheFirst(event));
});

/* A page open when this worker took over (the first a reader opens loads before any worker runs;
   one open at a deploy came through the old release's) sends its own URL and what it loaded, to
   be kept as if fetched through here. Only URLs in the scope are fetched. */
function save(urls) {
  var wanted = urls.slice(0, MAX_SAVE).map(function (value) {
    try { return new URL(String(value), SCOPE); } catch (error) { return null; }
  }).filter(function (url) { return url && inScope(url); });
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(wanted.map(function (url) {
      return fetch(url.href).then(function (response) {
        if (response.ok && response.type === "basic") return cache.put(url.href, response);
      }).catch(function () { return undefined; });
    }));
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {}, client = event.source;
  if (data.type === "save" && Array.isArray(data.urls)) {
    event.waitUntil(save(data.urls));
  } else if (data.type === "offline?" && client) {
    var saved = served.has(client.id) ? served.get(client.id) : null;
    served.delete(client.id);
    client.postMessage({ type: "offline", saved: saved, release: CONFIG.release });
  }
});
