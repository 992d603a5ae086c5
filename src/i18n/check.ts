/** Validates the strings file at build time (imported by the base layout) and in tests. */
import { z } from 'astro/zod';
import strings from './zh-CN.json';

export const StringsSchema = z.record(
	z
		.string()
		.regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)+$/, { error: '键名应为点分小写，如 nav.guide' }),
	z
		.string()
		.min(1)
		.refine((s) => !/TODO|待补充|lorem/i.test(s), { error: '文案中不能有占位文字' }),
);

/** Throws with the offending key named when the strings file is malformed. */
export function checkStrings(input: unknown = strings): void {
	// The shipped file is checked once per build, not once per page.
	if (input === strings && shippedChecked) return;
	const result = StringsSchema.safeParse(input);
	if (!result.success) {
		const first = result.error.issues[0];
		throw new Error(`src/i18n/zh-CN.json: ${first?.path.join('.')}: ${first?.message}`);
	}
	if (input === strings) shippedChecked = true;
}

let shippedChecked = false;
