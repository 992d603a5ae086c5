/*
 * Service worker runtime (VERSION and PRECACHE are prepended at build time).
 *
 * - Install: precache every page, asset and the search index of this build into a
 *   cache named after the build; the new worker then waits until the page asks it to
 *   take over ("有新版本，点击刷新"), so a page never runs on a mix of two builds.
 * - Activate: delete the caches of older builds; take control of open pages.
 * - Pages: network first. A page of this build from the network is used as is; if the
 *   network has a page of another build, this worker keeps serving its own build's copy
 *   (and checks for the new worker); offline, the cached copy is served.
 * - Everything else: from this build's cache (hashed assets never change), else network.
 */
/* global VERSION, PRECACHE */
const CACHE = `zzzj-${VERSION}`;
const BUILD_META = /<meta name="zz-build" content="([^"]+)"/;

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))),
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key.startsWith('zzzj-') && key !== CACHE) await caches.delete(key);
			await self.clients.claim();
		})(),
	);
});

self.addEventListener('message', (event) => {
	if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

async function cachedPage(url) {
	const cache = await caches.open(CACHE);
	let path = url.pathname;
	if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
	return (
		(await cache.match(path, { ignoreSearch: true, ignoreVary: true })) ??
		(await cache.match('/404.html'))
	);
}

async function page(request) {
	const url = new URL(request.url);
	try {
		const response = await fetch(request, { cache: 'no-cache' });
		if (!response.ok && response.status !== 404) return (await cachedPage(url)) ?? response;
		const type = response.headers.get('content-type') ?? '';
		if (!type.includes('text/html')) return response;
		const text = await response.clone().text();
		const build = BUILD_META.exec(text)?.[1];
		if (!build || build === VERSION) return response;
		// Another build is online: stay consistent with this one and fetch the new worker.
		self.registration.update().catch(() => {});
		return (await cachedPage(url)) ?? response;
	} catch {
		return (await cachedPage(url)) ?? Response.error();
	}
}

async function asset(request) {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(request, { ignoreVary: true });
	if (hit) return hit;
	return fetch(request);
}

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	if (request.mode === 'navigate') event.respondWith(page(request));
	else event.respondWith(asset(request));
});
