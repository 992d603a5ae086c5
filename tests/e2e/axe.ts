/**
 * axe-core on the page as it is now: the one accessibility audit every spec uses.
 *
 * axe is evaluated into the page once (a page that already has it keeps it) and run there,
 * asked for its violations only. @axe-core/playwright injected the script again at every
 * call, ran its last pass in a second, blank page and sent every passing node back: about
 * four times the cost of an audit, which over the suite's audits came to minutes of CI.
 * The site's pages have no frames, so a run in the page sees everything the builder saw.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The axe rules that depend on colour. Structure, names and roles do not change with the
 * colour scheme, so a dark scheme is audited with these alone.
 */
export const COLOUR_RULES: readonly string[] = ['color-contrast', 'link-in-text-block'];

const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

/** One violation as the failure message shows it: rule, impact, help and up to five nodes. */
function describe(v: AxeResults['violations'][number]): string {
	const nodes = v.nodes
		.slice(0, 5)
		.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`);
	return `${v.id} (${v.impact ?? 'unknown'}) ${v.help}: ${nodes.join(' | ')}`;
}

/** What to audit: only these rules (e.g. COLOUR_RULES) and only inside this selector. */
export interface AuditScope {
	rules?: readonly string[];
	include?: string;
}

/**
 * Runs axe on the page and fails with a readable list of violations, naming `what`.
 * Without `scope.rules` every WCAG_TAGS rule runs, on the whole document.
 */
export async function audit(page: Page, what: string, scope: AuditScope = {}): Promise<void> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const options: RunOptions = {
		runOnly: scope.rules
			? { type: 'rule', values: [...scope.rules] }
			: { type: 'tag', values: [...WCAG_TAGS] },
		resultTypes: ['violations'],
	};
	const violations = await page.evaluate(
		async ({ include, options }) => {
			const { axe } = window as unknown as { axe: { run: typeof import('axe-core').run } };
			return (await axe.run(include ?? document, options)).violations;
		},
		{ include: scope.include ?? null, options },
	);
	expect(violations.map(describe), `axe violations on ${what}`).toEqual([]);
}
