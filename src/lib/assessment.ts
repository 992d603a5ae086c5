/**
 * An assessment: one branch's answers to the catalogue at one time, as saved in the
 * browser and written into result files. Schemas use `zod/mini` so the client bundle
 * stays small; they are strict at every level (unknown keys, including `__proto__`,
 * `constructor` and `prototype`, are refused).
 *
 * Shape (schema version 4; version 3 had no `plan` and `ledger`, version 2 also no `survey.held`):
 *   { id, name, createdAt, updatedAt, catalogueVersion,
 *     profile: { unitName, unionName, unitType, scope, parentUnion, memberCount, assessedOn, assessor },
 *     answers: { [criterionId]: { level, na, naReason, rate, evidence, note } },
 *     vetoes: { [vetoId]: true | false | null },   (true 是, false 否, null or absent 未答)
 *     eligibility: { [conditionId]: true | false | null },
 *     survey: { held, members, participants, frontline, satisfied, basic, unsatisfied, countBasic },
 *     settings: { passMark, modelMark },
 *     plan: { tasks: Task[], review },                               (see plan.ts)
 *     ledger: { ["A1.0"]: { na, location, updatedOn, note } },     (see ledger.ts)
 *     application: { overall, sections: { [categoryId]: { done, figures, evidence } } } }
 *
 * Version 5 added `application` (the 建家工作总结 of the 申报表). It defaults to empty, so
 * assessments saved before it (in storage or in older files) read as having no summary yet.
 */
import * as z from 'zod/mini';
import { PlanSchema, emptyPlan } from './plan';
import { LedgerSchema } from './ledger';

/** Current version of the saved and exported format. */
export const SCHEMA_VERSION = 5;

/** Limits that keep hostile input small. */
export const LIMITS = {
	shortText: 100,
	reason: 500,
	note: 2000,
	answers: 100,
	keyedFlags: 20,
	maxCount: 10_000_000,
	/** Percentages (rate criteria). */
	rateMax: 100,
	/** Band marks (合格 / 模范 分数线). */
	markMin: 1,
	markMax: 105,
	/** 建家工作总结: the overall paragraph. */
	summaryOverall: 800,
	/** 建家工作总结, per category: what was done. */
	summaryDone: 600,
	/** 建家工作总结, per category: figures and results. */
	summaryFigures: 300,
	/** 建家工作总结, per category: the evidence a reviewer can ask for. */
	summaryEvidence: 300,
	/** 验收: the reviewer's comment on one criterion. */
	reviewComment: 500,
	/** 验收: the overall 验收意见. */
	reviewConclusion: 2000,
} as const;

const shortText = z.string().check(z.maxLength(LIMITS.shortText));
const count = z.nullable(z.int().check(z.gte(0), z.lte(LIMITS.maxCount)));
/** A criterion id such as A1. */
export const CriterionKeySchema = z.string().check(z.regex(/^[A-Z]\d{1,2}$/));
const isoDate = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));
const isoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/));

export const UNIT_TYPES = [
	'enterprise',
	'public',
	'social',
	'township',
	'park',
	'community',
	'other',
] as const;
export const SCOPES = ['union', 'subunit'] as const;

export const ProfileSchema = z.strictObject({
	/** 单位名称. */
	unitName: shortText,
	/** 工会名称. */
	unionName: shortText,
	/** 单位类型. */
	unitType: z.enum(UNIT_TYPES),
	/** union: 基层工会 as a whole; subunit: a 分工会 or 工会小组. */
	scope: z.enum(SCOPES),
	/** For a sub-unit, the 基层工会 it belongs to. */
	parentUnion: shortText,
	/** 会员人数. */
	memberCount: count,
	/** 评估日期, YYYY-MM-DD or empty. */
	assessedOn: isoDate,
	/** 评估人. */
	assessor: shortText,
});

export const AnswerSchema = z.strictObject({
	/** Chosen level 0–3, or null when not chosen (rate criteria derive it from `rate`). */
	level: z.nullable(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])),
	/** 不适用. */
	na: z.boolean(),
	/** Why it does not apply. */
	naReason: z.string().check(z.maxLength(LIMITS.reason)),
	/** For rate criteria: the percentage entered. */
	rate: z.nullable(z.number().check(z.gte(0), z.lte(LIMITS.rateMax))),
	/** Indexes of the catalogue's evidence items ticked as on hand. */
	evidence: z.array(z.int().check(z.gte(0), z.lte(9))).check(z.maxLength(10)),
	/** 情况说明. */
	note: z.string().check(z.maxLength(LIMITS.note)),
});

