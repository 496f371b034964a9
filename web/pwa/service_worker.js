// tunetrack's service worker: the page opens with no network after one
// visit, and a new build is taken only when the musician accepts it.
//
// build_pwa.mjs writes this file as sw.js with the build's numbers filled in:
// BUILD names the shell (index.html, tunetrack.js and .wasm, notation.js, playback.js, mirror*.js, page_store.js,
// abcjs, the manifest and icons) as one set, SHELL lists its files with
// their SHA-256. The worker of a build keeps that set in a cache of its own
// and serves all of it from there, so a page never mixes an old shell with a
// new wasm. It installs only when every file it downloads is the one of its
// build (a deploy half-way through is tried again later, never cached).
//
// It never touches anything else: /api/ and /healthz go to the network as
// if it were not there (thesession.org's answers are never cached), and so
// does every request to another origin (a ?proxy= on another host).
'use strict';

const BUILD = '__TT_BUILD__';
const SHELL = '__TT_SHELL__';  // [[path relative to the scope, sha256 hex], ...]
const SOUNDS = '__TT_SOUNDS__';  // the instrument samples' version
const SHELL_CACHE = `tunetrack-shell-${BUILD}`;
// The samples (about 5 MB) are cached as they are first played, not
// precached: most musicians use one or two instruments of the five, and a
// first visit should not download them all.
const SOUNDS_CACHE = `tunetrack-sounds-${SOUNDS}`;

const scope = new URL(self.registration.scope);
const urlOf = (path) => new URL(path, scope).href;
const shellPaths = new Set(SHELL.map(([path]) => path));

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  // Everything first, checked; only then into the cache.
  const files = await Promise.all(SHELL.map(async ([path, expected]) => {
    const response = await fetch(urlOf(path), { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if ((await sha256(body)) !== expected) throw new Error(`${path} is not the one of build ${BUILD} (a deploy in progress?)`);
    // Stored decoded, with its type alone: no Content-Encoding or length
    // that would not match the stored bytes.
    return [path, body, response.headers.get('Content-Type') || 'application/octet-stream'];
  }));
  const cache = await caches.open(SHELL_CACHE);
  try {
    await Promise.all(files.map(([path, body, type]) =>
      cache.put(urlOf(path), new Response(body, { headers: { 'Content-Type': type } }))));
  } catch (error) {
    await caches.delete(SHELL_CACHE);  // never half a shell
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // The first install has no older page to disturb: it takes over at once.
  // An update waits for the page to ask (see 'message').
  if (!self.registration.active) self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('tunetrack-') && name !== SHELL_CACHE && name !== SOUNDS_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page accepted the update ("Reload to update"), its changes saved.
self.addEventListener('message', (event) => {
  if (event.data === 'tunetrack:activate') self.skipWaiting();
});

async function fromShell(path) {
  const cached = await caches.match(urlOf(path), { cacheName: SHELL_CACHE });
  // Missing only if the browser evicted the cache: the network, as without a worker.
  return cached || fetch(urlOf(path));
}

async function sound(request) {
  const cache = await caches.open(SOUNDS_CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') {
    if (path === '' || path === 'index.html') event.respondWith(fromShell('index.html'));
    return;
  }
  if (path === 'version.json') {
    // The build of the shell this worker serves, which is the page's own.
    event.respondWith(new Response(JSON.stringify({ build: BUILD }), { headers: { 'Content-Type': 'application/json' } }));
  } else if (shellPaths.has(path)) {
    event.respondWith(fromShell(path));
  } else if (path.startsWith('sounds/')) {
    event.respondWith(sound(request));
  }
});
