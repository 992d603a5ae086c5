/**
 * The criteria catalogue: the one source from which the checklist, the scoring, the
 * method page, the print view and the result files derive. Stored as YAML in
 * `content/criteria/catalogue.yaml`, loaded by the content layer and checked here.
 */
import { z } from 'astro/zod';

/** Ids such as `A`, `B` for categories and `A1`, `J2` for criteria; `V1` for vetoes. */
const categoryId = z.string().regex(/^[A-Z]$/, { error: '类别编号应为一个大写字母，如 A' });
const criterionId = z.string().regex(/^[A-Z]\d{1,2}$/, { error: '指标编号应为字母加数字，如 A1' });
const guideRef = z.string().regex(/^[a-z0-9-]+(#[a-z0-9\u4e00-\u9fa5-]+)?$/, {
	error: '指南链接应为页面编号，可带 #小标题',
});

export const SourceSchema = z.strictObject({
	/** Stable id used by criteria, vetoes and bands to cite this source. */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** The document's name as users should look it up. */
	title: z.string().min(2),
	/** Who issued it and when, in one line. */
	issuer: z.string().min(2),
	/**
	 * How far to trust it: an official text, a mirror of a local text, low (Q&A, aggregator),
	 * or `own`: the site's own rule, cited where no source supports a criterion or threshold.
	 */
	reliability: z.enum(['official', 'mirror', 'low', 'own']),
	/** What the site takes from it and any caveat (UNCERTAIN items are said so here). */
	note: z.string().min(2),
});

export const RateRuleSchema = z.strictObject({
	/** What the number is, e.g. 入会率. */
	label: z.string().min(2),
	/** How to compute it, shown beside the input. */
	formula: z.string().min(2),
	/** Thresholds, highest first: a value ≥ min gets that level (0–3). */
	thresholds: z
		.array(
			z.strictObject({ min: z.number().min(0).max(100), level: z.number().int().min(0).max(3) }),
		)
		.min(2)
		.refine((t) => t.every((x, i) => i === 0 || x.min < t[i - 1]!.min), {
			error: '阈值须从高到低排列',
		})
		.refine((t) => t.some((x) => x.min === 0), { error: '须有一个 min: 0 的最低档' }),
	/** Whether the thresholds come from a cited source or are the site's own choice. */
	thresholdSource: z.string().min(2),
});

export const CriterionSchema = z.strictObject({
	/** Stable id: category letter plus number, never reused for another meaning. */
	id: criterionId,
	/** The category this criterion is scored in. */
	category: categoryId,
	/** Short title shown in the checklist and the 评分表. */
	title: z.string().min(4).max(60),
	/** What good looks like, in one or two sentences. */
	good: z.string().min(10),
	/** Points at the top level (base points, or bonus points for the bonus category). */
	points: z.number().positive().max(10),
	/** 必备: below 基本落实 (level 2) the result is capped below 模范. */
	required: z.boolean().default(false),
	/**
	 * Whether 不适用 may be chosen (with a reason). The checklist offers 不适用 only where this
	 * is true, and scoring ignores a stored 不适用 where it is false. Must be false for 必备
	 * criteria and for criteria a 否决 condition is derived from (checked below).
	 */
	allowNotApplicable: z.boolean().default(true),
	/** Four descriptors written for this criterion, for levels 0, 1, 2, 3. */
	levels: z.tuple([z.string().min(4), z.string().min(4), z.string().min(4), z.string().min(4)]),
	/**
	 * Whether this criterion is answered by the 会员评家: when the branch says it held none
	 * this year (survey.held false), it scores 0 (level 0) whatever else was entered. Such
	 * criteria cannot be 不适用 (checked below).
	 */
	fromSurvey: z.boolean().default(false),
	/** For criteria that are a rate in practice: the number asked and its thresholds. */
	rate: RateRuleSchema.optional(),
	/** 佐证材料 a user can tick as on hand. */
	evidence: z.array(z.string().min(2)).min(1).max(10),
	/** Guidance page id (optionally #heading) that helps with this criterion. */
	guide: guideRef,
	/** Source ids this criterion or its figures come from. */
	sources: z.array(z.string()).min(1),
});

