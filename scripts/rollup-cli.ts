/**
 * The roll-up command (run through scripts/rollup.mjs): reads a folder or a .zip of
 * result files a file at a time, scores each with the compare page's own code, and
 * writes the overview CSV (one row per file, written as it goes) and a summary.
 * Memory stays bounded: an entry is dropped once its CSV row is written and the summary
 * has taken its figures (a few numbers per file).
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, opendir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { CatalogueSchema } from '../src/lib/catalogue-schema';
import { defaultMarks } from '../src/lib/scoring';
import { copyKey, scoreFile, type OverviewEntry } from '../src/lib/overview-load';
import { SummaryBuilder, type Summary } from '../src/lib/overview-stats';
import { overviewColumns } from '../src/lib/overview-columns';
import { csvLine, overviewCsvHeader, overviewCsvRow } from '../src/lib/export-csv';
import { BOM } from '../src/lib/csv';
import { CLI_ZIP_LIMITS, readZip, ZipRefused } from '../src/lib/zip-read';
import { MAX_FILE_BYTES } from '../src/lib/result-file';
import { f1 } from '../src/lib/compare-view';
import { t, type StringKey } from '../src/i18n/t';

/** Reasons a file was not counted, with how many and the first few names. */
interface Problems {
	byCode: Map<string, { count: number; examples: string[] }>;
	duplicates: { name: string; kept: string }[];
}

const EXAMPLES = 5;
const usage = t('rollup.usage');

/** Runs the command; resolves to the exit code. */
export async function main(args: string[], root: string): Promise<number> {
	const outAt = args.indexOf('--out');
	const input = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1);
	const outDir = outAt >= 0 ? args[outAt + 1] : undefined;
	if (!input || !outDir) {
		console.error(usage);
		return 2;
	}
	const catalogue = CatalogueSchema.parse(
		parse(await readFile(join(root, 'content', 'criteria', 'catalogue.yaml'), 'utf8')),
	);
	const marks = defaultMarks(catalogue);
	let n = 0;
	const opts = {
		catalogue,
		newId: () => `rollup-${++n}`,
		now: new Date(),
		untitled: t('import.untitled'),
		...marks,
		marks,
	};
	const columns = overviewColumns(catalogue, t);
	await mkdir(outDir, { recursive: true });
	const csvPath = join(outDir, t('rollup.csvName'));
	const partPath = `${csvPath}.part`;
	const csv = createWriteStream(partPath);
	await write(csv, BOM + csvLine(overviewCsvHeader(columns)));

	const summary = new SummaryBuilder(catalogue);
	const seen = new Map<string, string>();
	const problems: Problems = { byCode: new Map(), duplicates: [] };
	let read = 0;
	let valid = 0;
	const started = performance.now();
	const problem = (code: string, name: string) => {
		const p = problems.byCode.get(code) ?? { count: 0, examples: [] };
		p.count++;
		if (p.examples.length < EXAMPLES) p.examples.push(name);
		problems.byCode.set(code, p);
	};
	const take = async (file: { name: string; text: string; size: number }) => {
		read++;
		const outcome = scoreFile(file, opts);
		if (!outcome.ok) return problem(outcome.reason.code, file.name);
		const e: OverviewEntry = outcome.entry;
		const key = copyKey(e);
		const kept = seen.get(key);
		if (kept !== undefined) {
			problems.duplicates.push({ name: file.name, kept });
			return;
		}
		seen.set(key, file.name);
		valid++;
		summary.add(e);
		await write(csv, csvLine(overviewCsvRow(e, columns)));
		if (read % 5000 === 0) console.error(t('rollup.progress', { read, valid }));
	};

	try {
		if ((await stat(input)).isDirectory()) {
			for await (const path of walk(input)) {
				const name = relative(input, path);
				if (!name.toLowerCase().endsWith('.json')) continue;
				const size = (await stat(path)).size;
				await take({ name, size, text: size > MAX_FILE_BYTES ? '' : await readFile(path, 'utf8') });
			}
		} else {
			// The archive's entries are scored as they stream out; the CSV stays a .part file
			// until the whole archive has passed its limits.
			await readZip(createReadStream(input), CLI_ZIP_LIMITS, take);
		}
	} catch (err) {
		csv.destroy();
		await rm(partPath, { force: true });
		if (err instanceof ZipRefused) {
			console.error(
				t('compare.zipRefused', {
					name: basename(input),
					reason: t(`zip.${err.refusal.code}` as StringKey, { detail: err.refusal.detail }),
				}),
			);
			return 1;
		}
		throw err;
	}
	await new Promise<void>((resolve, reject) =>
		csv.end((e?: Error | null) => (e ? reject(e) : resolve())),
	);
	await rename(partPath, csvPath);
	const result = summary.result();
	const seconds = (performance.now() - started) / 1000;
	const text = summaryText(result, problems, { input, read, valid, seconds });
	await writeFile(join(outDir, t('rollup.summaryName')), text);
	await writeFile(
		join(outDir, 'summary.json'),
		JSON.stringify(
			{
				input,
				read,
				valid,
				seconds,
				summary: result,
				problems: Object.fromEntries(problems.byCode),
				duplicates: problems.duplicates,
			},
			null,
			2,
		),
	);
	console.error(t('rollup.done', { read, valid, seconds: seconds.toFixed(1), out: outDir }));
	return 0;
}

