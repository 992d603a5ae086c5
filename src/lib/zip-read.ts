/**
 * Reads result files out of a `.zip` archive as it streams in (fflate's `Unzip`), with
 * limits against hostile archives. Pure: the caller hands in the bytes chunk by chunk
 * (a `File` stream in the browser, a read stream in Node) and gets each result file back.
 *
 * A limit broken anywhere refuses the whole archive (`ZipRefused`): the caller keeps
 * what it read from it apart and throws it away, so nothing is loaded half-way.
 */
import {
	inflateSync,
	Unzip,
	UnzipInflate,
	type AsyncFlateStreamHandler,
	type FlateError,
	type UnzipDecoder,
	type UnzipDecoderConstructor,
	type UnzipFile,
} from 'fflate';
import { MAX_FILE_BYTES } from './result-file';

/** Limits an archive must keep. */
export interface ZipLimits {
	/** Entries (files and folders) in the archive. */
	maxEntries: number;
	/** Bytes of all entries together once uncompressed. */
	maxTotalBytes: number;
	/** Uncompressed ÷ compressed bytes, checked once more than `ratioFloorBytes` are out. */
	maxRatio: number;
	ratioFloorBytes: number;
	/** Folders inside the archive, one within another. */
	maxDepth: number;
}

/**
 * The compare page's limits: 20,000 files and 400 MB uncompressed (a city's 10,000
 * result files take about 140 MB). Result files compress about 10–20 : 1; a ratio
 * over 200 : 1 is a "zip bomb", not result files.
 */
export const BROWSER_ZIP_LIMITS: ZipLimits = {
	maxEntries: 20_000,
	maxTotalBytes: 400 * 1024 * 1024,
	maxRatio: 200,
	ratioFloorBytes: 1024 * 1024,
	maxDepth: 8,
};

/** The roll-up command's limits: a province's files, read a file at a time. */
export const CLI_ZIP_LIMITS: ZipLimits = {
	...BROWSER_ZIP_LIMITS,
	maxEntries: 1_000_000,
	maxTotalBytes: 32 * 1024 * 1024 * 1024,
};

/** Why an archive was refused; `detail` fills the message. */
export interface ZipRefusal {
	code: 'zip-entries' | 'zip-total' | 'zip-ratio' | 'zip-nested' | 'zip-depth' | 'zip-broken';
	detail: string;
}

/** Thrown when an archive breaks a limit or cannot be read. */
export class ZipRefused extends Error {
	constructor(readonly refusal: ZipRefusal) {
		super(`${refusal.code}: ${refusal.detail}`);
		this.name = 'ZipRefused';
	}
}

/** A result file read from an archive: its path inside it, its text and its size. */
export interface ZipEntry {
	name: string;
	text: string;
	/** Uncompressed bytes (over `MAX_FILE_BYTES` means the text was not kept). */
	size: number;
}

/** What `readZip` reports at the end. */
export interface ZipStats {
	entries: number;
	/** Entries that are not `.json` files (and macOS's `__MACOSX` folder), left out. */
	skipped: number;
	bytes: number;
}

/**
 * Compressed bytes up to which an entry is inflated in one call (see `entryInflater`). A
 * result file of 15 KB compresses to about 2 KB; one at the 5 MB cap to well under this.
 */
export const WHOLE_INFLATE_MAX = 256 * 1024;

/** An entry whose inflated size differs from what its header says. */
const sizeMismatch = (): FlateError =>
	Object.assign(new Error('entry size differs from its header'), { code: 0 });

/**
 * DEFLATE for archive entries, one `readZip` at a time. An entry of at most
 * `WHOLE_INFLATE_MAX` compressed bytes is held until it is whole and then inflated in one
 * call into `scratch` (one buffer of `MAX_FILE_BYTES` + 1 for the whole archive; inflating
 * into it costs at most that bounded input). A larger entry, and one that fills `scratch`
 * (over the cap, or a bomb), goes through fflate's streaming `UnzipInflate`, whose output
 * `readZip` checks as it comes. An entry whose header gives another size than it inflates
 * to is refused as broken. `ondata` gets a view of `scratch`, which `readZip` reads before
 * the next entry is inflated.
 *
 * Why: the streaming inflater allocates a 32 KB window and a 128 KB output buffer for every
 * entry and copies them on each push; in Chromium, 10,000 result files (147 MB) took 17 s
 * to inflate that way, and under 2 s inflated whole.
 */
