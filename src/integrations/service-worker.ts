/**
 * Writes `sw.js` at `astro:build:done`: the runtime in src/sw/runtime.js, preceded by
 * this build's id and the list of every file to precache (all pages, assets and the
 * search index). Runs after the pagefind integration so the index is included.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** pagefind ships UI bundles we do not use; they are not precached. */
const SKIP = /^pagefind\/(pagefind-(ui|modular-ui|component-ui)\.(js|css)|pagefind-highlight\.js)$/;

/** Every file under `dir`, as sorted paths relative to it with `/` separators. */
export function files(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else out.push(relative(dir, p).split(sep).join('/'));
		}
	};
	walk(dir);
	return out.sort();
}

/** The URL a built file is fetched by: `guide/x/index.html` → `/guide/x/`. */
export function urlFor(file: string, base = '/'): string {
	if (file === 'index.html') return base;
	if (file.endsWith('/index.html')) return `${base}${file.slice(0, -'index.html'.length)}`;
	return `${base}${file}`;
}

export function serviceWorkerIntegration(buildId: string): AstroIntegration {
	return {
		name: 'local:service-worker',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const list = files(out)
					.filter((f) => f !== 'sw.js' && !SKIP.test(f))
					.map((f) => urlFor(f));
				list.push(`/pagefind/pagefind-entry.json?ts=${buildId}`);
				const runtime = readFileSync(new URL('../sw/runtime.js', import.meta.url), 'utf8');
				const header = `/* Generated at build time. */\nconst VERSION = ${JSON.stringify(buildId)};\nconst PRECACHE = ${JSON.stringify(list)};\n`;
				writeFileSync(join(out, 'sw.js'), header + runtime);
				logger.info(`Service worker ${buildId}: ${list.length} files to precache.`);
			},
		},
	};
}
