// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { serviceWorkerIntegration } from './src/integrations/service-worker.ts';
import { computeBuildId } from './src/integrations/build-id.ts';
import { docxTypeIntegration } from './src/integrations/docx-type.ts';
import { stringsSubsetIntegration } from './src/integrations/strings-subset.ts';

const buildId = computeBuildId(process.cwd());

export default defineConfig({
	site: 'https://zhigong-zhijia.example.org',
	trailingSlash: 'always',
	// Whitespace between inline elements matters in Chinese running text only rarely,
	// but the 'jsx' default drops it between links and labels; keep it.
	compressHTML: true,
	integrations: [
		mdx(),
		// Before the search index and the service worker read the built pages.
		stringsSubsetIntegration(),
		pagefindIntegration(),
		serviceWorkerIntegration(buildId),
		docxTypeIntegration(),
	],
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data: blob:",
				"connect-src 'self'",
				"worker-src 'self' blob:",
				"manifest-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
		},
	},
	// Tests that build the site twice (service-worker update) write to their own folders.
	outDir: process.env['ASTRO_OUT_DIR'] ?? './dist',
	build: { format: 'directory' },
	// Keep caches inside the work tree (not node_modules) so parallel work trees never share them.
	cacheDir: './.astro/cache',
	vite: { cacheDir: './.astro/vite', define: { __BUILD_ID__: JSON.stringify(buildId) } },
	markdown: { syntaxHighlight: false },
	devToolbar: { enabled: false },
});
