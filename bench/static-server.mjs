/**
 * A minimal static file server for a built `dist/` (used by the benchmark, which must not
 * collide with a running `astro preview`). Directory URLs serve index.html; unknown paths
 * serve 404.html with status 404. Responses are gzipped when the client accepts it.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function serve(dir, port) {
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = normalize(join(dir, decodeURIComponent(url.pathname)));
		if (!path.startsWith(dir)) path = join(dir, '404.html');
		if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
		let status = 200;
		if (!existsSync(path)) {
			status = 404;
			path = join(dir, '404.html');
		}
		let body = readFileSync(path);
		const headers = {
			'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
		};
		if (
			/gzip/.test(String(req.headers['accept-encoding'])) &&
			!/\.(png|ico|wasm|docx)$/.test(path) &&
			!path.endsWith('.pagefind') &&
			!/\.pf_/.test(path)
		) {
			body = gzipSync(body);
			headers['content-encoding'] = 'gzip';
		}
		res.writeHead(status, headers);
		res.end(body);
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () =>
			resolve({
				// Port 0 asks the system for a free port; report the one it gave.
				port: server.address().port,
				url: `http://127.0.0.1:${server.address().port}`,
				stop: () => {
					server.closeAllConnections();
					server.close();
				},
			}),
		),
	);
}
