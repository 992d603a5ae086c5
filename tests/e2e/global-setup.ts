/**
 * Before any test: the server on this run's port must serve this checkout's build. The
 * page's `zz-build` meta carries the build id computed from these sources; a page with
 * another id means another checkout's server answered, and every test would be testing it.
 */
import type { FullConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { computeBuildId } from '../../src/integrations/build-id';

export default async function globalSetup(config: FullConfig): Promise<void> {
	const baseURL = config.projects[0]?.use.baseURL;
	if (!baseURL) throw new Error('No baseURL in the Playwright config.');
	const expected = computeBuildId(fileURLToPath(new URL('../../', import.meta.url)));
	const html = await (await fetch(baseURL)).text();
	const served = /<meta name="zz-build" content="([^"]+)"/.exec(html)?.[1];
	if (served !== expected)
		throw new Error(
			`The server at ${baseURL} serves build ${served ?? '(none)'}, not this checkout's ${expected}.`,
		);
}
