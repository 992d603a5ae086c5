/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so every
 * `astro build` ships a fresh search index. Any error fails the build.
 * The extended binary (shipped by the npm package) segments Chinese pages
 * marked `<html lang="zh-CN">`.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rechunkPagefindBundle } from './pagefind-chunks.ts';
import { minifyWorker, trimFragments, writePageSummaries } from './pagefind-fragments.ts';
import { recompressBundle } from './pagefind-recompress.ts';

/** The integration: index, write, then re-split the word index. */
export function pagefindIntegration(): AstroIntegration {
	return {
		name: 'local:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const pagefind = await import('pagefind');
				const outDir = fileURLToPath(dir);
				const { index, errors: createErrors } = await pagefind.createIndex({
					forceLanguage: 'zh-cn',
				});
				try {
					if (!index) throw new Error(`pagefind: createIndex failed: ${createErrors.join('; ')}`);
					const added = await index.addDirectory({ path: outDir });
					if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
					if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
					const indexed = performance.now();
					logger.info(
						`Indexed ${added.page_count} pages for search in ${((indexed - started) / 1000).toFixed(1)} s.`,
					);
					// Smaller word-index chunks: a first query fetches far less (see pagefind-chunks.ts).
					const bundle = join(outDir, 'pagefind');
					for (const r of rechunkPagefindBundle(bundle)) {
						logger.info(
							`Search index (${r.language}): ${r.before} chunks re-split into ${r.after}, largest ${(r.largest / 1024).toFixed(1)} KB, in ${((performance.now() - indexed) / 1000).toFixed(1)} s.`,
						);
					}
					// Smaller page fragments and worker script (see pagefind-fragments.ts).
					const f = trimFragments(bundle);
					const w = await minifyWorker(bundle);
					const pages = writePageSummaries(bundle);
					logger.info(
						`Search fragments: ${f.files} trimmed from ${(f.before / 1024).toFixed(1)} to ${(f.after / 1024).toFixed(1)} KB; worker minified from ${(w.before / 1024).toFixed(1)} to ${(w.after / 1024).toFixed(1)} KB.`,
					);
					logger.info(`Page summaries for search: ${pages.pages} pages, ${pages.bytes} bytes.`);
					// Last: every data file as written above, compressed harder (see pagefind-recompress.ts).
					const zipped = performance.now();
					const z = await recompressBundle(bundle);
					logger.info(
						`Search data recompressed with zopfli: ${z.smaller} of ${z.files} files smaller, ${(z.before / 1024).toFixed(1)} → ${(z.after / 1024).toFixed(1)} KB, in ${((performance.now() - zipped) / 1000).toFixed(1)} s.`,
					);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
