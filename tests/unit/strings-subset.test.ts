import { describe, expect, it } from 'vitest';
import { importsOf, usedKeys } from '../../src/integrations/strings-subset';

const keys = [
	'assess.saved',
	'assess.savedAt',
	'form.error.tooLarge',
	'form.error.notNumber',
	'form.kept',
	'plan.status.todo',
	'plan.status.done',
	'compare.title',
	'survey.warn.low',
];

describe('usedKeys keeps the strings a page’s code can ask for', () => {
	it.each([
		['a key written out', 't(`assess.saved`)', ['assess.saved']],
		[
			'a longer key that starts with another key keeps both',
			't("assess.savedAt")',
			['assess.saved', 'assess.savedAt'],
		],
		[
			'a template completing a prefix keeps every key under it',
			't(`form.error.${e.code}`)',
			['form.error.tooLarge', 'form.error.notNumber'],
		],
		['a prefix completed with +', 't("plan.status."+s)', ['plan.status.todo', 'plan.status.done']],
		['a prefix completed with + after a space', "t('survey.warn.' + w)", ['survey.warn.low']],
		['a prefix that is only text keeps nothing under it', 'const s = `form.error.`; x(s)', []],
		['an unrelated page keeps nothing', 'document.title = "x"', []],
		[
			'a shorter prefix is not a completion of a deeper one',
			't(`form.${f}`)',
			['form.error.tooLarge', 'form.error.notNumber', 'form.kept'],
		],
	])('%s', (_, code, kept) => {
		expect([...usedKeys(keys, code)].sort()).toEqual([...kept].sort());
	});
});

describe('importsOf finds the chunks a built module loads', () => {
	it.each([
		[
			'static imports',
			'import{a as b}from"./session.CDrHXiek.js";import"./dom.x1.js";',
			['./session.CDrHXiek.js', './dom.x1.js'],
		],
		['a dynamic import', 'const m=await import(`./charts.A1.js`)', ['./charts.A1.js']],
		['a parent folder', 'import{x}from"../lib/y.js"', ['../lib/y.js']],
		[
			'the chunk list of a preload helper',
			'__vitePreload(()=>import("./c.js"),["assets/c.js","d.js"])',
			['./c.js', './d.js'],
		],
		['no imports', 'console.log(1)', []],
	])('%s', (_, code, found) => {
		for (const f of found) expect(importsOf(code)).toContain(f);
		if (!found.length) expect(importsOf(code)).toEqual([]);
	});
});
