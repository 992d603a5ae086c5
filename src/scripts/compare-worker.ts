/**
 * The compare page's loading worker: reads files (and .zip archives, streaming), checks
 * and scores them with the same src/lib code as everywhere, and posts progress and
 * scored entries back, so the page stays responsive with 10,000 files.
 *
 * An archive's entries are held here until the whole archive has passed its limits; a
 * refused archive contributes nothing. The page itself commits a load only on `done`.
 */
import { scoreFile, type FileInput, type OverviewEntry, type Rejected } from '../lib/overview-load';
import { BROWSER_ZIP_LIMITS, readZip, streamChunks, ZipRefused } from '../lib/zip-read';
import { MAX_FILE_BYTES } from '../lib/result-file';
import type { LoadItem, LoadMessage, LoadRequest } from './compare-load-protocol';

const scope = self as unknown as {
	postMessage(m: LoadMessage): void;
	onmessage: ((e: MessageEvent<LoadRequest>) => void) | null;
};
const post = (m: LoadMessage) => scope.postMessage(m);

/** Entries per message: small enough that the page takes each in a few milliseconds. */
const BATCH = 250;

scope.onmessage = (e) => {
	load(e.data).catch((err: unknown) => post({ type: 'failed', message: String(err) }));
};

const isZip = (name: string) => name.toLowerCase().endsWith('.zip');
const isJson = (item: LoadItem) =>
	item.name.toLowerCase().endsWith('.json') ||
	('file' in item && item.file.type === 'application/json');

async function load(req: LoadRequest): Promise<void> {
	const started = performance.now();
	let id = 0;
	const opts = {
		catalogue: req.catalogue,
		newId: () => `compare-${++id}`,
		now: new Date(req.now),
		untitled: req.untitled,
		passMark: req.marks.passMark,
		modelMark: req.marks.modelMark,
		marks: req.marks,
	};
	// A lone file is tried whatever its name; in a crowd, only .json files and archives.
	// Texts are this browser's saved assessments (named for the reader, not by extension).
	const items =
		req.items.length === 1
			? req.items
			: req.items.filter((i) => 'text' in i || isJson(i) || isZip(i.name));
	let skipped = req.items.length - items.length;
	const totalBytes = items.reduce((s, i) => s + ('file' in i ? i.file.size : i.text.length), 0);
	let bytes = 0;
	let read = 0;
	let valid = 0;
	let problems = 0;
	let lastPost = 0;
	let pending: OverviewEntry[] = [];
	let rejected: Rejected[] = [];

	const progress = (force = false) => {
		const now = performance.now();
		if (!force && now - lastPost < 100) return;
		lastPost = now;
		post({ type: 'progress', read, valid, problems, bytes, totalBytes });
	};
	const flush = (entries: OverviewEntry[]) => {
		for (let i = 0; i < entries.length; i += BATCH)
			post({ type: 'entries', entries: entries.slice(i, i + BATCH) });
	};
	/** Scores one file into `into` (entries) or the rejected list. */
	const take = (file: FileInput, into: OverviewEntry[], rejects: Rejected[]) => {
		read++;
		const outcome = scoreFile(file, opts);
		if (outcome.ok) {
			valid++;
			into.push(outcome.entry);
		} else {
			problems++;
			rejects.push({ name: file.name, reason: outcome.reason });
		}
	};

	for (const item of items) {
		if ('text' in item) {
			take({ name: item.name, text: item.text, size: item.text.length }, pending, rejected);
			bytes += item.text.length;
		} else if (isZip(item.name)) {
			// An archive: its entries and problems are kept apart until it has been read whole.
			const own: OverviewEntry[] = [];
			const ownRejects: Rejected[] = [];
			const before = { read, valid, problems };
			const base = bytes;
			let inBytes = 0;
			const counted = async function* () {
				for await (const chunk of streamChunks(item.file.stream())) {
					inBytes += chunk.length;
					bytes = base + inBytes;
					yield chunk;
				}
			};
			try {
				const stats = await readZip(counted(), BROWSER_ZIP_LIMITS, (entry) => {
					take(
						{ name: `${item.name}/${entry.name}`, text: entry.text, size: entry.size },
						own,
						ownRejects,
					);
					progress();
				});
				skipped += stats.skipped;
				pending.push(...own);
				rejected.push(...ownRejects);
			} catch (err) {
				if (!(err instanceof ZipRefused)) throw err;
				({ read, valid, problems } = before);
				problems++;
				post({ type: 'archive-refused', name: item.name, refusal: err.refusal });
			}
			bytes = base + item.file.size;
		} else {
			// Files over the cap are not read at all; the size check refuses them.
			const text = item.file.size > MAX_FILE_BYTES ? '' : await item.file.text();
			take({ name: item.name, text, size: item.file.size }, pending, rejected);
			bytes += item.file.size;
		}
		if (pending.length >= BATCH) {
			flush(pending);
			pending = [];
		}
		if (rejected.length >= BATCH) {
			post({ type: 'rejected', rejected });
			rejected = [];
		}
		progress();
	}
	flush(pending);
	if (rejected.length) post({ type: 'rejected', rejected });
	progress(true);
	post({
		type: 'done',
		read,
		valid,
		problems,
		skipped,
		ms: Math.round(performance.now() - started),
	});
}
