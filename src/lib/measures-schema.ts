/**
 * 整改措施 data: `content/measures.yaml`, keyed by criterion id. One list serves the
 * guidance page's 整改措施 section and the tasks that 生成整改计划 pre-fills. Checked
 * here for shape; `getMeasures()` (src/data/content.ts) checks the ids against the
 * catalogue, so an unknown id fails the build.
 */
import { z } from 'astro/zod';
import { PLAN_LIMITS } from './plan';

export const MeasuresSchema = z
	.record(
		/** A criterion id such as A1. */
		z.string().regex(/^[A-Z]\d{1,2}$/, { error: '键应为指标编号，如 A1' }),
		/** The measures for that criterion, in the order a branch would take them. */
		z
			.array(
				z
					.string()
					.min(4, { error: '措施至少 4 个字' })
					.max(80, { error: '措施不超过 80 个字' })
					.refine((s) => s.trim() === s, { error: '措施首尾不能有空格' }),
			)
			.min(1)
			.max(Math.min(5, PLAN_LIMITS.measures)),
	)
	.refine((m) => Object.keys(m).length > 0, { error: '至少要有一个指标的措施' });

export type Measures = z.infer<typeof MeasuresSchema>;

/** Ids in `measures` that the catalogue does not have. */
export function unknownMeasureIds(measures: Measures, criterionIds: readonly string[]): string[] {
	const known = new Set(criterionIds);
	return Object.keys(measures).filter((id) => !known.has(id));
}
