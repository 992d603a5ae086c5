/** Shared test fixtures: the real catalogue, load options, and hand-made entries and files. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CatalogueSchema, type Catalogue } from '../../src/lib/catalogue-schema';
import {
	emptyAnswer,
	newAssessment,
	type Answer,
	type Assessment,
	type Profile,
} from '../../src/lib/assessment';
import { buildResultFile } from '../../src/lib/result-file';
import { scoreAssessment } from '../../src/lib/scoring';
import type { FileInput, LoadOptions, OverviewEntry } from '../../src/lib/aggregate';

/** The catalogue as the site ships it. */
export const catalogue: Catalogue = CatalogueSchema.parse(
	parse(readFileSync(new URL('../../content/criteria/catalogue.yaml', import.meta.url), 'utf8')),
);

/** Options for loadResultFiles with a fixed clock and ids. */
export function loadOptions(extra: Partial<LoadOptions> = {}): LoadOptions {
	let n = 0;
	return {
		catalogue,
		newId: () => `t-${++n}`,
		now: new Date('2026-03-01T00:00:00Z'),
		untitled: '导入的评估',
		passMark: 75,
		modelMark: 90,
		...extra,
	};
}

/** An overview entry with neutral defaults, for the pure summary functions. */
export function makeEntry(patch: Partial<OverviewEntry> = {}): OverviewEntry {
	return {
		fileName: 'f.json',
		branch: '测试单位工会',
		unitName: '测试单位',
		unionName: '测试单位工会',
		scope: 'union',
		parentUnion: '',
		assessedOn: '2025-01-01',
		total: 0,
		base: 0,
		bonus: 0,
		band: 'qibu',
		capped: false,
		uncappedBand: 'qibu',
		vetoes: [],
		unansweredVetoes: [],
		missingRequired: [],
		answeredCount: 0,
		applicableCount: 0,
		completionPercent: 100,
		complete: true,
		categoryPercents: {},
		categoryAnswered: {},
		topLosses: [],
		criterionLevels: {},
		catalogueVersion: catalogue.version,
		olderCatalogue: false,
		missingCriteria: [],
		notes: {},
		plan: { tasks: 0, done: 0, overdue: 0, percentDone: null },
		planTasks: [],
		planReview: null,
		review: null,
		...patch,
	};
}

/**
 * A result file written the way the site writes it, with every criterion of `cat`
 * answered at `level` unless `answers` says otherwise.
 */
export function makeFile(
	name: string,
	opts: {
		profile?: Partial<Profile>;
		level?: 0 | 1 | 2 | 3;
		answers?: Record<string, Partial<Answer>>;
		cat?: Catalogue;
		settings?: { passMark: number; modelMark: number };
		/** 否决 answers; by default every asked question is answered 否. */
		vetoes?: Record<string, boolean | null>;
		/** The 整改计划; by default none. */
		plan?: Assessment['plan'];
	} = {},
): FileInput {
	const cat = opts.cat ?? catalogue;
	const now = new Date('2025-06-01T08:00:00Z');
	const a = newAssessment({
		id: 'fixture',
		name: '测试',
		now,
		catalogueVersion: cat.version,
		passMark: 75,
		modelMark: 90,
	});
	if (opts.settings) a.settings = { ...opts.settings };
	a.profile = {
		...a.profile,
		unitName: '测试单位',
		unionName: '测试单位工会',
		assessedOn: '2025-06-01',
		...opts.profile,
	};
	for (const c of cat.criteria) {
		const answer = emptyAnswer();
		const level = opts.level ?? 2;
		if (c.rate) answer.rate = c.rate.thresholds.find((t) => t.level === level)?.min ?? 0;
		else answer.level = level;
		a.answers[c.id] = answer;
	}
	a.vetoes =
		opts.vetoes ??
		Object.fromEntries(cat.vetoes.filter((v) => !v.derivedFrom).map((v) => [v.id, false]));
	for (const [id, patch] of Object.entries(opts.answers ?? {}))
		a.answers[id] = { ...emptyAnswer(), ...patch };
	if (opts.plan) a.plan = opts.plan;
	const text = JSON.stringify(buildResultFile(a, scoreAssessment(cat, a), now), null, 2);
	return { name, text, size: new TextEncoder().encode(text).length };
}
