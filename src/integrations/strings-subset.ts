/**
 * Trims each built page's strings block (`<script type="application/json" id="zz-strings">`,
 * written by StringsData.astro with every string of `zh-CN.json`) to the strings the page's
 * own scripts can ask for, at `astro:build:done`. The checklist carried 76 KB of strings, of
 * which its scripts use a fraction; every byte of the page is decoded and scanned before it
 * shows.
 *
 * Which strings a page can ask for is read from the JavaScript the page loads (its module
 * scripts, the chunks they import, statically or on demand, and its inline scripts): a key
 * is kept when its text appears there, or when a prefix of it does that the code completes
 * at run time (`form.error.${code}` keeps every `form.error.…` key). Over-keeping costs bytes;
 * under-keeping would show a key instead of Chinese, so the rule errs towards keeping.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { files } from './service-worker.ts';

/** After a key's prefix, the characters that show code completing it: a template or a `+`. */
const COMPLETED = /^(\$\{|`\s*\+|"\s*\+|'\s*\+)/;

/**
 * The keys of `strings` that `code` can ask for: the key's text appears in it, or a prefix of
 * it ending in a dot appears followed by code completing it (a template hole or a `+`).
 */
export function usedKeys(keys: readonly string[], code: string): Set<string> {
	// Whether code completes a prefix, found once per prefix (many keys share one).
	const completes = new Map<string, boolean>();
	const completed = (prefix: string): boolean => {
		let found = completes.get(prefix);
		if (found === undefined) {
			found = false;
			for (let at = code.indexOf(prefix); at !== -1 && !found; at = code.indexOf(prefix, at + 1))
				found = COMPLETED.test(code.slice(at + prefix.length, at + prefix.length + 3));
			completes.set(prefix, found);
		}
		return found;
	};
	const used = new Set<string>();
	for (const key of keys) {
		if (code.includes(key)) {
			used.add(key);
			continue;
		}
		for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1))
			if (completed(key.slice(0, dot + 1))) {
				used.add(key);
				break;
			}
	}
	return used;
}

/** The relative `.js` files a built chunk imports, statically or with `import()`. */
export function importsOf(code: string): string[] {
	const found = new Set<string>();
	const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g;
	for (const m of code.matchAll(pattern)) found.add(m[1]!);
	// Vite lists the chunks a dynamic import needs as plain strings ("assets/x.js" or "./x.js").
	for (const m of code.matchAll(/["'`]((?:\.\/)?[\w.-]+\.js)["'`]/g))
		found.add(m[1]!.startsWith('./') ? m[1]! : `./${m[1]!}`);
	return [...found];
}

const BLOCK = /<script type="application\/json" id="zz-strings">([\s\S]*?)<\/script>/;

/** Every JavaScript text a built page runs: inline scripts and module files, with their imports. */
function pageCode(html: string, outDir: string): string {
	const parts: string[] = [];
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file) || !existsSync(file)) return;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		parts.push(code);
		for (const spec of importsOf(code)) visit(resolve(dirname(file), spec));
	};
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = m[1] ?? '';
		if (/type="application\/json"/.test(attrs)) continue;
		const src = /\bsrc="(\/[^"]+\.js)"/.exec(attrs)?.[1];
		if (src) visit(join(outDir, src));
		else parts.push(m[2] ?? '');
	}
	return parts.join('\n');
}

export function stringsSubsetIntegration(): AstroIntegration {
	return {
		name: 'local:strings-subset',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				let before = 0;
				let after = 0;
				for (const file of files(outDir)
					.filter((f) => f.endsWith('.html'))
					.map((f) => join(outDir, f))) {
					const html = readFileSync(file, 'utf8');
					const block = BLOCK.exec(html);
					if (!block) continue;
					const all = JSON.parse(block[1]!) as Record<string, string>;
					const keep = usedKeys(Object.keys(all), pageCode(html, outDir));
					const subset = Object.fromEntries(Object.entries(all).filter(([k]) => keep.has(k)));
					const json = JSON.stringify(subset).replace(/</g, '\\u003c');
					before += Buffer.byteLength(block[1]!);
					after += Buffer.byteLength(json);
					writeFileSync(
						file,
						html.replace(
							BLOCK,
							() => `<script type="application/json" id="zz-strings">${json}</script>`,
						),
					);
				}
				logger.info(
					`Strings trimmed to what each page's scripts use: ${Math.round(before / 1024)} → ${Math.round(after / 1024)} KB in all.`,
				);
			},
		},
	};
}
