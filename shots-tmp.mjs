import { chromium } from 'playwright';
import { serve } from '/work/wt-compare-scale/bench/static-server.mjs';
const server = await serve('/work/wt-compare-scale/dist', 4518);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [five, big] = process.argv.slice(2);
for (const [label, files] of [['5', five.split(',')], ['2000', [big]]]) {
	for (const [w, h, tag] of [[1280, 900, 'desktop'], [360, 780, 'phone']]) {
		const page = await b.newPage({ viewport: { width: w, height: h } });
		page.on('pageerror', (e) => console.log('pageerror:', e.message));
		await page.goto(server.url + '/compare/');
		await page.locator('input[data-files]').setInputFiles(files);
		await page.locator('[data-load-status]', { hasText: '已载入' }).waitFor({ timeout: 300000 });
		await page.locator('#ov-h').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `/tmp/cs/shot-${label}-${tag}.png`, fullPage: false });
		await page.locator('.overview-scroll').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `/tmp/cs/shot-${label}-${tag}-table.png`, fullPage: false });
		if (label === '5') {
			await page.locator('[data-overview-body] .link-button').first().click();
			await page.screenshot({ path: `/tmp/cs/shot-${label}-${tag}-summary.png`, fullPage: false });
		}
		await page.close();
	}
}
await b.close(); await server.stop();
