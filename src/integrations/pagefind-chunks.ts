/**
 * Re-splits pagefind's word index into smaller chunks, so the first search on a first
 * visit fetches less.
 *
 * Why: pagefind 1.6 cuts its word index every 20,000 word locations, which for this site's
 * Chinese text makes chunks of about 35 KB (gzip). The browser loads one chunk per query
 * term, and a three-character query such as 五必访 has three terms, so the first query
 * fetched about 100 KB of index. pagefind has no setting for the chunk size.
 *
 * How: the words (already sorted by pagefind) are regrouped by their first character and
 * packed into chunks of about `targetBytes` of uncompressed CBOR. A chunk never splits the
 * words that share a first character (unless they alone exceed a cap, see `packChunks`),
 * so every word a query term can prefix-match sits in the one chunk the browser loads for
 * that term. Each chunk's range in the metadata is `from` = its first character, `to` =
 * its last first-character followed by U+10FFFF, so the ranges leave no gaps between
 * characters that occur (pagefind's own shortened boundaries leave gaps, which make it
 * fall back to loading extra chunks).
 *
 * The layout below is pagefind 1.6.0's (`pagefind/src/index/`): every file is
 * `gzip("pagefind_dcd" + CBOR)`; the metadata is an array whose third item is the list of
 * chunks `[from, to, hash]`; a chunk is `[[word, ...]]` with each word an array whose first
 * item is the word's text. Anything else fails the build with a message saying what.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** pagefind versions whose index layout this module was checked against. */
export const VERIFIED_PAGEFIND_VERSIONS = ['1.6.0'];
/** Bytes every pagefind data file starts with once decompressed. */
const MAGIC = 'pagefind_dcd';
/** Highest code point: appended to a chunk's last first-character to close its range. */
const RANGE_END = '\u{10FFFF}';

export class PagefindLayoutError extends Error {
	constructor(what: string) {
		super(
			`pagefind index: ${what}. The re-chunking in src/integrations/pagefind-chunks.ts was written for pagefind ${VERIFIED_PAGEFIND_VERSIONS.join(', ')}; check the new layout before changing it.`,
		);
		this.name = 'PagefindLayoutError';
	}
}

// ---- minimal CBOR (definite lengths only, as minicbor writes them) ------------------------

interface Head {
	/** Major type, 0–7. */
	major: number;
	/** Length, count or integer value carried by the head. */
	value: number;
	/** Offset just past the head. */
	next: number;
}

function readHead(buf: Uint8Array, pos: number): Head {
	if (pos >= buf.length) throw new PagefindLayoutError('CBOR ends early');
	const initial = buf[pos]!;
	const major = initial >> 5;
	const info = initial & 31;
	if (info < 24) return { major, value: info, next: pos + 1 };
	// Lengths are big-endian; read byte by byte (this runs for every number in the index).
	const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
	if (width === 0)
		throw new PagefindLayoutError(`unsupported CBOR head 0x${initial.toString(16)} at ${pos}`);
	if (pos + width >= buf.length) throw new PagefindLayoutError('CBOR ends early');
	let value = 0;
	for (let i = 1; i <= width; i++) value = value * 256 + buf[pos + i]!;
	return { major, value, next: pos + 1 + width };
}

/** Offset just past the CBOR item that starts at `pos`. */
export function skipItem(buf: Uint8Array, pos: number): number {
	const head = readHead(buf, pos);
	switch (head.major) {
		case 0:
		case 1:
		case 7:
			return head.next;
		case 2:
		case 3:
			if (head.next + head.value > buf.length)
				throw new PagefindLayoutError('CBOR string runs past the end');
			return head.next + head.value;
		case 4: {
			let p = head.next;
			for (let i = 0; i < head.value; i++) p = skipItem(buf, p);
			return p;
		}
		case 5: {
			let p = head.next;
			for (let i = 0; i < head.value * 2; i++) p = skipItem(buf, p);
			return p;
		}
		case 6:
			return skipItem(buf, head.next);
		default:
			throw new PagefindLayoutError(`unknown CBOR major type ${head.major}`);
	}
}