function entryInflater(scratch: Uint8Array): UnzipDecoderConstructor {
	return class EntryInflate implements UnzipDecoder {
		static compression = 8;
		ondata: AsyncFlateStreamHandler = () => undefined;
		#stream: UnzipInflate | undefined;
		readonly #originalSize: number | undefined;
		#parts: Uint8Array[] = [];
		#received = 0;

		constructor(_name: string, size?: number, originalSize?: number) {
			this.#originalSize = originalSize;
			if (size !== undefined && size > WHOLE_INFLATE_MAX) this.#streamed();
		}

		/** Hands the entry (and what was held of it) to the streaming inflater. */
		#streamed(): UnzipInflate {
			const stream = new UnzipInflate();
			stream.ondata = (err, data, final) => this.ondata(err, data, final);
			for (const p of this.#parts.splice(0)) stream.push(p, false);
			this.#stream = stream;
			return stream;
		}

		push(chunk: Uint8Array, final: boolean): void {
			if (this.#stream) return this.#stream.push(chunk, final);
			this.#received += chunk.length;
			if (this.#received > WHOLE_INFLATE_MAX) return this.#streamed().push(chunk, final);
			// Held as handed over: fflate never writes to a buffer once it has passed it on.
			if (chunk.length) this.#parts.push(chunk);
			if (!final) return;
			const input =
				this.#parts.length === 1 ? this.#parts[0]! : joined(this.#parts, this.#received);
			this.#parts = [];
			let out: Uint8Array;
			try {
				out = inflateSync(input, { out: scratch });
			} catch (err) {
				this.ondata(err as FlateError, new Uint8Array(0), true);
				return;
			}
			// Over the cap (or a bomb): inflated again as a stream, so `readZip` sees its real
			// size as it comes and stops it at a limit.
			if (out.length > MAX_FILE_BYTES) return this.#streamed().push(input, true);
			const declared = this.#originalSize;
			if (declared !== undefined && out.length !== declared)
				this.ondata(sizeMismatch(), new Uint8Array(0), true);
			// A view of `scratch`, which is backed by a plain ArrayBuffer.
			else this.ondata(null, out as Uint8Array<ArrayBuffer>, true);
		}
	};
}

function joined(parts: readonly Uint8Array[], size: number): Uint8Array {
	const all = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		all.set(p, at);
		at += p.length;
	}
	return all;
}

const isArchive = (name: string) => /\.(zip|rar|7z|tar|gz|tgz)$/i.test(name);
const isSystemFile = (name: string) =>
	name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db)$/i.test(name);

/**
 * Streams an archive: `onEntry` gets each `.json` entry, in archive order, as soon as it
 * is whole (awaited before more bytes are read, so a slow consumer holds the stream). Throws `ZipRefused` when a limit is broken or the archive is damaged.
 */
export async function readZip(
	chunks: AsyncIterable<Uint8Array>,
	limits: ZipLimits,
	onEntry: (entry: ZipEntry) => void | Promise<void>,
): Promise<ZipStats> {
	let refusal: ZipRefusal | null = null;
	let entries = 0;
	let skipped = 0;
	let totalOut = 0;
	let totalIn = 0;
	const ready: ZipEntry[] = [];
	const refuse = (r: ZipRefusal) => {
		refusal ??= r;
	};
	const mb = (n: number) => (n / 1024 / 1024).toFixed(0);

	const unzip = new Unzip((file: UnzipFile) => {
		if (refusal) return;
		entries++;
		if (entries > limits.maxEntries)
			return refuse({ code: 'zip-entries', detail: String(limits.maxEntries) });
		const name = file.name;
		const depth = name.split('/').filter(Boolean).length - 1;
		if (depth > limits.maxDepth) return refuse({ code: 'zip-depth', detail: name });
		if (isArchive(name)) return refuse({ code: 'zip-nested', detail: name });
		if (name.endsWith('/')) return;
		const wanted = name.toLowerCase().endsWith('.json') && !isSystemFile(name);
		if (!wanted) skipped++;
		const parts: Uint8Array[] = [];
		let size = 0;
		let kept = true;
		file.ondata = (err, data, final) => {
			if (refusal) return;
			if (err) return refuse({ code: 'zip-broken', detail: name });
			size += data.length;
			totalOut += data.length;
			if (totalOut > limits.maxTotalBytes) {
				refuse({ code: 'zip-total', detail: mb(limits.maxTotalBytes) });
				return file.terminate();
			}
			// Checked as the bytes come out too, so a bomb stops within one chunk of input.
			if (totalOut > limits.ratioFloorBytes && totalOut / Math.max(1, totalIn) > limits.maxRatio) {
				refuse({ code: 'zip-ratio', detail: String(limits.maxRatio) });
				return file.terminate();
			}
			if (size === data.length && data[0] === 0x50 && data[1] === 0x4b && data[2] === 3)
				return refuse({ code: 'zip-nested', detail: name });
			if (wanted && kept) {
				if (size > MAX_FILE_BYTES) {
					// Too large to be a result file: its size is reported, its text not kept.
					kept = false;
					parts.length = 0;
				} else parts.push(data);
			}
			if (final && wanted) ready.push({ name, text: kept ? decode(parts, size) : '', size });
		};
		try {
			file.start();
		} catch {
			refuse({ code: 'zip-broken', detail: name });
		}
	});
	unzip.register(entryInflater(new Uint8Array(MAX_FILE_BYTES + 1)));

	const check = async () => {
		if (
			!refusal &&
			totalOut > limits.ratioFloorBytes &&
			totalOut / Math.max(1, totalIn) > limits.maxRatio
		)
			refuse({ code: 'zip-ratio', detail: String(limits.maxRatio) });
		if (refusal) throw new ZipRefused(refusal);
		for (const e of ready.splice(0)) await onEntry(e);
	};

	let sawData = false;
	for await (const chunk of chunks) {
		sawData = true;
		totalIn += chunk.length;
		try {
			unzip.push(chunk, false);
		} catch {
			refuse({ code: 'zip-broken', detail: '' });
		}
		await check();
	}
	try {
		unzip.push(new Uint8Array(0), true);
	} catch {
		refuse({ code: 'zip-broken', detail: '' });
	}
	if (!sawData || entries === 0) refuse({ code: 'zip-broken', detail: '' });
	await check();
	return { entries, skipped, bytes: totalOut };
}

const utf8 = new TextDecoder();

function decode(parts: Uint8Array[], size: number): string {
	return utf8.decode(parts.length === 1 ? parts[0] : joined(parts, size));
}

/** The chunks of a web `ReadableStream` (a `File`'s or `Blob`'s stream) as an async iterable. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			if (value) yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
