/**
 * Benchmark entry (bundled by bench/sections/compare-scale.mjs with esbuild): writes
 * `count` generated result files (src/lib/generate.ts) into a folder and, optionally,
 * a .zip of them, a file at a time so memory stays small however many are asked for.
 *
 * Generating is slow next to loading, so 2,000 distinct files are generated and then
 * copied with the unit and union names numbered (单位（副本 3）), which gives distinct
 * branches that the loader must still parse, check and score one by one.
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { CatalogueSchema } from '../src/lib/catalogue-schema';
import { generateResultFiles } from '../src/lib/generate';

const count = Number(process.argv[2] ?? 10000);
const folder = process.argv[3];
const zipPath = process.argv[4];
const catalogue = CatalogueSchema.parse(
	parse(readFileSync('content/criteria/catalogue.yaml', 'utf8')),
);
const base = generateResultFiles(catalogue, Math.min(count, 2000), 20261202);

const started = performance.now();
if (folder) {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
}
let zip: Zip | undefined;
let done: Promise<void> = Promise.resolve();
if (zipPath) {
	const out = createWriteStream(zipPath);
	done = new Promise((resolve, reject) => {
		zip = new Zip((err, chunk, final) => {
			if (err) return reject(err);
			out.write(chunk);
			if (final) out.end(resolve);
		});
	});
}
let bytes = 0;
for (let i = 0; i < count; i++) {
	const f = base[i % base.length]!;
	const copy = Math.floor(i / base.length);
	const text = copy
		? f.text.replace(
				/("(?:unitName|unionName)": ")([^"]*)"/g,
				(_, head: string, name: string) => `${head}${name}（副本 ${copy}）"`,
			)
		: f.text;
	const name = `${String(i).padStart(6, '0')}-${f.name}`;
	bytes += Buffer.byteLength(text);
	if (folder) writeFileSync(join(folder, name), text);
	if (zip) {
		const entry = new ZipDeflate(`各单位/${name}`, { level: 6 });
		zip.add(entry);
		entry.push(strToU8(text), true);
	}
}
zip?.end();
await done;
console.log(JSON.stringify({ count, bytes, ms: performance.now() - started }));
