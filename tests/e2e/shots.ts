/**
 * Pictures for a person to look at: screenshots and print previews of the pages as the
 * tests leave them. Taken only when E2E_SHOTS names a folder (`E2E_SHOTS=/tmp/shots npm run
 * test:e2e`); an ordinary run, and CI, spends no time on them. They assert nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const DIR = process.env['E2E_SHOTS'];

/** A screenshot of the page (the window, or the whole page with `fullPage`) as `<name>.png`. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
	if (!DIR) return;
	mkdirSync(DIR, { recursive: true });
	await page.screenshot({ path: join(DIR, `${name}.png`), fullPage });
}

/**
 * The print preview: the page printed to A4 PDF, and its first two pages as PNG (pdftoppm,
 * where installed).
 */
export async function printShot(page: Page, name: string): Promise<void> {
	if (!DIR) return;
	mkdirSync(DIR, { recursive: true });
	const pdf = join(DIR, `${name}.pdf`);
	await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
	try {
		execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, join(DIR, name)]);
	} catch (e) {
		// Without poppler-utils there is the PDF alone.
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
}
