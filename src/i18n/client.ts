/**
 * `t()` for client scripts. The strings are read from the JSON data block that
 * StringsData.astro writes into the page, so they are not bundled into the JavaScript
 * (which keeps the results page within its size budget).
 */
import type { StringKey } from './t';
import { fill } from './format';

export type { StringKey };

let dict: Record<string, string> | undefined;

export function t(key: StringKey, params: Record<string, string | number> = {}): string {
	dict ??= JSON.parse(document.getElementById('zz-strings')?.textContent ?? '{}') as Record<
		string,
		string
	>;
	return fill(dict[key] ?? key, params);
}
