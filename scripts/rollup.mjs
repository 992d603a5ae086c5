#!/usr/bin/env node
/**
 * `npm run rollup -- <folder|file.zip> --out <dir>`: the 上级工会 overview from the command
 * line. Bundles scripts/rollup-cli.ts (TypeScript, the same src/lib code as the compare
 * page) with esbuild, as the benchmark does, then runs it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'zhigong-rollup', 'rollup-cli.mjs');
mkdirSync(dirname(outfile), { recursive: true });
const esbuild = await import('esbuild');
await esbuild.build({
	entryPoints: [join(root, 'scripts', 'rollup-cli.ts')],
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	outfile,
	logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), root);