/** The 会员评家 counts as saved by schema version 2 (no `held`). */
const surveyCounts = {
	/** 会员总数. */
	members: count,
	/** 参评人数. */
	participants: count,
	/** 参评者中的一线职工人数. */
	frontline: count,
	/** 满意. */
	satisfied: count,
	/** 基本满意. */
	basic: count,
	/** 不满意. */
	unsatisfied: count,
	/**
	 * Whether 基本满意 counts as satisfied. false (only 满意) is the site's definition and
	 * the default; true is the labelled, lenient choice.
	 */
	countBasic: z.boolean(),
};
export const SurveyV2Schema = z.strictObject(surveyCounts);

export const SurveySchema = z.strictObject({
	/**
	 * Whether a 会员评家 was held this year: true, false (not held: I1 and I2 score 0 and the
	 * result cannot be 模范, but V3 满意度低于 85% is not raised), null 未答.
	 */
	held: z.nullable(z.boolean()),
	...surveyCounts,
});

export const SettingsSchema = z.strictObject({
	/** Lowest total for 合格. */
	passMark: z.number().check(z.gte(LIMITS.markMin), z.lte(LIMITS.markMax)),
	/** Lowest total for 模范. */
	modelMark: z.number().check(z.gte(LIMITS.markMin), z.lte(LIMITS.markMax)),
});

/** One category's part of the 建家工作总结, written in three prompted fields. */
export const ApplicationSectionSchema = z.strictObject({
	/** 主要做法: what the branch did. */
	done: z.string().check(z.maxLength(LIMITS.summaryDone)),
	/** 数据与成效: figures (how many, how often, what changed). */
	figures: z.string().check(z.maxLength(LIMITS.summaryFigures)),
	/** 佐证材料: where the evidence is, so a reviewer can ask for it. */
	evidence: z.string().check(z.maxLength(LIMITS.summaryEvidence)),
});

/** The 建家工作总结 written for the 申报表 (schema version 5). */
export const ApplicationSchema = z.strictObject({
	/** 总体情况: one paragraph on the branch as a whole. */
	overall: z.string().check(z.maxLength(LIMITS.summaryOverall)),
	/** Per catalogue category id (A, B, …). */
	sections: z
		.record(z.string().check(z.regex(/^[A-Z]$/)), ApplicationSectionSchema)
		.check(z.refine((r) => Object.keys(r).length <= 26, { message: 'too many summary sections' })),
});

/** An empty 建家工作总结. */
export function emptyApplication(): Application {
	return { overall: '', sections: {} };
}

/** Keys that JSON import and storage refuse anywhere (see safeJsonParse), so never valid here either. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];
/** The key of a veto or condition answer. */
export const FlagKeySchema = z.string().check(
	z.regex(/^[A-Za-z0-9-]{1,30}$/),
	z.refine((k) => !RESERVED_KEYS.includes(k)),
);
/** 是 / 否 / not answered for one veto or condition. */
export const FlagSchema = z.nullable(z.boolean());
const flags = z.record(FlagKeySchema, FlagSchema);

/** The fields of an assessment around a given survey schema (versions 2 and 3 differ there only). */
function baseShape<S extends typeof SurveySchema | typeof SurveyV2Schema>(survey: S) {
	return {
		/** Stable id of this assessment in this browser. */
		id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
		/** Name shown in the list, e.g. 2026 年度自评. */
		name: shortText,
		/** When it was created (ISO, UTC). */
		createdAt: isoDateTime,
		/** When it last changed (ISO, UTC). */
		updatedAt: isoDateTime,
		/** Catalogue version the answers were given against. */
		catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
		profile: ProfileSchema,
		answers: z.record(CriterionKeySchema, AnswerSchema),
		vetoes: flags,
		eligibility: flags,
		survey,
		settings: SettingsSchema,
	};
}

/** Checks every version shares. */
function baseChecks<
	T extends { answers: object; vetoes: object; eligibility: object; settings: Settings },
