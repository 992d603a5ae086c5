/**
 * DOM renderers for 验收, shared by the reviewer's page, the branch's results page and the
 * printable 验收意见书. Figures come from src/lib/review-score.ts; every piece of text a
 * person typed (comments, names, notes) is set with `textContent`.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import type { Assessment, Level } from '../lib/assessment';
import type { Integrity, Review } from '../lib/review';
import {
	compareReview,
	rectificationItems,
	reviewStrengths,
	type ReviewComparison,
} from '../lib/review-score';
import { t, type StringKey } from '../i18n/client';
import { el } from './dom';
import { fmt } from './results-view';

/** A level, 不适用 or 未评 as words. */
export function levelText(catalogue: Catalogue, level: Level | 'na' | null): string {
	if (level === 'na') return t('review.levelNa');
	if (level === null) return t('review.selfUnanswered');
	return catalogue.levelNames[level];
}

/** A signed difference: +1.5, −2, 0. */
export function signed(n: number): string {
	if (n > 0) return `+${fmt(n)}`;
	if (n < 0) return `−${fmt(-n)}`;
	return '0';
}

/** The integrity notice for a reviewed file (or a review in progress). */
export function integrityNotice(integrity: Integrity): HTMLElement {
	const key: StringKey =
		integrity === 'intact'
			? 'review.integrityIntact'
			: integrity === 'altered'
				? 'review.integrityAltered'
				: 'review.integrityUnchecked';
	const p = el(
		'p',
		t(key),
		`notice ${integrity === 'intact' ? 'ok' : integrity === 'altered' ? 'bad' : 'warn'}`,
	);
	p.dataset['integrity'] = integrity;
	return p;
}

function table(caption: string, head: string[]): { table: HTMLTableElement; body: HTMLElement } {
	const tbl = el('table', null, 'review-table');
	tbl.append(el('caption', caption));
	const thead = el('thead');
	const tr = el('tr');
	for (const h of head) {
		const th = el('th', h);
		th.scope = 'col';
		tr.append(th);
	}
	thead.append(tr);
	const body = el('tbody');
	tbl.append(thead, body);
	return { table: tbl, body };
}

function scrollable(tbl: HTMLTableElement, label: string): HTMLElement {
	const wrap = el('div', null, 'table-scroll');
	wrap.tabIndex = 0;
	wrap.setAttribute('role', 'region');
	wrap.setAttribute('aria-label', label);
	wrap.append(tbl);
	return wrap;
}

/** 自评 / 验收 / 差值 per category, with totals. */
export function categoryComparison(cmp: ReviewComparison): HTMLElement {
	const { table: tbl, body } = table(t('compareReview.categoriesCaption'), [
		t('results.col.category'),
		t('results.col.points'),
		t('compareReview.col.self'),
		t('compareReview.col.review'),
		t('compareReview.col.diff'),
	]);
	for (const k of cmp.categories) {
		const tr = el('tr');
		if (k.diff < 0) tr.className = 'diff-lower';
		else if (k.diff > 0) tr.className = 'diff-higher';
		const th = el('th', `${k.id} ${k.title}`);
		th.scope = 'row';
		tr.append(
			th,
			el('td', String(k.points)),
			el('td', fmt(k.self)),
			el('td', fmt(k.review)),
			el('td', signed(k.diff)),
		);
		body.append(tr);
	}
	const foot = el('tfoot');
	const tr = el('tr');
	const th = el('th', t('compareReview.total'));
	th.scope = 'row';
	tr.append(
		th,
		el('td', ''),
		el('td', fmt(cmp.self.total)),
		el('td', fmt(cmp.review.total)),
		el('td', signed(cmp.diff)),
	);
	foot.append(tr);
	tbl.append(foot);
	return scrollable(tbl, t('compareReview.categoriesCaption'));
}

/** 自评 / 验收 per criterion, rows reviewed lower (or higher) than the branch marked. */
export function criterionComparison(catalogue: Catalogue, cmp: ReviewComparison): HTMLElement {
	const methodName = (m: string) => t(`review.method.${m}` as StringKey);
	const { table: tbl, body } = table(t('compareReview.criteriaCaption'), [
		t('compareReview.col.criterion'),
		t('compareReview.col.self'),
		t('compareReview.col.review'),
		t('compareReview.col.diff'),
		t('compareReview.col.methods'),
		t('compareReview.col.comment'),
	]);
	for (const c of cmp.criteria) {
		const tr = el('tr');
		const lower = typeof c.self === 'number' && typeof c.review === 'number' && c.review < c.self;
		const higher = typeof c.self === 'number' && typeof c.review === 'number' && c.review > c.self;
		if (lower) tr.className = 'diff-lower';
		if (higher) tr.className = 'diff-higher';
		const th = el('th', `${c.id} ${c.title}`);
		th.scope = 'row';
		if (c.required) th.append(' ', el('span', t('opinion.requiredBadge'), 'badge required'));
		const review = el('td', levelText(catalogue, c.review));
		if (lower) review.append(' ', el('span', t('compareReview.lower'), 'badge veto'));
		if (higher) review.append(' ', el('span', t('compareReview.higher'), 'badge bonus'));
		tr.append(
			th,
			el('td', levelText(catalogue, c.self)),
			review,
			el('td', c.diff === 0 ? '0' : signed(c.diff)),
			el('td', c.methods.map(methodName).join('、') || t('compareReview.none')),
			el('td', c.comment || t('compareReview.none'), 'pre-wrap'),
		);
		body.append(tr);
	}
	return scrollable(tbl, t('compareReview.criteriaCaption'));
}

