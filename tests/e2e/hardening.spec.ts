/**
 * Hardening: the Content Security Policy holds through interactions (every page as loaded
 * is checked in site.spec.ts's sweep);
 * the built HTML has no inline style or event-handler attributes; hostile imports are
 * refused without touching saved data (their speed is in `npm run bench`); a full storage quota is reported and
 * recovered from; markup typed into every text field stays text everywhere it appears.
 */
import { expect, type Page } from '@playwright/test';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateResultFiles } from '../../src/lib/generate';
import { MAX_FILE_BYTES } from '../../src/lib/result-file';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };
import {
	test,
	buildAllControls,
	builtHtml,
	catalogue,
	downloadText,
	importOnChecklist,
	makeResult,
	parseCsv,
	pickFiles,
	sitePages,
	removeTempDirs,
	tempDir,
	writeFiles,
	storageSnapshot,
	openAround,
	openManager,
	openSection,
	watchCsp,
	cspViolations,
} from './support';
import { SCHEMA_VERSION } from '../../src/lib/assessment';

// ------------------------------------------------------------------ CSP

declare global {
	interface Window {
		__xss?: unknown;
	}
}

let dir = '';
let seedPath = '';
let comparePaths: string[] = [];
test.afterAll(removeTempDirs);

test.beforeAll(() => {
	dir = tempDir('zzzj-hardening-');
	const seed = makeResult('加固测试单位工会_2025-06-01.json', {
		profile: { unitName: '加固测试单位', unionName: '加固测试单位工会' },
		level: 2,
		levels: { A2: 1, B1: 3, E2: 'na' },
		notes: { A2: '台账待补齐' },
	});
	seedPath = writeFiles(dir, [seed])[0]!;
	comparePaths = writeFiles(dir, generateResultFiles(catalogue, 12, 99));
});

test.describe('Content Security Policy', () => {
	test.describe.configure({ mode: 'parallel' });

	// Every page loaded once is checked for violations in site.spec.ts's sweep of all pages.
	test('no violation through the checklist, results with charts, print, compare and search', async ({
		page,
	}) => {
		test.setTimeout(240_000); // five pages driven through, on a possibly busy machine
		await watchCsp(page);
		// Checklist: import, answer, note, calculator.
		await importOnChecklist(page, seedPath);
		// C1's category and note are folded away until opened, as a person would.
		await openAround(page, page.locator('#criterion-C1 [name="note-C1"]'));
		await page
			.locator('#criterion-C1')
			.getByRole('radio', { name: /规范有效/ })
			.check();
		await page
			.locator('#criterion-C1')
			.getByLabel(strings['criterion.note'], { exact: true })
			.fill('说明');
		await openSection(page, 'survey');
		await page.getByLabel(strings['survey.members'], { exact: true }).fill('100');
		await page.getByLabel(strings['survey.participants'], { exact: true }).fill('80');
		await page.getByLabel(strings['survey.satisfied'], { exact: true }).fill('70');
		await page.getByRole('button', { name: strings['survey.apply'] }).click();
		expect(await cspViolations(page), 'checklist').toEqual([]);

		// Results: charts drawn (their code loaded on demand), downloads made.
		await page.goto('/assess/results/');
		await page
			.getByRole('heading', { name: strings['results.chartsTitle'] })
			.scrollIntoViewIfNeeded();
		await expect(page.getByRole('button', { name: strings['results.downloadBar'] })).toBeEnabled();
		const png = page.waitForEvent('download');
		await page.getByRole('button', { name: strings['results.downloadBar'] }).click();
		await png;
		expect(await cspViolations(page), 'results').toEqual([]);

		// Print: both charts drawn.
		await page.goto('/assess/print/');
		await page.locator('zz-print-view[data-ready]').waitFor({ state: 'attached' });
		await expect(page.locator('svg[data-radar] circle').first()).toBeAttached();
		await expect(page.locator('svg[data-bar] rect').first()).toBeAttached();
		expect(await cspViolations(page), 'print').toEqual([]);

		// Compare: files loaded, both charts drawn, CSV exported.
		await page.goto('/compare/');
		await pickFiles(page, strings['compare.pickFiles'], comparePaths);
		await page.locator('svg[data-hist-chart] rect').first().waitFor({ state: 'attached' });
		const csv = page.waitForEvent('download');
		await page.getByRole('button', { name: strings['compare.exportCsv'] }).click();
		await csv;
		expect(await cspViolations(page), 'compare').toEqual([]);

		// Search: the header box (pagefind, its wasm) and the search page.
		await page.goto('/guide/');
		const box = page.getByRole('combobox', { name: strings['search.label'] });
		await box.fill('职代会');
		await expect(page.locator('#site-search-results .search-result').first()).toBeVisible();
		expect(await cspViolations(page), 'header search').toEqual([]);
		await page.goto('/search/?q=五必访');
		await expect(page.locator('main .search-result').first()).toBeVisible();
		// Following a result highlights the term on the page it opens.
		await page.locator('main .search-result-title').first().click();
		await expect(page.locator('main mark').first()).toBeVisible();
		expect(await cspViolations(page), 'search page and highlight').toEqual([]);
	});
});