>() {
	return [
		z.refine<T>((a) => Object.keys(a.answers).length <= LIMITS.answers, {
			message: 'too many answers',
		}),
		z.refine<T>((a) => Object.keys(a.vetoes).length <= LIMITS.keyedFlags, {
			message: 'too many vetoes',
		}),
		z.refine<T>((a) => Object.keys(a.eligibility).length <= LIMITS.keyedFlags, {
			message: 'too many conditions',
		}),
		z.refine<T>((a) => a.settings.passMark < a.settings.modelMark, {
			message: 'passMark must be below modelMark',
		}),
	];
}

const v2Object = z.strictObject(baseShape(SurveyV2Schema));
const v3Object = z.strictObject(baseShape(SurveySchema));
const v4Object = z.strictObject({
	...baseShape(SurveySchema),
	/** 整改计划 (version 4). */
	plan: PlanSchema,
	/** 台账 entries beyond the 佐证 ticks (version 4). */
	ledger: LedgerSchema,
});

const v5Object = z.strictObject({
	...v4Object.shape,
	/** 建家工作总结 (version 5); missing in older data, read as empty. */
	application: z._default(ApplicationSchema, emptyApplication),
});

/** The current assessment's fields without the checks across fields (the form validates one field at a time). */
export const AssessmentFieldsSchema = v5Object;
/** The current (version 5) assessment. */
export const AssessmentSchema = v5Object.check(...baseChecks<z.output<typeof v5Object>>());
/** An assessment as saved by schema version 4: no 建家工作总结. */
export const AssessmentV4Schema = v4Object.check(...baseChecks<z.output<typeof v4Object>>());
/** An assessment as saved by schema version 3: no plan, no ledger. */
export const AssessmentV3Schema = v3Object.check(...baseChecks<z.output<typeof v3Object>>());
/** An assessment as saved by schema version 2: version 3 but for the survey. */
export const AssessmentV2Schema = v2Object.check(...baseChecks<z.output<typeof v2Object>>());

/** Keys of the survey that hold counts. */
export const SURVEY_COUNT_KEYS = [
	'members',
	'participants',
	'frontline',
	'satisfied',
	'basic',
	'unsatisfied',
] as const;

export type Profile = z.infer<typeof ProfileSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Survey = z.infer<typeof SurveySchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentV4 = z.infer<typeof AssessmentV4Schema>;
export type AssessmentV3 = z.infer<typeof AssessmentV3Schema>;
export type AssessmentV2 = z.infer<typeof AssessmentV2Schema>;

/** Version 3 → 4: the assessment gets an empty plan and ledger. */
export function upgradeToV4(a: AssessmentV3): AssessmentV4 {
	return { ...a, plan: emptyPlan(), ledger: {} };
}

/** Version 4 → 5: the assessment gets an empty 建家工作总结. */
export function upgradeToV5(a: AssessmentV4): Assessment {
	return { ...a, application: emptyApplication() };
}
export type Application = z.infer<typeof ApplicationSchema>;
export type ApplicationSection = z.infer<typeof ApplicationSectionSchema>;
export type Level = 0 | 1 | 2 | 3;

/** An empty answer. */
export function emptyAnswer(): Answer {
	return { level: null, na: false, naReason: '', rate: null, evidence: [], note: '' };
}

/** Whether an answer holds nothing a user entered. */
export function isEmptyAnswer(a: Answer): boolean {
	return (
		a.level === null &&
		!a.na &&
		a.naReason === '' &&
		a.rate === null &&
		a.evidence.length === 0 &&
		a.note === ''
	);
}

/** A new, empty assessment. */
export function newAssessment(opts: {
	id: string;
	name: string;
	now: Date;
	catalogueVersion: string;
	passMark: number;
	modelMark: number;
}): Assessment {
	const stamp = opts.now.toISOString();
	return {
		id: opts.id,
		name: opts.name,
		createdAt: stamp,
		updatedAt: stamp,
		catalogueVersion: opts.catalogueVersion,
		profile: {
			unitName: '',
			unionName: '',
			unitType: 'enterprise',
			scope: 'union',
			parentUnion: '',
			memberCount: null,
			assessedOn: stamp.slice(0, 10),
			assessor: '',
		},
		answers: {},
		vetoes: {},
		eligibility: {},
		survey: {
			held: null,
			members: null,
			participants: null,
			frontline: null,
			satisfied: null,
			basic: null,
			unsatisfied: null,
			countBasic: false,
		},
		settings: { passMark: opts.passMark, modelMark: opts.modelMark },
		plan: emptyPlan(),
		ledger: {},
		application: emptyApplication(),
	};
}