/** Score tiles: 自评 and 验收 totals and bands, and their difference. */
export function scoreTiles(cmp: ReviewComparison, max: number): HTMLElement {
	const grid = el('div', null, 'score-grid');
	const tile = (label: string, value: string, key: string, main = false) => {
		const d = el('div', null, `score-tile${main ? ' score-main' : ''}`);
		d.append(el('span', label, 'score-label'));
		const v = el('span', value, 'score-value');
		v.dataset['tile'] = key;
		d.append(v);
		return d;
	};
	grid.append(
		tile(
			t('review.reviewTotal'),
			t('results.outOf', { score: fmt(cmp.review.total), max }),
			'review-total',
			true,
		),
		tile(t('review.reviewBand'), cmp.review.band.name, 'review-band'),
		tile(t('review.selfTotal'), fmt(cmp.self.total), 'self-total'),
		tile(t('review.selfBand'), cmp.self.band.name, 'self-band'),
		tile(t('review.diff'), signed(cmp.diff), 'diff'),
	);
	return grid;
}

/** The 整改要求 list (criteria below 基本落实), or a line saying there are none. */
export function rectificationList(
	catalogue: Catalogue,
	branch: Assessment,
	review: Review,
): HTMLElement {
	const items = rectificationItems(catalogue, branch, review);
	if (!items.length) return el('p', t('opinion.rectifyNone'));
	const { table: tbl, body } = table(t('opinion.rectifyTitle'), [
		t('opinion.col.item'),
		t('opinion.col.found'),
		t('opinion.col.target'),
		t('opinion.col.deadline'),
	]);
	for (const i of items) {
		const tr = el('tr');
		const th = el('th', `${i.criterionId} ${i.title}`);
		th.scope = 'row';
		if (i.required) th.append(' ', el('span', t('opinion.requiredBadge'), 'badge required'));
		const found = el('td', catalogue.levelNames[i.level]);
		if (i.comment) found.append(el('br'), el('span', i.comment, 'pre-wrap'));
		tr.append(th, found, el('td', i.target), el('td', i.deadline || t('opinion.deadlineNone')));
		body.append(tr);
	}
	return scrollable(tbl, t('opinion.rectifyTitle'));
}

/** The whole 验收意见书 for one review, into `root` (the opinion page and its print). */
export function opinionSheet(
	root: HTMLElement,
	catalogue: Catalogue,
	branch: Assessment,
	review: Review,
	integrity: Integrity,
): void {
	const cmp = compareReview(catalogue, branch, review);
	const p = branch.profile;
	const profile = el('table', null, 'sheet-profile');
	const rows: [string, string, string, string][] = [
		[t('opinion.unit'), p.unitName, t('opinion.union'), p.unionName],
		[
			t('opinion.reviewer'),
			review.reviewer.organisation,
			t('opinion.reviewerName'),
			review.reviewer.name,
		],
		[
			t('opinion.reviewedOn'),
			review.reviewedOn,
			t('profile.memberCount'),
			p.memberCount === null ? '' : String(p.memberCount),
		],
		[
			t('opinion.selfTotal'),
			`${fmt(cmp.self.total)}（${cmp.self.band.name}）`,
			t('opinion.reviewTotal'),
			fmt(cmp.review.total),
		],
	];
	const tb = el('tbody');
	for (const r of rows) {
		const tr = el('tr');
		for (let i = 0; i < 4; i++) {
			if (i % 2 === 0) {
				const th = el('th', r[i]!);
				th.scope = 'row';
				tr.append(th);
			} else tr.append(el('td', r[i]!));
		}
		tb.append(tr);
	}
	profile.append(tb);
	const result = el('p', null, 'opinion-result');
	result.append(el('span', `${t('opinion.result')}：`), el('strong', cmp.review.band.name));
	result.dataset['result'] = cmp.review.band.id;

	const parts: (HTMLElement | string)[] = [profile, result];
	if (cmp.review.capped || cmp.review.missingRequired.length || cmp.review.vetoes.length) {
		const ids = [...cmp.review.missingRequired, ...cmp.review.vetoes];
		if (ids.length)
			parts.push(el('p', t('opinion.capNote', { items: ids.join('、') }), 'notice bad'));
	}
	if (integrity === 'altered') parts.push(el('p', t('opinion.integrityAltered'), 'notice bad'));
	parts.push(el('h2', t('opinion.scoresTitle')), categoryComparison(cmp));

	parts.push(el('h2', t('opinion.strengthsTitle')));
	const strengths = reviewStrengths(catalogue, branch, review);
	if (strengths.length) {
		const ul = el('ul');
		for (const id of strengths) {
			const c = catalogue.criteria.find((x) => x.id === id)!;
			ul.append(el('li', `${c.id} ${c.title}：${c.levels[3]}`));
		}
		parts.push(ul);
	} else parts.push(el('p', t('opinion.strengthsNone')));

	parts.push(el('h2', t('opinion.rectifyTitle')), rectificationList(catalogue, branch, review));
	parts.push(
		el('h2', t('opinion.conclusionTitle')),
		el('p', review.conclusion || t('opinion.conclusionNone'), 'pre-wrap opinion-conclusion'),
	);
	parts.push(el('p', t('opinion.sign'), 'opinion-sign'));
	root.replaceChildren(...parts);
}
