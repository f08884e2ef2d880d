// Keeps the page working offline once loaded: serves its files from a cache, refreshing the
// cache from the network whenever it can (stale-while-revalidate).
const CACHE = 'baogao-page-v1';
const FILES = ['./', 'index.html', 'style.css', 'app.js', 'worker.js', 'sample.txt',
  'pkg/wrap.mjs', 'pkg/web/index.js', 'pkg/web/baogao_wasm.js', 'pkg/web/baogao_wasm_bg.wasm'];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET' || new URL(e.request.url).origin !== location.origin) return;
  e.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(e.request, { ignoreSearch: true });
    const fresh = fetch(e.request).then((res) => {
      if (res.ok) cache.put(e.request, res.clone());
      return res;
    });
    if (hit) {
      fresh.catch(() => {});
      return hit;
    }
    return fresh;
  }));
});