/** The items of the CBOR array at `pos`, as [start, end) spans, and the array's end. */
function arrayItems(
	buf: Uint8Array,
	pos: number,
	what: string,
): { spans: [number, number][]; end: number } {
	const head = readHead(buf, pos);
	if (head.major !== 4) throw new PagefindLayoutError(`${what} is not an array`);
	const spans: [number, number][] = [];
	let p = head.next;
	for (let i = 0; i < head.value; i++) {
		const end = skipItem(buf, p);
		spans.push([p, end]);
		p = end;
	}
	return { spans, end: p };
}

function readText(buf: Uint8Array, pos: number, what: string): string {
	const head = readHead(buf, pos);
	if (head.major !== 3) throw new PagefindLayoutError(`${what} is not a text string`);
	return new TextDecoder('utf-8', { fatal: true }).decode(
		buf.subarray(head.next, head.next + head.value),
	);
}

function encodeHead(major: number, value: number): Uint8Array {
	const m = major << 5;
	if (value < 24) return Uint8Array.of(m | value);
	if (value < 0x100) return Uint8Array.of(m | 24, value);
	if (value < 0x10000) return Uint8Array.of(m | 25, value >> 8, value & 0xff);
	return Uint8Array.of(
		m | 26,
		(value >>> 24) & 0xff,
		(value >> 16) & 0xff,
		(value >> 8) & 0xff,
		value & 0xff,
	);
}

