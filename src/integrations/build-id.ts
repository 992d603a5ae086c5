/**
 * A build id derived from the site's sources (content, code, public files, lock file),
 * so an unchanged site keeps its id and a changed one gets a new id. It names the
 * service worker's cache, tags pagefind's metadata request, and is written into every
 * page so the service worker can tell a page of another build. `BUILD_ID` overrides it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['content', 'src', 'public', 'package-lock.json', 'astro.config.mjs'];

function walk(path: string, out: string[]): void {
	const st = statSync(path, { throwIfNoEntry: false });
	if (!st) return;
	if (st.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), out);
	else out.push(path);
}

export function computeBuildId(root: string): string {
	if (process.env['BUILD_ID']) return process.env['BUILD_ID'];
	const files: string[] = [];
	for (const input of INPUTS) walk(join(root, input), files);
	const hash = createHash('sha256');
	for (const file of files) {
		hash.update(relative(root, file));
		hash.update(readFileSync(file));
	}
	return hash.digest('hex').slice(0, 12);
}
