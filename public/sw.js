/* Simpul service worker: keeps the field pages (/lapangan) and their scripts for offline use.
 * Rules: only GET, only same origin; never /api; never another user's pages (the cache of pages is
 * emptied when the signed-in user changes); cache names carry a version so an update drops old ones. */
const VERSION = "v1";
const SHELL = `simpul-shell-${VERSION}`;
const PAGES = `simpul-pages-${VERSION}`;
const META = `simpul-meta-${VERSION}`;
const KEEP = [SHELL, PAGES, META];
const SHELL_FILES = ["/manifest.webmanifest", "/icons/icon.svg", "/icons/icon-192.png", "/icons/icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES)).catch(() => {}).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("simpul-") && !KEEP.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const isFieldPage = (url) => url.pathname === "/lapangan" || url.pathname.startsWith("/lapangan/");
const pageKey = (url) => new URL(url.pathname, url.origin).toString();

async function currentUser() {
  const res = await (await caches.open(META)).match("/__simpul/user");
  return res ? res.text() : null;
}

async function setUser(userId) {
  if ((await currentUser()) !== userId) {
    // Another volunteer signed in on this phone: nothing of the previous one's area stays.
    await caches.delete(PAGES);
    await (await caches.open(META)).put("/__simpul/user", new Response(userId));
  }
}

async function storePage(url, res) {
  if (!res.ok || res.redirected || res.type !== "basic") return;
  if (!(res.headers.get("content-type") || "").includes("text/html")) return;
  const html = await res.clone().text();
  await (await caches.open(PAGES)).put(pageKey(url), res);
  // The page's own scripts (also those named only inside the React payload) must be on the phone
  // too, or the cached form would show but not work offline.
  const shell = await caches.open(SHELL);
  const found = new Set(Array.from(html.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[^"'\s\\)]+/g), (m) => "/_next/" + m[0].replace(/^\/_next\//, "")));
  for (const path of found) {
    const u = new URL(path, self.location.origin).toString();
    if (!(await shell.match(u))) await shell.add(u).catch(() => {});
  }
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "clear") {
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("simpul-")).map((k) => caches.delete(k)))));
  }
  if (data.type === "warm" && typeof data.userId === "string") {
    event.waitUntil((async () => {
      await setUser(data.userId);
      const shell = await caches.open(SHELL);
      for (const a of data.assets || []) {
        const u = new URL(a, self.location.origin);
        if (u.origin !== self.location.origin || !u.pathname.startsWith("/_next/static/")) continue;
        if (!(await shell.match(u.toString()))) await shell.add(u.toString()).catch(() => {});
      }
      for (const p of data.pages || []) {
        const u = new URL(p, self.location.origin);
        if (!isFieldPage(u)) continue;
        try {
          await storePage(u, await fetch(u.toString(), { credentials: "same-origin", headers: { accept: "text/html" } }));
        } catch {
          /* offline: keep what is cached */
        }
      }
    })());
  }
});

const OFFLINE_HTML = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tidak ada sinyal · Simpul</title><body style="font-family:sans-serif;padding:1rem;font-size:18px">
<h1>Tidak ada sinyal</h1><p>Halaman ini belum tersimpan di HP. Halaman lapangan tetap bisa dibuka.</p>
<p><a href="/lapangan" style="display:inline-block;padding:.8rem 1.2rem;background:#1f7a5c;color:#fff;border-radius:6px">Buka Wilayah saya</a></p></body></html>`;

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (url.pathname.startsWith("/_next/static/") || SHELL_FILES.includes(url.pathname)) {
    // Content-hashed files never change under the same name: cache first.
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) { const copy = res.clone(); caches.open(SHELL).then((c) => c.put(req, copy)); }
      return res;
    })));
    return;
  }

  if (req.mode !== "navigate") return;
  if (isFieldPage(url)) {
    // Network first, so an online volunteer always sees fresh data; the cache when there is no signal.
    event.respondWith(fetch(req).then((res) => {
      if (res.ok && !res.redirected) { const copy = res.clone(); storePage(url, copy).catch(() => {}); }
      return res;
    }).catch(async () => (await (await caches.open(PAGES)).match(pageKey(url))) ||
      new Response(OFFLINE_HTML, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } })));
  }
  // Every other page goes straight to the network, untouched: only the field pages work offline.
});