function encodeText(text: string): Uint8Array {
	const bytes = new TextEncoder().encode(text);
	return concat([encodeHead(3, bytes.length), bytes]);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

// ---- file wrapper -----------------------------------------------------------------------

/** Decompresses a pagefind data file and strips its magic prefix. */
export function unwrap(file: Uint8Array, name: string): Uint8Array {
	let raw: Uint8Array;
	try {
		raw = gunzipSync(file);
	} catch {
		throw new PagefindLayoutError(`${name} is not gzip`);
	}
	if (new TextDecoder().decode(raw.subarray(0, MAGIC.length)) !== MAGIC)
		throw new PagefindLayoutError(`${name} lacks the ${MAGIC} prefix`);
	return raw.subarray(MAGIC.length);
}

/** The inverse of `unwrap`. */
export function wrap(cbor: Uint8Array): Uint8Array {
	return gzipSync(concat([new TextEncoder().encode(MAGIC), cbor]), { level: 9 });
}

// ---- re-chunking (pure) -----------------------------------------------------------------

/** One word entry of the index: its text and its encoded bytes, copied through untouched. */
export interface IndexWord {
	/** The indexed word. */
	word: string;
	/** The word's whole CBOR item (word, pages and locations). */
	bytes: Uint8Array;
}

/** A chunk of the new index: its range in the metadata and its words. */
export interface IndexChunk {
	/** Lowest term (inclusive) the browser looks up in this chunk. */
	from: string;
	/** Highest term (inclusive) the browser looks up in this chunk. */
	to: string;
	/** The chunk's words, in pagefind's order. */
	words: IndexWord[];
}

/** Reads the words of one decompressed chunk (`[[word, ...]]`). */
export function readChunkWords(cbor: Uint8Array, name: string): IndexWord[] {
	const top = arrayItems(cbor, 0, `${name}`);
	if (top.spans.length !== 1 || top.end !== cbor.length)
		throw new PagefindLayoutError(`${name} is not a one-item array`);
	const words = arrayItems(cbor, top.spans[0]![0], `${name} words`);
	return words.spans.map(([start, end]) => {
		const entry = arrayItems(cbor, start, `${name} word entry`);
		if (entry.spans.length < 2)
			throw new PagefindLayoutError(`${name} has a word entry with ${entry.spans.length} items`);
		return {
			word: readText(cbor, entry.spans[0]![0], `${name} word`),
			bytes: cbor.subarray(start, end),
		};
	});
}

/** Encodes a chunk's words as pagefind does: `[[word, ...]]`. */
export function encodeChunk(words: IndexWord[]): Uint8Array {
	return concat([encodeHead(4, 1), encodeHead(4, words.length), ...words.map((w) => w.bytes)]);
}

/** Words that go to one chunk together, with the range of query terms they answer. */
interface Unit {
	/** Lowest term this unit answers. */
	from: string;
	/** Highest term this unit answers. */
	to: string;
	words: IndexWord[];
	size: number;
}

/** The first `n` code points of a word. */
const prefixOf = (word: string, n: number): string => Array.from(word).slice(0, n).join('');

/**
 * Splits words that all start with `prefix` into units. A group within `capBytes` is one
 * unit answering every term that starts with `prefix`. A larger group is split by one more
 * character: the word equal to `prefix` (if any) and one unit per longer prefix; the first
 * of them also answers the bare `prefix`, so such a term still finds a chunk.
 */
function unitsFor(words: IndexWord[], prefix: string, capBytes: number, depth: number): Unit[] {
	const size = words.reduce((n, w) => n + w.bytes.length, 0);
	if (size <= capBytes || depth >= MAX_PREFIX || words.length === 1)
		return [{ from: prefix, to: prefix + RANGE_END, words, size }];
	const units: Unit[] = [];
	let i = 0;
	if (words[0]!.word === prefix) {
		units.push({ from: prefix, to: prefix, words: [words[0]!], size: words[0]!.bytes.length });
		i = 1;
	}
	while (i < words.length) {
		const longer = prefixOf(words[i]!.word, depth + 1);
		let j = i;
		while (j < words.length && prefixOf(words[j]!.word, depth + 1) === longer) j++;
		units.push(...unitsFor(words.slice(i, j), longer, capBytes, depth + 1));
		i = j;
	}
	units[0]!.from = prefix;
	return units;
}

/** Prefix length beyond which an oversized group is not split further. */
const MAX_PREFIX = 4;

/**
 * Packs sorted words into chunks of about `targetBytes`. Words that share a first
 * character stay in one chunk, so every word a query term can prefix-match is in the one
 * chunk the browser loads for it. Only a first character whose words exceed `capBytes`
 * (very common characters on very large sites) is split by its second character, and so
 * on; a one-character term of such a group then finds the words of its first chunk only,
 * as with pagefind's own chunks. Throws if the words are not in pagefind's byte order.
 */
export function packChunks(
	words: IndexWord[],
	targetBytes: number,
	capBytes = 4 * targetBytes,
): IndexChunk[] {
	let previous: Uint8Array | undefined;
	for (const w of words) {
		if (w.word === '') throw new PagefindLayoutError('an indexed word is empty');
		const encoded = new TextEncoder().encode(w.word);
		if (previous && compareBytes(previous, encoded) >= 0)
			throw new PagefindLayoutError(
				`words are not sorted ("${new TextDecoder().decode(previous)}" before "${w.word}")`,
			);
		previous = encoded;
	}
	const units: Unit[] = [];
	for (let i = 0; i < words.length;) {
		const char = prefixOf(words[i]!.word, 1);
		let j = i;
		while (j < words.length && prefixOf(words[j]!.word, 1) === char) j++;
		units.push(...unitsFor(words.slice(i, j), char, capBytes, 1));
		i = j;
	}
	const chunks: IndexChunk[] = [];
	let current: Unit[] = [];
	let size = 0;
	const close = () => {
		if (!current.length) return;
		chunks.push({
			from: current[0]!.from,
			to: current.at(-1)!.to,
			words: current.flatMap((u) => u.words),
		});
		current = [];
		size = 0;
	};
	for (const u of units) {
		if (current.length && size + u.size > targetBytes) close();
		current.push(u);
		size += u.size;
	}
	close();
	return chunks;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length - b.length;
}

/** The chunk list `[from, to, hash]` read from decompressed metadata, and where it sits. */
export function readMetaChunks(meta: Uint8Array): {
	version: string;
	chunks: { from: string; to: string; hash: string }[];
	span: [number, number];
} {
	const top = arrayItems(meta, 0, 'metadata');
	if (top.end !== meta.length || top.spans.length < 3)
		throw new PagefindLayoutError('metadata is not the expected array');
	const version = readText(meta, top.spans[0]![0], 'metadata version');
	const span = top.spans[2]!;
	const list = arrayItems(meta, span[0], 'metadata chunk list');
	const chunks = list.spans.map(([start]) => {
		const triple = arrayItems(meta, start, 'metadata chunk entry');
		if (triple.spans.length !== 3)
			throw new PagefindLayoutError('a metadata chunk entry is not [from, to, hash]');
		const [from, to, hash] = triple.spans.map(([s]) =>
			readText(meta, s, 'metadata chunk field'),
		) as [string, string, string];
		return { from, to, hash };
	});
	return { version, chunks, span };
}

/** Metadata with its chunk list replaced. */
export function writeMetaChunks(
	meta: Uint8Array,
	span: [number, number],
	chunks: { from: string; to: string; hash: string }[],
): Uint8Array {
	const list = concat([
		encodeHead(4, chunks.length),
		...chunks.map((c) =>
			concat([encodeHead(4, 3), encodeText(c.from), encodeText(c.to), encodeText(c.hash)]),
		),
	]);
	return concat([meta.subarray(0, span[0]), list, meta.subarray(span[1])]);
}

/** A short content hash with pagefind's language prefix, lengthened until it is unique. */
function shortHash(prefix: string, bytes: Uint8Array, length: number, taken: Set<string>): string {
	const full = createHash('sha256').update(bytes).digest('hex');
	for (let n = length; n <= full.length; n++) {
		const name = `${prefix}_${full.slice(0, n)}`;
		if (!taken.has(name)) {
			taken.add(name);
			return name;
		}
	}
	throw new PagefindLayoutError('hash collision');
}

// ---- the bundle on disk -----------------------------------------------------------------

export interface RechunkReport {
	/** Language key in pagefind-entry.json. */
	language: string;
	/** Chunks before and after. */
	before: number;
	after: number;
	/** Largest chunk after, gzip bytes. */
	largest: number;
}

/** Rewrites every language's word index under `bundleDir` (the `pagefind/` output folder). */
export function rechunkPagefindBundle(bundleDir: string, targetBytes = 3_000): RechunkReport[] {
	const entryPath = join(bundleDir, 'pagefind-entry.json');
	const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as {
		version?: unknown;
		languages?: Record<string, { hash?: unknown }>;
	};
	if (typeof entry.version !== 'string' || !VERIFIED_PAGEFIND_VERSIONS.includes(entry.version))
		throw new PagefindLayoutError(
			`version ${String(entry.version)} is not one this was checked against`,
		);
	if (!entry.languages || typeof entry.languages !== 'object')
		throw new PagefindLayoutError('pagefind-entry.json has no languages');
	const reports: RechunkReport[] = [];
	const indexDir = join(bundleDir, 'index');
	const taken = new Set(readdirSync(indexDir).map((f) => f.replace(/\.pf_index$/, '')));
	for (const [language, info] of Object.entries(entry.languages)) {
		if (typeof info.hash !== 'string')
			throw new PagefindLayoutError(`language ${language} has no hash`);
		const metaName = `pagefind.${info.hash}.pf_meta`;
		const meta = unwrap(readFileSync(join(bundleDir, metaName)), metaName);
		const { version, chunks, span } = readMetaChunks(meta);
		if (version !== entry.version)
			throw new PagefindLayoutError(`metadata version ${version} differs from ${entry.version}`);
		const prefix = info.hash.replace(/_[0-9a-f]+$/, '');
		const words = chunks.flatMap((c) =>
			readChunkWords(unwrap(readFileSync(join(indexDir, `${c.hash}.pf_index`)), c.hash), c.hash),
		);
		const packed = packChunks(words, targetBytes);
		const named = packed.map((c) => {
			const file = wrap(encodeChunk(c.words));
			return { from: c.from, to: c.to, hash: shortHash(prefix, file, 7, taken), file };
		});
		for (const c of chunks) rmSync(join(indexDir, `${c.hash}.pf_index`));
		for (const c of named) writeFileSync(join(indexDir, `${c.hash}.pf_index`), c.file);
		const newMeta = wrap(writeMetaChunks(meta, span, named));
		const metaHash = shortHash(prefix, newMeta, 13, new Set([info.hash]));
		rmSync(join(bundleDir, metaName));
		writeFileSync(join(bundleDir, `pagefind.${metaHash}.pf_meta`), newMeta);
		info.hash = metaHash;
		reports.push({
			language,
			before: chunks.length,
			after: named.length,
			largest: Math.max(...named.map((c) => c.file.length)),
		});
	}
	writeFileSync(entryPath, JSON.stringify(entry));
	return reports;
}