export const CategorySchema = z.strictObject({
	/** One capital letter; criteria ids start with it. */
	id: categoryId,
	/** Title of the category, e.g. 组织建设. */
	title: z.string().min(2),
	/** One-line description shown above the category in the checklist. */
	summary: z.string().min(6),
	/** Whether this category holds bonus criteria (加分项) rather than base points. */
	bonus: z.boolean().default(false),
	/** The question asked of members about this category in the 会员评家 questionnaire. */
	surveyQuestion: z.string().min(6),
	/** Guidance page id for the category as a whole. */
	guide: guideRef,
});

export const VetoSchema = z.strictObject({
	/** Stable id such as V1. */
	id: z.string().regex(/^V\d+$/),
	/** The condition, phrased as a yes/no question the branch answers. */
	question: z.string().min(6),
	/** Short label used in results. */
	title: z.string().min(4),
	/**
	 * Criterion whose rate, when below `below`, triggers this veto automatically. Such a
	 * veto is not asked: its state follows the rate (unknown while the rate is not entered).
	 */
	derivedFrom: z.strictObject({ criterion: criterionId, below: z.number() }).optional(),
	/**
	 * A criterion level that also triggers this (asked) veto: the answer at that level says
	 * the same thing, so choosing it answers the veto 是 without ticking it again.
	 */
	triggeredBy: z
		.strictObject({ criterion: criterionId, level: z.number().int().min(0).max(3) })
		.optional(),
	/** Source ids. */
	sources: z.array(z.string()).min(1),
});

export const BandSchema = z.strictObject({
	/** Stable id used in settings and files. */
	id: z.enum(['qibu', 'jianshe', 'hege', 'mofan']),
	/** Name shown to users. */
	name: z.string().min(2),
	/** Lowest total (base + bonus) for this band. */
	min: z.number().min(0).max(105),
	/** Where the threshold comes from. */
	basis: z.string().min(2),
});

export const EligibilitySchema = z.strictObject({
	/** Stable id. */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** The condition as stated by the source. */
	condition: z.string().min(4),
	/** How the site checks it: from a criterion's rate, or asked as a yes/no. */
	check: z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('rate'), criterion: criterionId, min: z.number() }),
		z.strictObject({ kind: z.literal('ask') }),
	]),
	/** Source id. */
	source: z.string(),
});

export const CatalogueChangeSchema = z.strictObject({
	/** The version this entry describes. */
	version: z.string().regex(/^\d{4}\.\d+$/),
	/** The version it changed from. */
	from: z.string().regex(/^\d{4}\.\d+$/),
	/** Criteria new in `version`: files of `from` have no answer to them (未评). */
	added: z.array(criterionId),
	/** Criteria whose points changed. */
	reweighted: z.array(criterionId),
	/** What changed, in one paragraph for users (shown on the compare page). */
	summary: z.string().min(10),
});

