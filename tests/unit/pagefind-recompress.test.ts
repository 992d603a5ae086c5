import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	PAGEFIND_DATA_FILE,
	recompress,
	recompressBundle,
} from '../../src/integrations/pagefind-recompress';

/** A stand-in for a pagefind data file: the magic, then text that compresses. */
const payload = (n: number) =>
	Buffer.concat([
		Buffer.from('pagefind_dcd'),
		Buffer.from(
			Array.from({ length: n }, (_, i) => `职工之家${i % 37}建家指南${(i * 7) % 11}`).join(
				'\u200b',
			),
		),
	]);

describe('recompress', () => {
	it.each([
		['a small chunk', 50],
		['a fragment', 500],
		['a file large enough for block splitting', 3_500],
	])('%s: the same bytes, no larger than zlib level 9', async (_, n) => {
		const raw = payload(n);
		const gz = gzipSync(raw, { level: 9 });
		const out = await recompress(gz);
		expect(Buffer.from(gunzipSync(out)).equals(raw)).toBe(true);
		expect(out.length).toBeLessThanOrEqual(gz.length);
	});

	it('keeps the original when zopfli cannot do better', async () => {
		const gz = gzipSync(Buffer.alloc(0));
		expect(await recompress(gz)).toBe(gz);
	});

	it('refuses a file that is not gzip', async () => {
		await expect(recompress(new TextEncoder().encode('pagefind_dcd not gzip'))).rejects.toThrow();
	});
});

describe('recompressBundle', () => {
	it.each([
		['pagefind.zh-cn_abc.pf_meta', true],
		['index/zh-cn_abc.pf_index', true],
		['fragment/zh-cn_abc.pf_fragment', true],
		['filter/zh-cn_abc.pf_filter', true],
		['wasm.unknown.pagefind', true],
		['pagefind-worker.js', false],
		['titles.json', false],
		['pagefind-ui.css', false],
	])('%s is a data file: %s', (name, data) => {
		expect(PAGEFIND_DATA_FILE.test(name)).toBe(data);
	});

	it('rewrites the data files smaller with the same content and leaves the rest alone', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'pf-recompress-'));
		mkdirSync(join(dir, 'index'));
		const raw = payload(1_000);
		writeFileSync(join(dir, 'index', 'zh-cn_1.pf_index'), gzipSync(raw, { level: 9 }));
		writeFileSync(join(dir, 'pagefind-worker.js'), 'self.onmessage=()=>{}');
		const report = await recompressBundle(dir);
		expect(report).toMatchObject({ files: 1, smaller: 1 });
		expect(report.after).toBeLessThan(report.before);
		const written = readFileSync(join(dir, 'index', 'zh-cn_1.pf_index'));
		expect(written.length).toBe(report.after);
		expect(gunzipSync(written).equals(raw)).toBe(true);
		expect(readFileSync(join(dir, 'pagefind-worker.js'), 'utf8')).toBe('self.onmessage=()=>{}');
	});
});