/** Writes and waits when the stream's buffer is full, so memory stays bounded. */
function write(stream: WriteStream, chunk: string): Promise<void> {
	return stream.write(chunk)
		? Promise.resolve()
		: new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** Every file under a folder, depth first, names in order. */
async function* walk(dir: string): AsyncGenerator<string> {
	const names: { name: string; dir: boolean }[] = [];
	for await (const d of await opendir(dir)) names.push({ name: d.name, dir: d.isDirectory() });
	names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const d of names) {
		const path = join(dir, d.name);
		if (d.dir) yield* walk(path);
		else yield path;
	}
}

/** The summary as Markdown (readable as plain text). */
function summaryText(
	s: Summary,
	problems: Problems,
	run: { input: string; read: number; valid: number; seconds: number },
): string {
	const lines: string[] = [
		`# ${t('rollup.title')}`,
		'',
		t('rollup.counts', {
			input: run.input,
			read: run.read,
			valid: run.valid,
			seconds: run.seconds.toFixed(1),
		}),
		'',
	];
	if (s.total)
		lines.push(
			t('compare.meanTotal', {
				mean: f1(s.total.mean),
				median: f1(s.total.median),
				p25: f1(s.total.p25),
			}),
			'',
		);
	if (s.completeShare !== null)
		lines.push(t('compare.completeShare', { share: f1(s.completeShare * 100) }), '');
	lines.push(
		`## ${t('compare.bandsTitle')}`,
		'',
		`| ${t('compare.col.band')} | ${t('compare.col.count')} | ${t('compare.col.share')} |`,
		'|---|---|---|',
	);
	for (const b of s.bands) lines.push(`| ${b.name} | ${b.count} | ${f1(b.share * 100)}% |`);
	lines.push('', `## ${t('compare.statsTitle')}`, '');
	lines.push(
		`| ${t('compare.col.category')} | ${t('compare.col.n')} | ${t('compare.col.mean')} | ${t('compare.col.weakest')} | ${t('compare.col.median')} |`,
		'|---|---|---|---|---|',
	);
	for (const k of s.categories.filter((x) => !x.bonus))
		lines.push(
			`| ${k.id} ${k.title} | ${k.stats?.n ?? 0} | ${f1(k.stats?.mean)} | ${f1(k.stats?.weakestQuarterMean)} | ${f1(k.stats?.median)} |`,
		);
	lines.push('', t('compare.statsNote.weakest'), '', `## ${t('compare.weakTitle')}`, '');
	for (const w of s.weakCriteria.slice(0, 10))
		lines.push(
			`- ${w.id} ${w.title}：${t('compare.weakLine', { share: f1(w.weakShare * 100), weak: w.weakCount, answered: w.answeredCount })}`,
		);
	lines.push('', `## ${t('rollup.problemsTitle')}`, '');
	if (!problems.byCode.size && !problems.duplicates.length) lines.push(t('rollup.noProblems'));
	for (const [code, p] of problems.byCode)
		lines.push(
			`- ${t('rollup.problemLine', { count: p.count, examples: p.examples.join('、') })}${t(`import.${code}` as StringKey, { detail: '…' })}`,
		);
	if (problems.duplicates.length) {
		lines.push(`- ${t('rollup.duplicates', { count: problems.duplicates.length })}`);
		for (const d of problems.duplicates.slice(0, 20))
			lines.push(`  - ${d.name}：${t('import.duplicate', { detail: d.kept })}`);
	}
	return lines.join('\n') + '\n';
}