// ------------------------------------------------------------------ built HTML

/** Start tags of an HTML document, outside script and style contents and comments. */
function startTags(html: string): { name: string; attrs: string[] }[] {
	const text = html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
		.replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1</style>');
	const tags: { name: string; attrs: string[] }[] = [];
	const tagRe =
		/<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
	const attrRe = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
	for (const m of text.matchAll(tagRe))
		tags.push({
			name: m[1]!.toLowerCase(),
			attrs: [...m[2]!.matchAll(attrRe)].map((a) => a[1]!.toLowerCase()),
		});
	return tags;
}

test.describe('built HTML', () => {
	test('no element has an inline style= or on*= attribute', () => {
		const pages = builtHtml();
		expect(pages.length).toBeGreaterThanOrEqual(sitePages().length);
		const found: string[] = [];
		let tagCount = 0;
		for (const { path, html } of pages)
			for (const tag of startTags(html)) {
				tagCount++;
				for (const a of tag.attrs)
					if (a === 'style' || /^on/.test(a)) found.push(`${path}: <${tag.name} ${a}=…>`);
			}
		expect(tagCount).toBeGreaterThan(1000);
		// The scanner does see attributes (so an empty list means something).
		expect(startTags('<p style="x" onclick=y>').flatMap((t) => t.attrs)).toEqual([
			'style',
			'onclick',
		]);
		expect(found).toEqual([]);
	});

	test('every page carries the CSP meta tag before any script or stylesheet', () => {
		for (const { path, html } of builtHtml()) {
			const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
			expect(meta, `${path} has a CSP meta tag`).not.toBeNull();
			const policy = meta![1]!;
			expect(policy, path).toContain("default-src 'self'");
			expect(policy, path).toContain("object-src 'none'");
			expect(policy, path).toContain("base-uri 'self'");
			expect(policy, path).toMatch(/script-src 'self'/);
			expect(policy, path).not.toContain('unsafe-inline');
			expect(policy, path).not.toMatch(/'unsafe-eval'/);
			// Only JSON data blocks (never executed) and icon/manifest links may come before it.
			const firstAsset = html.search(
				/<script\b(?![^>]*type="application\/(?:ld\+)?json")|<link[^>]+rel="(?:stylesheet|modulepreload|preload)"|<style\b/i,
			);
			expect(firstAsset, path).toBeGreaterThan(0);
			expect(meta!.index, `${path}: CSP before the first script or stylesheet`).toBeLessThan(
				firstAsset,
			);
		}
	});

	test('the CSP meta tag is in every served page', async ({ request }) => {
		// What the server sends, not the file on disk: one CSP meta in the head of each page.
		for (const path of sitePages()) {
			const response = await request.get(path);
			expect(response.ok(), path).toBe(true);
			const head = (await response.text()).split('</head>')[0]!;
			expect(head.match(/<meta http-equiv="content-security-policy"/gi), path).toHaveLength(1);
		}
	});
});

// ------------------------------------------------------------------ import hardening

/** The opening of a result file (format, version, dates), to which hostile content is appended. */
const OPENING = `{"format":"zhigong-zhijia.assessment","schemaVersion":2,"catalogueVersion":"${catalogue.version}","exportedAt":"2025-06-01T00:00:00.000Z",`;

/** `count` answers under made-up criterion ids, padded to exactly `bytes` bytes: a hostile file. */
function manyAnswers(count: number, bytes: number): string {
	const head = `${OPENING}"assessment":{"answers":{`;
	const tail = '}},"scores":{}}';
	const entries: string[] = [];
	for (let i = 0; i < count; i++) entries.push(`"Q${i}":{"level":3,"na":false,"note":""}`);
	let spare = bytes - head.length - tail.length - entries.join(',').length;
	if (spare < 0) throw new Error(`${count} answers do not fit in ${bytes} bytes`);
	const each = Math.floor(spare / count);
	for (let i = 0; i < count; i++) {
		const pad = i === count - 1 ? spare : each;
		spare -= pad;
		entries[i] = entries[i]!.replace('"note":""', `"note":"${'x'.repeat(pad)}"`);
	}
	return `${head}${entries.join(',')}${tail}`;
}