export const CatalogueSchema = z
	.strictObject({
		/** Version of the catalogue, written into every result file. */
		version: z.string().regex(/^\d{4}\.\d+$/),
		/** Name of the catalogue. */
		title: z.string().min(4),
		/** Base points: the criteria of non-bonus categories add up to this. */
		basePoints: z.literal(100),
		/** Most bonus points that count. */
		bonusMax: z.number().min(0).max(10),
		/** Changes from each earlier version, newest first (see CatalogueChangeSchema). */
		changes: z.array(CatalogueChangeSchema).default([]),
		/** Share of a criterion's points earned at each level 0–3 (site's rule). */
		levelFractions: z.tuple([z.literal(0), z.number(), z.number(), z.literal(1)]),
		/** Generic names of the four levels. */
		levelNames: z.tuple([z.string(), z.string(), z.string(), z.string()]),
		/** Result bands, lowest first. */
		bands: z.array(BandSchema).length(4),
		/** Conditions for a 模范 nomination, shown in a separate panel. */
		eligibility: z.array(EligibilitySchema).min(1),
		/** Categories in checklist order. */
		categories: z.array(CategorySchema).min(5).max(12),
		/** Criteria in checklist order. */
		criteria: z.array(CriterionSchema).min(20).max(60),
		/** 否决 conditions: any one blocks 模范. */
		vetoes: z.array(VetoSchema).min(1),
		/** Sources cited by id above. */
		sources: z.array(SourceSchema).min(1),
	})
	.superRefine((c, ctx) => {
		const sourceIds = new Set(c.sources.map((s) => s.id));
		const catIds = new Set(c.categories.map((k) => k.id));
		const seen = new Set<string>();
		for (const [i, cr] of c.criteria.entries()) {
			if (seen.has(cr.id))
				ctx.addIssue({
					code: 'custom',
					path: ['criteria', i, 'id'],
					message: `指标编号重复：${cr.id}`,
				});
			seen.add(cr.id);
			if (!catIds.has(cr.category))
				ctx.addIssue({
					code: 'custom',
					path: ['criteria', i, 'category'],
					message: `未知类别：${cr.category}`,
				});
			if (!cr.id.startsWith(cr.category))
				ctx.addIssue({
					code: 'custom',
					path: ['criteria', i, 'id'],
					message: `指标 ${cr.id} 的编号应以类别 ${cr.category} 开头`,
				});
			if (cr.required && cr.allowNotApplicable)
				ctx.addIssue({
					code: 'custom',
					path: ['criteria', i, 'allowNotApplicable'],
					message: `必备指标 ${cr.id} 不能选“不适用”`,
				});
			if (cr.allowNotApplicable && cr.fromSurvey)
				ctx.addIssue({
					code: 'custom',
					path: ['criteria', i, 'allowNotApplicable'],
					message: `会员评家指标 ${cr.id} 不能选“不适用”`,
				});
			if (cr.allowNotApplicable && c.vetoes.some((v) => v.derivedFrom?.criterion === cr.id))
				ctx.addIssue({
					code: 'custom',
					path: ['criteria', i, 'allowNotApplicable'],
					message: `否决项据以判断的指标 ${cr.id} 不能选“不适用”`,
				});
			for (const s of cr.sources)
				if (!sourceIds.has(s))
					ctx.addIssue({
						code: 'custom',
						path: ['criteria', i, 'sources'],
						message: `未知来源：${s}`,
					});
		}
		const base = c.criteria
			.filter((cr) => !c.categories.find((k) => k.id === cr.category)?.bonus)
			.reduce((sum, cr) => sum + cr.points, 0);
		if (Math.abs(base - c.basePoints) > 1e-9)
			ctx.addIssue({
				code: 'custom',
				path: ['criteria'],
				message: `基本分合计应为 ${c.basePoints}，实为 ${base}`,
			});
		for (const [i, v] of c.vetoes.entries()) {
			for (const s of v.sources)
				if (!sourceIds.has(s))
					ctx.addIssue({
						code: 'custom',
						path: ['vetoes', i, 'sources'],
						message: `未知来源：${s}`,
					});
			if (v.triggeredBy && !seen.has(v.triggeredBy.criterion))
				ctx.addIssue({
					code: 'custom',
					path: ['vetoes', i, 'triggeredBy'],
					message: `未知指标：${v.triggeredBy.criterion}`,
				});
			if (v.derivedFrom && !seen.has(v.derivedFrom.criterion))
				ctx.addIssue({
					code: 'custom',
					path: ['vetoes', i, 'derivedFrom'],
					message: `未知指标：${v.derivedFrom.criterion}`,
				});
		}
		for (const [i, e] of c.eligibility.entries()) {
			if (!sourceIds.has(e.source))
				ctx.addIssue({
					code: 'custom',
					path: ['eligibility', i, 'source'],
					message: `未知来源：${e.source}`,
				});
			if (e.check.kind === 'rate' && !seen.has(e.check.criterion))
				ctx.addIssue({
					code: 'custom',
					path: ['eligibility', i, 'check'],
					message: `未知指标：${e.check.criterion}`,
				});
		}
	});

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Veto = z.infer<typeof VetoSchema>;
export type Band = z.infer<typeof BandSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type CatalogueChange = z.infer<typeof CatalogueChangeSchema>;
