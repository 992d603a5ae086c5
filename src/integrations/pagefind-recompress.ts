/**
 * Compresses pagefind's data files harder, so every search fetches fewer bytes.
 *
 * pagefind writes each data file (the search code's wasm, the metadata, the word-index
 * chunks, the filters and the page fragments) as gzip, and its worker inflates them itself,
 * whatever the server does. Zopfli writes gzip that any inflater reads, 4–6 % smaller than
 * zlib's best; the wasm alone goes from 54.1 to 51.6 KB, and it is fetched by every first
 * search. Files are only ever replaced by a smaller stream of the same bytes.
 *
 * Speed: zopfli's block splitting costs about 160 ms a call whatever the size, so it is used
 * only for files above `SPLIT_ABOVE` (the wasm); the hundreds of small chunks and fragments
 * are compressed without it (about 1.5 s for the whole bundle).
 */
import { gzipAsync } from '@gfx/zopfli';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The files pagefind compresses: `*.pf_meta`, `*.pf_index`, `*.pf_filter`, `*.pf_fragment`, `*.pagefind`. */
export const PAGEFIND_DATA_FILE = /\.(pf_\w+|pagefind)$/;
/** Uncompressed size above which zopfli may split blocks (slow, and worth it only there). */
export const SPLIT_ABOVE = 64 * 1024;
/** Zopfli iterations: more gain well under 0.1 % here and take twice as long. */
const ITERATIONS = 5;

export interface RecompressReport {
	/** Data files looked at. */
	files: number;
	/** Files replaced by a smaller stream. */
	smaller: number;
	/** Bytes of all data files before and after. */
	before: number;
	after: number;
}

/** The same bytes as `gzipped`, compressed with zopfli; `gzipped` itself if that is not smaller. */
export async function recompress(gzipped: Uint8Array): Promise<Uint8Array> {
	const raw = gunzipSync(gzipped);
	const out = await gzipAsync(raw, {
		numiterations: ITERATIONS,
		blocksplitting: raw.length > SPLIT_ABOVE,
	});
	return out.length < gzipped.length ? out : gzipped;
}

function dataFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return dataFiles(path);
		return PAGEFIND_DATA_FILE.test(name) ? [path] : [];
	});
}

/** Recompresses every pagefind data file under `bundleDir` in place. */
export async function recompressBundle(bundleDir: string): Promise<RecompressReport> {
	const report: RecompressReport = { files: 0, smaller: 0, before: 0, after: 0 };
	for (const path of dataFiles(bundleDir)) {
		const file = readFileSync(path);
		const out = await recompress(file);
		report.files++;
		report.before += file.length;
		report.after += out.length;
		if (out !== file) {
			report.smaller++;
			writeFileSync(path, out);
		}
	}
	return report;
}
