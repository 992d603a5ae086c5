/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so every
 * `astro build` ships a fresh search index. Any error fails the build.
 * The extended binary (shipped by the npm package) segments Chinese pages
 * marked `<html lang="zh-CN">`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Version embedded in pagefind's fetch URLs so a service worker can cache them. */
export function pagefindIntegration(): AstroIntegration {
	return {
		name: 'local:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
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
					logger.info(`Indexed ${added.page_count} pages for search.`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
