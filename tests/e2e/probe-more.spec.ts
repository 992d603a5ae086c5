import { test } from '@playwright/test';
test('probe', async ({ page }) => {
	await page.goto('/assess/');
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.evaluate(() => {
		const i = document.createElement('input');
		i.type = 'file';
		i.id = 'probe';
		document.body.append(i);
	});
	await page.locator('#probe').setInputFiles('/tmp/zzzj-hardening-MqS2S4/接近上限.json');
	for (let r = 0; r < 3; r++)
		console.log(
			await page.evaluate(async () => {
				const f = (document.getElementById('probe') as HTMLInputElement).files![0]!;
				const a = performance.now();
				const t = await f.text();
				const b = performance.now();
				const d = JSON.parse(t);
				const c = performance.now();
				let k = 0;
				for (const key in d.assessment.answers) {
					if (++k > 1001) break;
				}
				const e = performance.now();
				return { text: b - a, parse: c - b, keys: e - c, k };
			}),
		);
});
