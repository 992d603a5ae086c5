/**
 * Benchmark entry (bundled by bench/run.mjs with esbuild): generates result files and
 * times loading and aggregating them with the same library the compare page uses.
 * Also writes the files to a folder so the browser benchmark can load them.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CatalogueSchema } from '../src/lib/catalogue-schema';
import { generateResultFiles, withSizes } from '../src/lib/generate';
import { loadResultFiles, summarise, rollUpSubunits } from '../src/lib/aggregate';

const count = Number(process.argv[2] ?? 1000);
const outDir = process.argv[3];
const catalogue = CatalogueSchema.parse(
	parse(readFileSync('content/criteria/catalogue.yaml', 'utf8')),
);
const t0 = performance.now();
const files = withSizes(generateResultFiles(catalogue, count, 20261126));
const t1 = performance.now();
let n = 0;
const loaded = loadResultFiles(files, {
	catalogue,
	newId: () => `b-${++n}`,
	untitled: '导入的评估',
	now: new Date(),
	passMark: 75,
	modelMark: 90,
});
const t2 = performance.now();
const summary = summarise(loaded.entries, catalogue);
rollUpSubunits(loaded.entries);
const t3 = performance.now();
if (outDir) {
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	files.forEach((f, i) =>
		writeFileSync(join(outDir, `${String(i).padStart(4, '0')}.json`), f.text),
	);
}
const bytes = files.reduce((s, f) => s + f.size, 0);
console.log(
	JSON.stringify({
		count,
		bytes,
		generateMs: t1 - t0,
		loadMs: t2 - t1,
		summariseMs: t3 - t2,
		entries: loaded.entries.length,
		rejected: loaded.rejected.length,
		meanTotal: summary.total?.mean ?? null,
	}),
);