/**
 * Sets a file on the import input and waits for the refusal; gives its text. (How fast
 * the refusal comes is measured by `npm run bench -- --only=import`, not asserted here.)
 */
async function refusal(page: Page, path: string): Promise<string> {
	const bad = page.locator('[data-messages] .notice.bad');
	await page.evaluate(() => document.querySelector('[data-messages]')!.replaceChildren());
	await page.locator('input[data-import]').setInputFiles(path);
	await expect(bad).toHaveCount(1);
	return (await bad.textContent()) ?? '';
}

test.describe('import hardening on the checklist', () => {
	test('oversized hostile files are refused with a Chinese message, saved data untouched', async ({
		page,
	}) => {
		test.setTimeout(120_000);
		const big = join(dir, '十万条答案.json');
		writeFileSync(big, manyAnswers(100_000, 5_400_000));
		const longString = join(dir, '六兆字符串.json');
		writeFileSync(longString, `${OPENING}"assessment":{"name":"${'名'.repeat(2_000_000)}"}}`);
		const nearCap = join(dir, '接近上限.json');
		writeFileSync(nearCap, manyAnswers(100_000, MAX_FILE_BYTES - 60_000));
		const sizes = [big, longString, nearCap].map((p) => statSync(p).size);
		expect(sizes[0]).toBe(5_400_000);
		expect(sizes[1]).toBeGreaterThan(6e6);
		expect(sizes[2]).toBe(MAX_FILE_BYTES - 60_000);

		await importOnChecklist(page, seedPath);
		const before = await storageSnapshot(page);
		expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);
		for (const [path, size] of [
			[big, sizes[0]!],
			[longString, sizes[1]!],
		] as const) {
			const text = await refusal(page, path);
			expect(text).toContain(`文件太大（${(size / 1024 / 1024).toFixed(1)} MB）`);
			expect(text).toContain(strings['import.unchanged']);
			expect(await storageSnapshot(page)).toEqual(before);
		}
		const text = await refusal(page, nearCap);
		expect(text).toContain('文件内容不符合格式要求（问题出在：assessment.answers）');
		expect(text).toContain(strings['import.unchanged']);
		expect(await storageSnapshot(page)).toEqual(before);
		// The page still works: the assessment list is unchanged.
		await expect(page.getByLabel(strings['assess.current'])).toHaveValue(/.+/);
	});

	test('a leading BOM is accepted; forbidden keys and newer versions are refused, storage byte-identical', async ({
		page,
	}) => {
		const good = makeResult('带BOM的文件.json', {
			profile: { unitName: 'BOM测试单位', unionName: 'BOM测试单位工会' },
			level: 3,
		});
		const variant = (change: (d: Record<string, unknown>) => void) => {
			const d = JSON.parse(good.text) as Record<string, unknown>;
			change(d);
			return JSON.stringify(d);
		};
		const refusals: { name: string; text: string; message: string }[] = [
			{
				name: '原型字段.json',
				text: good.text.replace(/^\{/, '{"__proto__": {"polluted": true},'),
				message: reasonText('forbidden-key', '__proto__'),
			},
			{
				name: '构造器字段.json',
				text: good.text.replace(/"profile": \{/, '"profile": {"constructor": {"polluted": true},'),
				message: reasonText('forbidden-key', 'constructor'),
			},
			{
				name: '原型属性字段.json',
				text: good.text.replace(/"answers": \{/, '"answers": {"prototype": {"polluted": true},'),
				message: reasonText('forbidden-key', 'prototype'),
			},
			{
				name: '新版本.json',
				text: variant((d) => (d['schemaVersion'] = SCHEMA_VERSION + 1)),
				message: reasonText('newer-version', String(SCHEMA_VERSION + 1)),
			},
			{ name: '不是JSON.json', text: '<html>not json</html>', message: reasonText('not-json', '') },
			{
				name: '未知指标.json',
				text: variant((d) => {
					const a = d['assessment'] as { answers: Record<string, unknown> };
					a.answers['Z9'] = {
						level: 3,
						na: false,
						naReason: '',
						rate: null,
						evidence: [],
						note: '',
					};
				}),
				message: reasonText('unknown-criteria', 'Z9'),
			},
		];
		const paths = writeFiles(dir, [{ name: good.name, text: `\uFEFF${good.text}` }, ...refusals]);

		await page.goto('/assess/');
		await openManager(page);
		await pickFiles(page, strings['assess.importPick'], paths[0]!);
		await expect(page.getByRole('alert').filter({ hasText: '已导入' })).toBeVisible();
		await expect(page.getByLabel(strings['profile.unitName'])).toHaveValue('BOM测试单位');
		const before = await storageSnapshot(page);
		expect(Object.values(before).some((v) => v?.includes('BOM测试单位'))).toBe(true);

		for (const [i, r] of refusals.entries()) {
			await pickFiles(page, strings['assess.importPick'], paths[i + 1]!);
			const alert = page.getByRole('alert').filter({ hasText: r.message });
			await expect(alert, r.name).toBeVisible();
			await expect(alert).toContainText(strings['import.unchanged']);
			expect(await storageSnapshot(page), `storage after ${r.name}`).toEqual(before);
			// Nothing leaked onto Object.prototype.
			expect(
				await page.evaluate(() => ({
					fresh: ({} as Record<string, unknown>)['polluted'] ?? null,
					proto: Object.hasOwn(Object.prototype, 'polluted'),
				})),
			).toEqual({ fresh: null, proto: false });
		}
		// Still one imported assessment plus the starting one, the imported one current.
		await expect(page.getByLabel(strings['profile.unitName'])).toHaveValue('BOM测试单位');
	});
});

function reasonText(code: string, detail: string): string {
	const template = (strings as Record<string, string>)[`import.${code}`]!;
	return template.replace('{{detail}}', detail);
}

// ------------------------------------------------------------------ storage quota

test('a full storage quota is reported in Chinese, the saved copy kept, and saving resumes once space is freed', async ({
	page,
}) => {
	await page.goto('/assess/');
	await page.getByLabel(strings['profile.unitName']).fill('配额测试单位');
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	const saved = await storageSnapshot(page);

	// Fill the origin's storage to the last byte under a key that is not the site's.
	const fillers = await page.evaluate(() => {
		let chunk = 1 << 20;
		let n = 0;
		let quotaHit = false;
		while (chunk >= 1) {
			try {
				localStorage.setItem(`filler.${n}`, 'x'.repeat(chunk));
				n++;
			} catch (e) {
				if ((e as Error).name !== 'QuotaExceededError') throw e;
				quotaHit = true;
				chunk = Math.floor(chunk / 2);
			}
		}
		return { n, quotaHit };
	});
	expect(fillers.quotaHit).toBe(true);

	await openAround(page, page.locator('#criterion-B2 [type="radio"]').first());
	await page
		.locator('#criterion-B2')
		.getByRole('radio', { name: /规范有效/ })
		.check();
	const alert = page.getByRole('alert').filter({ hasText: strings['assess.saveFailedQuota'] });
	await expect(alert).toBeVisible();
	await expect(
		page.getByRole('status').filter({ hasText: strings['assess.notSaved'] }),
	).toBeVisible();
	expect(await storageSnapshot(page), 'the last saved copy is untouched').toEqual(saved);

	// Free the space: the next change saves, and carries the change that failed before.
	await page.evaluate((n) => {
		for (let i = 0; i < n; i++) localStorage.removeItem(`filler.${i}`);
	}, fillers.n);
	await page
		.locator('#criterion-B3')
		.getByRole('radio', { name: /基本落实/ })
		.check();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	const after = await storageSnapshot(page);
	const stored = Object.entries(after).find(([k]) => k.startsWith('zzzj.v2.a.'))![1]!;
	const answers = (JSON.parse(stored) as { answers: Record<string, { level: number | null }> })
		.answers;
	expect(answers['B2']?.level).toBe(3);
	expect(answers['B3']?.level).toBe(2);
	// And it survives a reload.
	await page.reload();
	// Category B is folded again after a reload: open it and read the radio.
	const b2 = page.locator('#criterion-B2 [name="level-B2"][value="3"]');
	await openAround(page, b2);
	await expect(b2).toBeChecked();
	await expect(page.getByLabel(strings['profile.unitName'])).toHaveValue('配额测试单位');
});

// ------------------------------------------------------------------ XSS

test('markup typed into every text field stays literal text everywhere, and no script runs', async ({
	page,
}) => {
	test.setTimeout(180_000);
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.addInitScript(() => {
		delete window.__xss;
	});
	/** Markup that would run script if it were ever parsed as HTML; ≤ 100 characters. */
	const payload = (tag: string) =>
		`"><img src=x onerror="window.__xss='${tag}';alert(1)"><script>window.__xss=1</script>&amp;«${tag}»`;
	const noScriptRan = async (where: string) => {
		expect(await page.evaluate(() => window.__xss), where).toBeUndefined();
		expect(await page.locator('img[src="x"], [onerror], [onload]').count(), where).toBe(0);
	};

	await page.goto('/assess/');
	const profile = {
		unitName: payload('单位'),
		unionName: payload('工会'),
		parentUnion: payload('上级'),
		assessor: payload('评估人'),
	};
	for (const v of Object.values(profile)) expect(v.length).toBeLessThanOrEqual(100);
	await page.getByLabel(strings['profile.unitName']).fill(profile.unitName);
	await page.getByLabel(strings['profile.unionName']).fill(profile.unionName);
	await page.getByLabel(strings['profile.scope']).selectOption({ label: strings['scope.subunit'] });
	await page.getByLabel(strings['profile.parentUnion']).fill(profile.parentUnion);
	await page.getByLabel(strings['profile.assessor']).fill(profile.assessor);
	const name = payload('名称');
	await openManager(page);
	await page.getByLabel(strings['assess.name']).fill(name);

	const notes: Record<string, string> = {};
	const reasons: Record<string, string> = {};
	for (const c of catalogue.criteria) {
		const box = page.locator(`#criterion-${c.id}`);
		await openAround(page, box.locator('[name^="note-"]'));
		if (c.allowNotApplicable !== false) {
			await box.getByRole('checkbox', { name: strings['criterion.na'] }).check();
			reasons[c.id] = payload(`原因${c.id}`);
			await box.getByLabel(strings['criterion.naReason']).fill(reasons[c.id]!);
		} else if (c.rate) await box.getByLabel(/（%）$/).fill('95');
		else await box.getByRole('radio', { name: /基本落实/ }).check();
		notes[c.id] = payload(`说明${c.id}`);
		await box.getByLabel(strings['criterion.note'], { exact: true }).fill(notes[c.id]!);
	}
	expect(Object.keys(reasons).length).toBeGreaterThan(30);
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await noScriptRan('checklist while typing');

	// Checklist after a reload: every value restored as typed; the name shown as text in the list.
	await page.reload();
	await expect(page.getByLabel(strings['profile.unitName'])).toHaveValue(profile.unitName);
	await expect(page.getByLabel(strings['profile.unionName'])).toHaveValue(profile.unionName);
	await expect(page.getByLabel(strings['profile.parentUnion'])).toHaveValue(profile.parentUnion);
	await expect(page.getByLabel(strings['profile.assessor'])).toHaveValue(profile.assessor);
	await expect(page.getByLabel(strings['assess.name'])).toHaveValue(name);
	await expect(page.getByLabel(strings['assess.current']).locator('option:checked')).toHaveText(
		name,
	);
	// Every note and reason field, read in one round trip (by their labels' targets); all is
	// answered, so every category is folded: the first note is opened as a person would.
	const firstNote = page
		.locator(`#criterion-${catalogue.criteria[0]!.id}`)
		.getByLabel(strings['criterion.note'], { exact: true });
	await openAround(page, page.locator(`#criterion-${catalogue.criteria[0]!.id} [name^="note-"]`));
	await expect(firstNote).toHaveValue(notes[catalogue.criteria[0]!.id]!);
	await buildAllControls(page);
	const restored = await page.evaluate(
		(ids) =>
			ids.map((id) => {
				const box = document.getElementById(`criterion-${id}`);
				return [
					id,
					box?.querySelector<HTMLTextAreaElement>('textarea[name^="note-"]')?.value,
					(document.getElementById(`na-reason-${id}`) as HTMLInputElement | null)?.value ?? '',
				];
			}),
		catalogue.criteria.map((c) => c.id),
	);
	expect(restored).toEqual(catalogue.criteria.map((c) => [c.id, notes[c.id], reasons[c.id] ?? '']));
	await noScriptRan('checklist after reload');

	// Results: the unit line and the assessment list, as text; the downloads hold the exact strings.
	await page.goto('/assess/results/');
	const unit = page.locator('[data-unit]');
	for (const v of [profile.unitName, profile.unionName, profile.assessor])
		await expect(unit).toContainText(v);
	await expect(page.getByLabel(strings['results.choose']).locator('option:checked')).toHaveText(
		name,
	);
	const jsonDl = page.waitForEvent('download');
	await page.getByRole('button', { name: strings['results.downloadJson'] }).click();
	const json = JSON.parse(await downloadText(await jsonDl)) as {
		assessment: {
			name: string;
			profile: Record<string, string>;
			answers: Record<string, { note: string; naReason: string }>;
		};
	};
	expect(json.assessment.name).toBe(name);
	for (const [k, v] of Object.entries(profile)) expect(json.assessment.profile[k]).toBe(v);
	for (const c of catalogue.criteria) {
		expect(json.assessment.answers[c.id]?.note).toBe(notes[c.id]);
		expect(json.assessment.answers[c.id]?.naReason).toBe(reasons[c.id] ?? '');
	}
	const csvDl = page.waitForEvent('download');
	await page.getByRole('button', { name: strings['results.downloadCsv'] }).click();
	const csv = parseCsv((await downloadText(await csvDl)).replace(/^\uFEFF/, ''));
	const header = csv[0]!;
	const col = (label: string) => header.indexOf(label);
	for (const c of catalogue.criteria) {
		const row = csv.find((r) => r[col(strings['csv.id'])] === c.id)!;
		expect(row[col(strings['csv.unitName'])]).toBe(profile.unitName);
		expect(row[col(strings['csv.unionName'])]).toBe(profile.unionName);
		expect(row[col(strings['csv.note'])]).toBe(notes[c.id]);
		expect(row[col(strings['csv.naReason'])]).toBe(reasons[c.id] ?? '');
	}
	await noScriptRan('results');

	// Print view: the profile cells and every 情况说明 cell.
	await page.goto('/assess/print/');
	await page.locator('zz-print-view[data-ready]').waitFor({ state: 'attached' });
	await expect(page.locator('[data-p="unitName"]')).toHaveText(profile.unitName);
	await expect(page.locator('[data-p="unionName"]')).toHaveText(profile.unionName);
	await expect(page.locator('[data-p="assessor"]')).toHaveText(profile.assessor);
	const cells = await page.evaluate(
		(ids) => ids.map((id) => document.querySelector(`[data-note="${id}"]`)?.textContent ?? ''),
		catalogue.criteria.map((c) => c.id),
	);
	for (const [i, c] of catalogue.criteria.entries()) {
		expect(cells[i], c.id).toContain(notes[c.id]!);
		if (reasons[c.id])
			expect(cells[i], c.id).toContain(`${strings['criterion.na']}：${reasons[c.id]}`);
	}
	await noScriptRan('print');

	// Compare: the stored assessment is listed by its branch name; the export keeps the names exactly.
	await page.goto('/compare/');
	const table = page.getByRole('table', { name: strings['compare.overviewTitle'] });
	const branch = `${profile.unitName}·${profile.unionName}`;
	await expect(table.locator('tbody').getByRole('rowheader')).toHaveText([branch]);
	await expect(page.locator('[data-subunits]').getByRole('rowheader')).toHaveText([
		profile.parentUnion,
	]);
	// One date only: nothing to compare over time, so that section is not shown.
	await expect(page.getByRole('heading', { name: strings['compare.timeTitle'] })).toBeHidden();
	const overviewDl = page.waitForEvent('download');
	await page.getByRole('button', { name: strings['compare.exportCsv'] }).click();
	const overview = parseCsv((await downloadText(await overviewDl)).replace(/^\uFEFF/, ''));
	expect(overview).toHaveLength(2);
	expect(overview[1]!.slice(0, 4)).toEqual([
		profile.unitName,
		profile.unionName,
		'分工会或工会小组',
		profile.parentUnion,
	]);
	await noScriptRan('compare');

	expect(dialogs).toEqual([]);
});

test('markup in the search and highlight parameters stays text', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const q = '<img src=x onerror="window.__xss=1;alert(1)">';
	await page.goto(`/search/?q=${encodeURIComponent(q)}`);
	await expect(page.getByRole('searchbox').first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.goto(`/guide/zuzhi/?hl=${encodeURIComponent(q)}`);
	await page.waitForLoadState('networkidle');
	expect(await page.evaluate(() => window.__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"], [onerror]').count()).toBe(0);
	expect(dialogs).toEqual([]);
});
