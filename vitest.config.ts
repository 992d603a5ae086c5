import { defineConfig } from 'vitest/config';
export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		// The unit tests are pure (no mocks, stubs or fake timers; storage is handed in), so each
		// worker runs its files in one module graph instead of a fresh one per file (40 → 17 s).
		isolate: false,
	},
});
