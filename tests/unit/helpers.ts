/**
 * Shared fixtures for the unit tests: the real catalogue, a small hand-made catalogue
 * whose arithmetic is easy to follow, assessment builders and an in-memory Storage.
 * (Not a test file: vitest only picks up `*.test.ts`.)
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CatalogueSchema, type Catalogue, type Criterion } from '../../src/lib/catalogue-schema';
import {
	emptyAnswer,
	newAssessment,
	type Answer,
	type Assessment,
	type Level,
} from '../../src/lib/assessment';
import type { StorageLike } from '../../src/lib/storage';
import type { Review } from '../../src/lib/review';

export const NOW = new Date('2026-03-01T08:00:00.000Z');

let real: Catalogue | null = null;
/** The catalogue the site ships, parsed with the schema (defaults applied). */
export function realCatalogue(): Catalogue {
	real ??= CatalogueSchema.parse(parse(readFileSync('content/criteria/catalogue.yaml', 'utf8')));
	return real;
}

const four = (what: string): [string, string, string, string] => [
	`${what}：未开展`,
	`${what}：有制度未落实`,
	`${what}：基本落实`,
	`${what}：规范有效`,
];

/**
 * A small valid catalogue. Base categories A–D hold five criteria of 5 points each
 * (4 × 25 = 100); the bonus category J holds J1 and J2 of 3 points each, capped at 5.
 * A5 is a rate (90/80/60/0 → 3/2/1/0); D5 is a rate (90/85/0 → 3/2/0) that cannot be
 * 不适用 and derives veto V2 below 85. A1 is 必备. Eligibility: A5 ≥ 90 and one asked.
 * `edit` may change the raw object before it is parsed.
 */
export function miniCatalogue(edit: (raw: MiniRaw) => void = () => {}): Catalogue {
	const criteria: MiniRaw['criteria'] = [];
	for (const cat of ['A', 'B', 'C', 'D']) {
		for (let n = 1; n <= 5; n++) {
			const id = `${cat}${n}`;
			criteria.push({
				id,
				category: cat,
				title: `测试指标${id}号`,
				good: `测试指标${id}做得好的样子写在这里`,
				points: 5,
				required: id === 'A1',
				allowNotApplicable: id !== 'D5' && id !== 'A1',
				levels: four(id),
				evidence: ['材料一', '材料二'],
				guide: 'zongze',
				sources: ['src-a'],
			});
		}
	}
	const a5 = criteria.find((c) => c.id === 'A5')!;
	a5.rate = {
		label: '入会率',
		formula: '入会人数 ÷ 职工总数 × 100',
		thresholds: [
			{ min: 90, level: 3 },
			{ min: 80, level: 2 },
			{ min: 60, level: 1 },
			{ min: 0, level: 0 },
		],
		thresholdSource: '测试自定',
	};
	const d5 = criteria.find((c) => c.id === 'D5')!;
	d5.rate = {
		label: '满意度',
		formula: '满意人数 ÷ 参评人数 × 100',
		thresholds: [
			{ min: 90, level: 3 },
			{ min: 85, level: 2 },
			{ min: 0, level: 0 },
		],
		thresholdSource: '测试自定',
	};
	for (const n of [1, 2])
		criteria.push({
			id: `J${n}`,
			category: 'J',
			title: `加分指标J${n}号`,
			good: `加分指标J${n}做得好的样子写在这里`,
			points: 3,
			required: false,
			allowNotApplicable: true,
			levels: four(`J${n}`),
			evidence: ['加分材料'],
			guide: 'zongze',
			sources: ['src-a'],
		});
	const raw: MiniRaw = {
		version: '2026.1',
		title: '测试用的小标准',
		basePoints: 100,
		bonusMax: 5,
		levelFractions: [0, 0.4, 0.7, 1],
		levelNames: ['未开展', '有制度未落实', '基本落实', '规范有效'],
		bands: [
			{ id: 'qibu', name: '起步', min: 0, basis: '测试' },
			{ id: 'jianshe', name: '建设中', min: 60, basis: '测试' },
			{ id: 'hege', name: '合格', min: 75, basis: '测试' },
			{ id: 'mofan', name: '模范', min: 90, basis: '测试' },
		],
		eligibility: [
			{
				id: 'rate-a5',
				condition: '入会率达到90%',
				check: { kind: 'rate', criterion: 'A5', min: 90 },
				source: 'src-a',
			},
			{ id: 'asked', condition: '已获下一级称号', check: { kind: 'ask' }, source: 'src-a' },
		],
		categories: ['A', 'B', 'C', 'D', 'J'].map((id) => ({
			id,
			title: `类别${id}`,
			summary: `类别${id}的一句话说明`,
			bonus: id === 'J',
			surveyQuestion: `您对类别${id}的工作是否满意？`,
			guide: 'zongze',
		})),
		criteria,
		vetoes: [
			{ id: 'V1', question: '是否发生过否决情形一？', title: '否决情形一', sources: ['src-a'] },
			{
				id: 'V2',
				question: '满意度是否低于85%？',
				title: '满意度低于85%',
				derivedFrom: { criterion: 'D5', below: 85 },
				sources: ['src-a'],
			},
		],
		sources: [
			{ id: 'src-a', title: '测试来源', issuer: '测试单位', reliability: 'low', note: '测试用' },
		],
	};
	edit(raw);
	return CatalogueSchema.parse(raw);
}

