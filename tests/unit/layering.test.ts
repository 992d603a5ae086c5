/** The ESLint config enforces the layering: src/lib has no browser globals and imports no page code. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lint loads the whole config (TypeScript and Astro parsers): slow on a busy machine.
describe('src/lib layering', { timeout: 180_000 }, () => {
	it.each([
		['window', 'export const w = window.innerWidth;\n', 'no-restricted-globals'],
		['document', 'export const d = document.title;\n', 'no-restricted-globals'],
		['localStorage', 'export const n = localStorage.length;\n', 'no-restricted-globals'],
		['navigator', 'export const l = navigator.language;\n', 'no-restricted-globals'],
		['a script', "export { Session } from '../scripts/session';\n", 'no-restricted-imports'],
		[
			'a component',
			"import C from '../components/Footer.astro';\nexport { C };\n",
			'no-restricted-imports',
		],
		['a page', "import P from '../pages/index.astro';\nexport { P };\n", 'no-restricted-imports'],
		['the strings', "export { t } from '../i18n/t';\n", 'no-restricted-imports'],
		['astro:content', "export { getCollection } from 'astro:content';\n", 'no-restricted-imports'],
	])('refuses %s', async (_label, code, rule) => {
		expect(await ruleIds(code, 'src/lib/layering-probe.ts')).toContain(rule);
	});

	it('allows the same in a client script, and pure code in src/lib', async () => {
		expect(await ruleIds('export const w = window.innerWidth;\n', 'src/scripts/probe.ts')).toEqual(
			[],
		);
		expect(
			await ruleIds(
				"import { LIMITS } from './assessment';\nexport const n = LIMITS.note;\n",
				'src/lib/probe.ts',
			),
		).toEqual([]);
	});
});
