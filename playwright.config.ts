/**
 * End-to-end tests against the built site (build, then preview), in Chromium.
 * Set CHROMIUM_PATH to use another browser binary; by default Debian's /usr/bin/chromium
 * is used when it exists, otherwise Playwright's own browser.
 */
import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isCI = Boolean(process.env['CI']);
const executablePath =
	process.env['CHROMIUM_PATH'] ??
	(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * A free port chosen once per run, so two checkouts on one machine never test each other's
 * server (Astro's preview moves to the next port when its own is busy). The config is read
 * again in every worker; they inherit E2E_PORT from the runner, so all agree on one port.
 */
function freePort(): number {
	const script =
		"const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
	return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
process.env['E2E_PORT'] ??= String(freePort());
const port = Number(process.env['E2E_PORT']);

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	reporter: [['list']],
	globalSetup: './tests/e2e/global-setup.ts',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'off',
		// Each new context would otherwise install the service worker and precache the whole
		// site (≈ 360 files) while the test runs. offline.spec.ts allows it where it is tested.
		serviceWorkers: 'block',
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
		// Never reuse: a server already on this port is not this checkout's build.
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
