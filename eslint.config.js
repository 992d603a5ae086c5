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
		// The service worker runs in its own global scope.
		files: ['src/sw/**/*.js'],
		languageOptions: { globals: { ...globals.serviceworker } },
	},
);
