import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStrings } from '../../src/i18n/check';
import strings from '../../src/i18n/zh-CN.json';

const STRINGS_PATH = 'src/i18n/zh-CN.json';
const keys = new Set(Object.keys(strings));

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}
const sources = walk('src').filter((f) => /\.(astro|ts)$/.test(f));

/** Keys passed to `t('…')` and `pick([...])` in one source file. */
function usedKeys(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/(?<![\w$.])t\(\s*(['"`])([^'"`$]+)\1/g)) out.push(m[2]!);
	for (const m of text.matchAll(/(?<![\w$.])pick\(\s*\[([^\]]*)\]/g))
		for (const k of m[1]!.matchAll(/(['"`])([^'"`]+)\1/g)) out.push(k[2]!);
	return out;
}

describe('checkStrings', () => {
	it('passes on src/i18n/zh-CN.json', () => {
		expect(() => checkStrings()).not.toThrow();
		expect(() => checkStrings(JSON.parse(readFileSync(STRINGS_PATH, 'utf8')))).not.toThrow();
	});

	it.each([
		['an upper-case key', { 'Nav.home': '首页' }, 'Nav.home'],
		['a key without a dot', { nav: '首页' }, 'nav'],
		['a key with an empty segment', { 'nav..home': '首页' }, 'nav..home'],
		['a key with an underscore', { 'nav.go_home': '首页' }, 'nav.go_home'],
		['a key with a space', { 'nav.go home': '首页' }, 'nav.go home'],
		['a key starting with a digit', { '1nav.home': '首页' }, '1nav.home'],
		['an empty value', { 'nav.home': '' }, 'nav.home'],
		['a TODO', { 'nav.home': 'TODO 首页' }, 'nav.home'],
		['a lower-case todo', { 'nav.home': '首页 todo' }, 'nav.home'],
		['待补充', { 'nav.home': '待补充' }, 'nav.home'],
		['lorem ipsum', { 'nav.home': 'Lorem ipsum' }, 'nav.home'],
		['a number value', { 'nav.home': 1 }, 'nav.home'],
		['a null value', { 'nav.home': null }, 'nav.home'],
	] as const)('throws for %s, naming the key', (_label, input, key) => {
		expect(() => checkStrings({ 'site.name': '职工之家', ...input })).toThrow(key);
		expect(() => checkStrings({ 'site.name': '职工之家', ...input })).toThrow(
			/^src\/i18n\/zh-CN\.json: /,
		);
	});

	it.each([
		['an array', ['x']],
		['a string', 'x'],
		['null', null],
	] as const)('throws for %s', (_label, input) => {
		expect(() => checkStrings(input)).toThrow();
	});

	it('accepts {{name}} placeholders', () => {
		expect(() => checkStrings({ 'search.count': '找到 {{n}} 个相关页面' })).not.toThrow();
	});
});

describe('zh-CN.json', () => {
	it('has no duplicate keys (JSON.parse would silently keep the last)', () => {
		const raw = readFileSync(STRINGS_PATH, 'utf8');
		const all = [...raw.matchAll(/^\s*"([^"]+)"\s*:/gm)].map((m) => m[1]!);
		expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
		expect(all.length).toBe(keys.size);
	});

	it('placeholders are well formed', () => {
		for (const [key, value] of Object.entries(strings)) {
			const stripped = value.replace(/\{\{\w+\}\}/g, '');
			expect(stripped, key).not.toMatch(/\{\{|\}\}/);
		}
	});

	it('values have no leading or trailing spaces', () => {
		for (const [key, value] of Object.entries(strings)) expect(value.trim(), key).toBe(value);
	});
});

describe('keys used in the source exist', () => {
	it('the source scan finds t() calls', () => {
		expect(sources.length).toBeGreaterThan(0);
		expect(sources.flatMap((f) => usedKeys(readFileSync(f, 'utf8'))).length).toBeGreaterThan(10);
	});

	it('the scanner reads the forms used in the source', () => {
		expect(
			usedKeys(`{t('nav.home')} t("a.b") t(\`c.d\`) t( 'e.f', { n: 1 }) pick(['g.h', "i.j"])`),
		).toEqual(['nav.home', 'a.b', 'c.d', 'e.f', 'g.h', 'i.j']);
		expect(usedKeys(`split('x') set('y') obj.t('z') $t('w')`)).toEqual([]);
	});

	it.each(sources.map((f) => [f] as const))('%s', (file) => {
		const missing = usedKeys(readFileSync(file, 'utf8')).filter((k) => !keys.has(k));
		expect([...new Set(missing)]).toEqual([]);
	});
});