/** The mini catalogue before parsing (loosely typed so tests can edit it). */
export interface MiniRaw {
	[key: string]: unknown;
	bonusMax: number;
	levelFractions: number[];
	criteria: (Record<string, unknown> & { id: string; rate?: unknown })[];
	vetoes: Record<string, unknown>[];
	eligibility: Record<string, unknown>[];
}

/** A new assessment with fixed id and times. */
export function blankAssessment(catalogue: Catalogue, over: Partial<Assessment> = {}): Assessment {
	return {
		...newAssessment({
			id: 'test-1',
			name: '2026 年度自评',
			now: NOW,
			catalogueVersion: catalogue.version,
			passMark: 75,
			modelMark: 90,
		}),
		...over,
	};
}

/** An answer with the given fields set. */
export function answer(part: Partial<Answer> = {}): Answer {
	return { ...emptyAnswer(), ...part };
}

/** The lowest rate that gives `level` for a rate criterion, or null when no step gives it. */
export function rateFor(c: Criterion, level: Level): number | null {
	const steps = (c.rate?.thresholds ?? []).filter((t) => t.level === level);
	return steps.length ? Math.min(...steps.map((t) => t.min)) : null;
}

/** An answer placing a criterion at `level` (rate criteria get the lowest rate of that level). */
export function answerAt(c: Criterion, level: Level): Answer {
	if (c.rate) {
		const rate = rateFor(c, level);
		if (rate === null) throw new Error(`${c.id} has no step for level ${level}`);
		return answer({ rate });
	}
	return answer({ level });
}

/**
 * Every criterion answered at `level` and every asked 否决 question answered 否, with `over`
 * replacing some answers. A rate criterion
 * with no step for `level` (I2 has no level 1) gets rate 0, i.e. its lowest level.
 */
export function assessmentAt(
	catalogue: Catalogue,
	level: Level,
	over: Record<string, Answer> = {},
	extra: Partial<Assessment> = {},
): Assessment {
	const answers: Record<string, Answer> = {};
	for (const c of catalogue.criteria)
		answers[c.id] = c.rate && rateFor(c, level) === null ? answer({ rate: 0 }) : answerAt(c, level);
	// Every asked 否决 question answered 否, as a finished assessment has them.
	const vetoes = Object.fromEntries(
		catalogue.vetoes.filter((v) => !v.derivedFrom).map((v) => [v.id, false]),
	);
	return blankAssessment(catalogue, { answers: { ...answers, ...over }, vetoes, ...extra });
}

/** An in-memory Storage with insertion-ordered keys; counts writes. */
export class FakeStorage implements StorageLike {
	protected readonly map = new Map<string, string>();
	writes = 0;
	get length(): number {
		return this.map.size;
	}
	key(index: number): string | null {
		return [...this.map.keys()][index] ?? null;
	}
	getItem(key: string): string | null {
		return this.map.has(key) ? this.map.get(key)! : null;
	}
	setItem(key: string, value: string): void {
		this.writes++;
		this.map.set(key, String(value));
	}
	removeItem(key: string): void {
		this.writes++;
		this.map.delete(key);
	}
	/** Every key and value, for comparisons. */
	dump(): Record<string, string> {
		return Object.fromEntries(this.map);
	}
	/** Bytes used, counted as browsers do (UTF-16 code units of keys and values). */
	used(): number {
		let n = 0;
		for (const [k, v] of this.map) n += k.length + v.length;
		return n;
	}
}

/** A Storage that refuses any write that would take it past `limit` code units. */
export class QuotaStorage extends FakeStorage {
	constructor(
		private readonly limit: number,
		private readonly makeError: () => unknown = () =>
			new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
	) {
		super();
	}
	override setItem(key: string, value: string): void {
		const after =
			this.used() -
			(this.map.has(key) ? key.length + this.map.get(key)!.length : 0) +
			key.length +
			value.length;
		if (after > this.limit) throw this.makeError();
		super.setItem(key, value);
	}
}

/** A review with nothing rated yet, for the branch part with digest `hash`. */
export function blankReview(hash = `sha256:${'0'.repeat(64)}`): Review {
	return {
		reviewer: { name: '王五', organisation: '区总工会' },
		reviewedOn: '2026-03-10',
		rectifyBy: '2026-06-30',
		conclusion: '',
		branchHash: hash,
		criteria: {},
		vetoes: {},
		scores: {
			base: 0,
			bonus: 0,
			total: 0,
			band: 'qibu',
			capped: false,
			missingRequired: [],
			vetoes: [],
		},
	};
}
