// @ts-check
/**
 * ESLint flat config: JavaScript and TypeScript recommended rules, Astro components,
 * browser globals for client scripts and Node globals for build, test and bench code.
 * Formatting is Prettier's job (`npm run lint` runs both).
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'.astro/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/out/',
			'bench/.tmp/',
			'public/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node, __BUILD_ID__: 'readonly' },
		},
		rules: {
			// `_`-prefixed names are deliberately unused (table-test labels, ignored tuple items).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
			],
			// Empty catch blocks are used on purpose where a failure only means "not available".
			'no-empty': ['error', { allowEmptyCatch: true }],
		},
	},
	{
		// The layering: src/lib is pure logic (content, schemas, scoring, files). It gets no
		// browser globals (storage and the clock are handed in) and imports nothing from the
		// scripts, components, pages, strings or Astro's virtual modules.
		files: ['src/lib/**'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'no-restricted-globals': [
				'error',
				...[
					'window',
					'document',
					'localStorage',
					'sessionStorage',
					'navigator',
					'location',
					'history',
					'indexedDB',
					'customElements',
					'HTMLElement',
					'Element',
					'Node',
					'Event',
					'fetch',
					'XMLHttpRequest',
					'alert',
					'confirm',
					'requestAnimationFrame',
				].map((name) => ({ name, message: 'src/lib has no DOM or browser state: hand it in.' })),
			],
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'**/scripts/**',
								'**/components/**',
								'**/pages/**',
								'**/layouts/**',
								'**/i18n/**',
							],
							message:
								'src/lib imports nothing from scripts, components, pages or strings: pass labels in.',
						},
						{ group: ['astro:*'], message: 'src/lib stays free of Astro: content is handed in.' },
					],
				},
			],
		},
	},
	{
		// The service worker runs in its own global scope.
		files: ['src/sw/**/*.js'],
		languageOptions: { globals: { ...globals.serviceworker } },
	},
);
