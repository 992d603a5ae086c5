import { describe, expect, it } from 'vitest';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import {
	BROWSER_ZIP_LIMITS,
	readZip,
	WHOLE_INFLATE_MAX,
	ZipRefused,
	type ZipEntry,
	type ZipLimits,
} from '../../src/lib/zip-read';
import { MAX_FILE_BYTES } from '../../src/lib/result-file';

/** The archive's bytes, handed over in chunks of `size` as a stream would. */
async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncIterable<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Uint8Array, limits: ZipLimits = BROWSER_ZIP_LIMITS) {
	const got: ZipEntry[] = [];
	const stats = await readZip(chunks(bytes), limits, (e) => {
		got.push(e);
	});
	return { got, stats };
}

async function refusal(bytes: Uint8Array, limits: ZipLimits = BROWSER_ZIP_LIMITS) {
	try {
		await read(bytes, limits);
	} catch (err) {
		if (err instanceof ZipRefused) return err.refusal;
		throw err;
	}
	return null;
}

const json = (n: number) => strToU8(JSON.stringify({ n, text: '工会'.repeat(50) }));

/** An archive as a streaming writer makes it: sizes only after each entry's data. */
function streamedZip(files: Record<string, Uint8Array>): Uint8Array {
	const out: Uint8Array[] = [];
	const zip = new Zip((err, data) => {
		if (err) throw err;
		out.push(data);
	});
	for (const [name, data] of Object.entries(files)) {
		const entry = new ZipDeflate(name, { level: 6 });
		zip.add(entry);
		entry.push(data, true);
	}
	zip.end();
	const all = new Uint8Array(out.reduce((s, c) => s + c.length, 0));
	let at = 0;
	for (const c of out) {
		all.set(c, at);
		at += c.length;
	}
	return all;
}

/** Text that hardly compresses: `bytes` long, the same on every run. */
function noisyJson(bytes: number): Uint8Array {
	let seed = 7;
	const chars = Array.from({ length: bytes - 12 }, () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return String.fromCharCode(33 + (seed % 90)).replace(/["\\]/, 'x');
	});
	return strToU8(`{"t":"${chars.join('')}"}`.slice(0, bytes - 2) + '"}');
}

describe('readZip', () => {
	it('gives every .json entry with its path, text and size, and skips other files', async () => {
		const zip = zipSync({
			'汇总/一.json': json(1),
			'汇总/二.json': json(2),
			'汇总/说明.txt': strToU8('readme'),
			'__MACOSX/汇总/._一.json': strToU8('x'),
			'汇总/空文件夹/': new Uint8Array(0),
		});
		const { got, stats } = await read(zip);
		expect(got.map((e) => e.name)).toEqual(['汇总/一.json', '汇总/二.json']);
		expect(JSON.parse(got[1]!.text)).toMatchObject({ n: 2 });
		expect(got[0]!.size).toBe(json(1).length);
		expect(stats.skipped).toBe(2);
	});

	it('reports an entry over the file cap by its size without keeping its text', async () => {
		const big = new Uint8Array(MAX_FILE_BYTES + 10).fill(0x20);
		const { got } = await read(zipSync({ 'big.json': big }, { level: 0 }));
		expect(got).toEqual([{ name: 'big.json', text: '', size: MAX_FILE_BYTES + 10 }]);
	});

	it.each([
		['with sizes in each header', zipSync],
		['written as a stream (sizes after each entry)', streamedZip],
	])('reads an archive %s, small entries and one too large to hold', async (_, make) => {
		const large = noisyJson(WHOLE_INFLATE_MAX + 50_000);
		const files = { 'a.json': json(1), 'large.json': large, 'b.json': json(2) };
		const { got } = await read(make(files));
		expect(got.map((e) => [e.name, e.size])).toEqual([
			['a.json', json(1).length],
			['large.json', large.length],
			['b.json', json(2).length],
		]);
		expect(JSON.parse(got[0]!.text)).toMatchObject({ n: 1 });
		expect(got[1]!.text).toBe(new TextDecoder().decode(large));
		expect(JSON.parse(got[2]!.text)).toMatchObject({ n: 2 });
	});

	it('refuses an entry whose header says it is smaller than it is (zip-broken)', async () => {
		const zip = zipSync({ 'a.json': json(1) });
		// The local header's uncompressed size (offset 22) and the central directory's (offset 24).
		const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
		const central = zip.findLastIndex(
			(_, i) => i + 4 <= zip.length && view.getUint32(i, true) === 0x02014b50,
		);
		view.setUint32(22, 10, true);
		view.setUint32(central + 24, 10, true);
		expect((await refusal(zip))?.code).toBe('zip-broken');
	});

	it('refuses a zip bomb written as a stream, whose headers give no sizes (zip-ratio)', async () => {
		const bomb = streamedZip({ 'ok.json': json(1), 'bomb.json': new Uint8Array(40 * 1024 * 1024) });
		expect((await refusal(bomb))?.code).toBe('zip-ratio');
	});

	const tight: ZipLimits = { ...BROWSER_ZIP_LIMITS, maxEntries: 3, maxTotalBytes: 2000 };
	it.each([
		{
			why: 'too many entries',
			zip: () => zipSync(Object.fromEntries([1, 2, 3, 4].map((i) => [`${i}.json`, json(i)]))),
			limits: tight,
			code: 'zip-entries',
		},
		{
			why: 'too large once uncompressed',
			zip: () => zipSync({ 'a.json': new Uint8Array(5000).fill(0x20) }),
			limits: tight,
			code: 'zip-total',
		},
		{
			why: 'a compression ratio no result file has (a zip bomb)',
			zip: () => zipSync({ 'ok.json': json(1), 'bomb.json': new Uint8Array(20 * 1024 * 1024) }),
			limits: BROWSER_ZIP_LIMITS,
			code: 'zip-ratio',
		},
		{
			why: 'an archive inside the archive, by name',
			zip: () => zipSync({ 'ok.json': json(1), 'inner.zip': zipSync({ 'x.json': json(2) }) }),
			limits: BROWSER_ZIP_LIMITS,
			code: 'zip-nested',
		},
		{
			why: 'an archive inside the archive, named .json',
			zip: () => zipSync({ 'inner.json': zipSync({ 'x.json': json(2) }) }, { level: 0 }),
			limits: BROWSER_ZIP_LIMITS,
			code: 'zip-nested',
		},
		{
			why: 'folders nested too deep',
			zip: () => zipSync({ [`${'d/'.repeat(12)}a.json`]: json(1) }),
			limits: BROWSER_ZIP_LIMITS,
			code: 'zip-depth',
		},
		{
			why: 'not a zip at all',
			zip: () => strToU8('{"format": "zhigong-zhijia.assessment"}'),
			limits: BROWSER_ZIP_LIMITS,
			code: 'zip-broken',
		},
		{
			why: 'cut off half-way',
			zip: () => {
				const whole = zipSync({ 'a.json': json(1), 'b.json': new Uint8Array(4000).fill(65) });
				return whole.subarray(0, 60);
			},
			limits: BROWSER_ZIP_LIMITS,
			code: 'zip-broken',
		},
	])('refuses $why ($code)', async ({ zip, limits, code }) => {
		expect((await refusal(zip(), limits))?.code).toBe(code);
	});
});
