import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	PagefindLayoutError,
	encodeChunk,
	packChunks,
	readChunkWords,
	readMetaChunks,
	rechunkPagefindBundle,
	skipItem,
	unwrap,
	wrap,
	writeMetaChunks,
	type IndexChunk,
	type IndexWord,
} from '../../src/integrations/pagefind-chunks';

// A tiny CBOR writer for fixtures, independent of the module under test.
const enc = new TextEncoder();
function head(major: number, n: number): number[] {
	if (n < 24) return [(major << 5) | n];
	if (n < 256) return [(major << 5) | 24, n];
	return [(major << 5) | 25, n >> 8, n & 255];
}
type Cbor = number | string | Cbor[];
function cbor(v: Cbor): number[] {
	if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
	if (typeof v === 'string') {
		const b = [...enc.encode(v)];
		return [...head(3, b.length), ...b];
	}
	return [...head(4, v.length), ...v.flatMap(cbor)];
}
/** A word entry as pagefind 1.6 writes it: [word, [[page, [locs], []]], []]. */
const entry = (word: string, page = 0, locs: number[] = [1, 2]): IndexWord => ({
	word,
	bytes: Uint8Array.from(cbor([word, [[page, locs, []]], []])),
});

/** pagefind's strict chunk lookup: the first chunk with from ≤ term ≤ to, compared as UTF-8 bytes. */
function lookup(chunks: Pick<IndexChunk, 'from' | 'to'>[], term: string): number {
	const cmp = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
	return chunks.findIndex((c) => cmp(term, c.from) >= 0 && cmp(term, c.to) <= 0);
}
const sortWords = (words: string[]) =>
	[...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('skipItem', () => {
	it.each([
		['small int', [5]],
		['negative int', [-25]],
		['two-byte int', [1574]],
		['text', ['五必访']],
		['nested arrays', [['工会', [[3, [1, 2, 300], []]], []]]],
		['empty array', [[]]],
	] as const)('%s', (_name, [value]) => {
		const bytes = Uint8Array.from([...cbor(value as Cbor), 0xff]);
		expect(skipItem(bytes, 0)).toBe(bytes.length - 1);
	});

	it('refuses indefinite lengths', () => {
		expect(() => skipItem(Uint8Array.of(0x9f, 0xff), 0)).toThrow(PagefindLayoutError);
	});

	it('refuses a string that runs past the end', () => {
		expect(() => skipItem(Uint8Array.of(0x65, 0x61), 0)).toThrow(/runs past the end/);
	});
});

describe('packChunks', () => {
	const words = sortWords([
		'0',
		'2026',
		'a',
		'ab',
		'五',
		'五个',
		'五必',
		'五星',
		'会员',
		'会员评家',
		'工会',
		'工作',
		'职代会',
		'职工',
		'职工书屋',
		'走访',
	]).map((w) => entry(w));

	it.each([1, 30, 60, 120, 10_000])(
		'keeps every word once and in order at target %i bytes',
		(target) => {
			const chunks = packChunks(words, target, Infinity);
			expect(chunks.flatMap((c) => c.words.map((w) => w.word))).toEqual(words.map((w) => w.word));
		},
	);

	it.each([1, 30, 60, 120, 10_000])(
		'never splits words that share a first character (target %i)',
		(target) => {
			const chunks = packChunks(words, target, Infinity);
			const home = new Map<string, number>();
			chunks.forEach((c, i) =>
				c.words.forEach((w) => {
					const ch = String.fromCodePoint(w.word.codePointAt(0)!);
					expect(home.get(ch) ?? i).toBe(i);
					home.set(ch, i);
				}),
			);
		},
	);

	it.each([1, 30, 60, 120, 10_000])(
		'the browser finds, for every prefix of every word, the chunk holding all its extensions (target %i)',
		(target) => {
			const chunks = packChunks(words, target, Infinity);
			for (const w of words) {
				const chars = [...w.word];
				for (let n = 1; n <= chars.length; n++) {
					const term = chars.slice(0, n).join('');
					const found = lookup(chunks, term);
					expect(found, term).toBeGreaterThanOrEqual(0);
					const extensions = words.filter((x) => x.word.startsWith(term)).map((x) => x.word);
					expect(chunks[found]!.words.map((x) => x.word)).toEqual(
						expect.arrayContaining(extensions),
					);
				}
			}
		},
	);

	it('finds no chunk for a term whose first character no word has', () => {
		const chunks = packChunks(words, 30);
		expect(lookup(chunks, '区块链')).toBe(-1);
	});

	it('makes one chunk when everything fits and one per first character at the smallest target', () => {
		expect(packChunks(words, 10_000)).toHaveLength(1);
		expect(packChunks(words, 1, Infinity)).toHaveLength(
			new Set(words.map((w) => [...w.word][0])).size,
		);
	});

	it('gives ranges that do not overlap', () => {
		const chunks = packChunks(words, 30);
		for (let i = 1; i < chunks.length; i++)
			expect(
				Buffer.compare(Buffer.from(chunks[i - 1]!.to), Buffer.from(chunks[i]!.from)),
			).toBeLessThan(0);
	});

	it.each([
		['unsorted words', ['职工', '工会']],
		['a repeated word', ['工会', '工会']],
		['an empty word', ['']],
	])('refuses %s', (_name, list) => {
		expect(() =>
			packChunks(
				list.map((w) => entry(w)),
				100,
			),
		).toThrow(PagefindLayoutError);
	});

	describe('a first character whose words exceed the cap', () => {
		// Many words under 工: at a cap of 160 bytes (about six entries) the group is split by its second character.
		const many = sortWords([
			'工',
			'工人',
			'工会',
			'工会主席',
			'工会会员',
			'工会小组',
			'工会干部',
			'工作',
			'工作制度',
			'工资',
			'工资协商',
			'工龄',
			'职工',
			'职工书屋',
		]).map((w) => entry(w, 0, [1, 2, 3, 4, 5, 6]));
		const chunks = packChunks(many, 60, 160);
		const chunkOf = (term: string) => chunks[lookup(chunks, term)];

		it('splits it into several chunks', () => {
			const holding = chunks.filter((c) => c.words.some((w) => w.word.startsWith('工')));
			expect(holding.length).toBeGreaterThan(1);
		});

		it('still finds, for every word, the chunk that holds it', () => {
			for (const w of many)
				expect(
					chunkOf(w.word)?.words.map((x) => x.word),
					w.word,
				).toContain(w.word);
		});

		it('finds, for every two-character term, all its extensions in one chunk', () => {
			for (const w of many.filter((x) => [...x.word].length >= 2)) {
				const term = [...w.word].slice(0, 2).join('');
				const extensions = many.filter((x) => x.word.startsWith(term)).map((x) => x.word);
				expect(
					chunkOf(term)?.words.map((x) => x.word),
					term,
				).toEqual(expect.arrayContaining(extensions));
			}
		});

		it('gives the bare first character a chunk (its first one), with no gap', () => {
			expect(chunkOf('工')?.words[0]?.word).toBe('工');
			const noBare = packChunks(many.slice(1), 60, 160);
			expect(noBare[lookup(noBare, '工')]?.words[0]?.word).toBe('工人');
		});

		it('keeps the ranges ordered and disjoint', () => {
			for (let i = 1; i < chunks.length; i++)
				expect(
					Buffer.compare(Buffer.from(chunks[i - 1]!.to), Buffer.from(chunks[i]!.from)),
				).toBeLessThan(0);
		});

		it('leaves groups within the cap whole', () => {
			const zhi = chunks.filter((c) => c.words.some((w) => w.word.startsWith('职')));
			expect(zhi).toHaveLength(1);
		});
	});

	it('packs nothing into no chunks', () => {
		expect(packChunks([], 100)).toEqual([]);
	});
});

describe('chunk and metadata encoding', () => {
	it('reads back the words it encodes, bytes untouched', () => {
		const words = ['五必访', '工会', '职工'].map((w, i) => entry(w, i, [i, 10 * i, -25]));
		const back = readChunkWords(encodeChunk(words), 'test');
		expect(back.map((w) => w.word)).toEqual(['五必访', '工会', '职工']);
		back.forEach((w, i) => expect([...w.bytes]).toEqual([...words[i]!.bytes]));
	});

	it.each([
		['not an array', cbor('x')],
		['two top-level items', cbor([[], []])],
		['a word entry of one item', cbor([[['工会']]])],
		['a word that is a number', cbor([[[7, []]]])],
	])('refuses a chunk that is %s', (_name, bytes) => {
		expect(() => readChunkWords(Uint8Array.from(bytes), 'test')).toThrow(PagefindLayoutError);
	});

	it('replaces the chunk list and keeps the rest of the metadata', () => {
		const meta = Uint8Array.from(
			cbor([
				'1.6.0',
				[['zh-cn_aaaaaaa', 120, '']],
				[
					['0', '分值', 'zh-cn_1111111'],
					['分做', '齐组', 'zh-cn_2222222'],
				],
				[],
				[],
				['title'],
			]),
		);
		const read = readMetaChunks(meta);
		expect(read.version).toBe('1.6.0');
		expect(read.chunks.map((c) => c.hash)).toEqual(['zh-cn_1111111', 'zh-cn_2222222']);
		const next = [{ from: '0', to: '工\u{10FFFF}', hash: 'zh-cn_3333333' }];
		const rewritten = writeMetaChunks(meta, read.span, next);
		expect([...rewritten]).toEqual(
			cbor([
				'1.6.0',
				[['zh-cn_aaaaaaa', 120, '']],
				[['0', '工\u{10FFFF}', 'zh-cn_3333333']],
				[],
				[],
				['title'],
			]),
		);
	});

	it.each([
		['not an array', cbor('1.6.0')],
		['too short', cbor(['1.6.0', []])],
		['a chunk entry of two fields', cbor(['1.6.0', [], [['a', 'b']]])],
	])('refuses metadata that is %s', (_name, bytes) => {
		expect(() => readMetaChunks(Uint8Array.from(bytes))).toThrow(PagefindLayoutError);
	});

	it('wraps and unwraps pagefind files', () => {
		const body = Uint8Array.from(cbor(['x']));
		expect([...unwrap(wrap(body), 'f')]).toEqual([...body]);
		expect(() => unwrap(Uint8Array.of(1, 2, 3), 'f')).toThrow(/not gzip/);
	});
});

describe('rechunkPagefindBundle on a real pagefind index', () => {
	const dir = mkdtempSync(join(tmpdir(), 'zz-pagefind-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const paragraphs = [
		'工会组织要落实五必访制度，职工生病住院、婚丧嫁娶、家庭困难时，工会干部上门走访慰问。',
		'职工代表大会是职工行使民主管理权利的基本形式，厂务公开让职工知情、参与和监督。',
		'职工书屋为职工提供学习阵地，劳动竞赛和技术比武帮助职工提升技能。',
		'建小家活动让分工会和工会小组都有活动场所、有工作制度、有活动经费。',
		'会员评家由会员对职工之家建设情况进行评议，满意率是重要依据。',
	];

	it('keeps every word, renames the files and updates the entry', async () => {
		const pagefind = await import('pagefind');
		const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
		try {
			for (let i = 0; i < 6; i++) {
				const body = paragraphs.map((p, j) => `<p>${p.repeat(1 + ((i + j) % 3))}</p>`).join('');
				await index!.addHTMLFile({
					url: `/p${i}/`,
					content: `<html lang="zh-CN"><head><title>第${i}页</title></head><body>${body}</body></html>`,
				});
			}
			await index!.writeFiles({ outputPath: dir });
		} finally {
			await pagefind.close();
		}
		const wordsIn = () => {
			const entryJson = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
			const hash = entryJson.languages['zh-cn'].hash as string;
			const meta = readMetaChunks(
				unwrap(readFileSync(join(dir, `pagefind.${hash}.pf_meta`)), 'meta'),
			);
			const chunks = meta.chunks.map((c) => ({
				...c,
				words: readChunkWords(
					unwrap(readFileSync(join(dir, 'index', `${c.hash}.pf_index`)), c.hash),
					c.hash,
				),
			}));
			return { hash, chunks };
		};
		const before = wordsIn();
		const [report] = rechunkPagefindBundle(dir, 200);
		const after = wordsIn();

		expect(report!.before).toBe(before.chunks.length);
		expect(report!.after).toBe(after.chunks.length);
		expect(after.chunks.length).toBeGreaterThan(before.chunks.length);
		expect(after.hash).not.toBe(before.hash);
		// Same words with the same bytes, in the same order.
		const flat = (x: typeof before) =>
			x.chunks.flatMap((c) =>
				c.words.map((w) => `${w.word}:${Buffer.from(w.bytes).toString('hex')}`),
			);
		expect(flat(after)).toEqual(flat(before));
		// Only the new files remain.
		expect(readdirSync(join(dir, 'index')).sort()).toEqual(
			after.chunks.map((c) => `${c.hash}.pf_index`).sort(),
		);
		expect(readdirSync(dir).filter((f) => f.endsWith('.pf_meta'))).toEqual([
			`pagefind.${after.hash}.pf_meta`,
		]);
		// Every word's every prefix is looked up in a chunk that holds all its extensions.
		const all = after.chunks.flatMap((c) => c.words.map((w) => w.word));
		for (const w of all) {
			const term = [...w].slice(0, 1).join('');
			const found = lookup(after.chunks, term);
			expect(after.chunks[found]!.words.map((x) => x.word)).toEqual(
				expect.arrayContaining(all.filter((x) => x.startsWith(term))),
			);
		}
	});

	it('refuses a bundle from a pagefind version it was not checked against', () => {
		const other = mkdtempSync(join(tmpdir(), 'zz-pagefind-'));
		try {
			mkdirSync(join(other, 'index'), { recursive: true });
			writeFileSync(
				join(other, 'pagefind-entry.json'),
				JSON.stringify({ version: '9.9.9', languages: {} }),
			);
			expect(() => rechunkPagefindBundle(other)).toThrow(/version 9\.9\.9/);
		} finally {
			rmSync(other, { recursive: true, force: true });
		}
	});
});
