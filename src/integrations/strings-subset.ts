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
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** After a key's prefix, the characters that show code completing it: a template or a `+`. */
const COMPLETED = /^(\$\{|`\s*\+|"\s*\+|'\s*\+)/;

/**
 * The keys of `strings` that `code` can ask for: the key's text appears in it, or a prefix of
 * it ending in a dot appears followed by code completing it (a template hole or a `+`).
 */
export function usedKeys(keys: readonly string[], code: string): Set<string> {
	const completedPrefixes = new Set<string>();
	for (const key of keys) {
		for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1)) {
			const prefix = key.slice(0, dot + 1);
			if (completedPrefixes.has(prefix)) continue;
			for (let at = code.indexOf(prefix); at !== -1; at = code.indexOf(prefix, at + 1))
				if (COMPLETED.test(code.slice(at + prefix.length, at + prefix.length + 3))) {
					completedPrefixes.add(prefix);
					break;
				}
		}
	}
	const used = new Set<string>();
	for (const key of keys) {
		if (code.includes(key)) used.add(key);
		else
			for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1))
				if (completedPrefixes.has(key.slice(0, dot + 1))) {
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

function htmlFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
		else if (name.endsWith('.html')) out.push(p);
	}
	return out;
}

export function stringsSubsetIntegration(): AstroIntegration {
	return {
		name: 'local:strings-subset',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				let before = 0;
				let after = 0;
				for (const file of htmlFiles(outDir)) {
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
