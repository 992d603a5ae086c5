/**
 * The order of unit and union names in lists: Chinese collation with numbers compared
 * by value, so 单位2 comes before 单位10 and 第9分工会 before 第10分工会.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Compares two names for sorting (natural order); use as `names.sort(compareUnitNames)`. */
export function compareUnitNames(a: string, b: string): number {
	return collator.compare(a, b);
}
