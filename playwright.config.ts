/**
 * End-to-end tests against the built site (build, then preview), in Chromium.
 * Set CHROMIUM_PATH to use another browser binary; by default Debian's /usr/bin/chromium
 * is used when it exists, otherwise Playwright's own browser.
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const isCI = Boolean(process.env['CI']);
const executablePath =
	process.env['CHROMIUM_PATH'] ??
	(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env['PORT'] ?? 4329);

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'off',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					...(executablePath ? { executablePath } : {}),
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
					],
				},
			},
		},
	],
	webServer: {
		command: `npm run build && npx astro preview --host 127.0.0.1 --port ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !isCI,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
