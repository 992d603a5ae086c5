/**
 * The one place user-facing text lives: `zh-CN.json`, flat dotted keys with
 * `{{name}}` placeholders. `t()` is tiny and free of zod so client scripts can use it;
 * `check.ts` validates the file when the site is built and in unit tests.
 */
import strings from './zh-CN.json';
import { fill } from './format';

/** Every key of the strings file; a typo is a type error caught by `astro check`. */
export type StringKey = keyof typeof strings;

/** Looks up a string and fills `{{name}}` placeholders. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
	return fill(strings[key], params);
}

/** A subset of strings for a client script, to pass in a `data-*` attribute. */
export function pick<K extends StringKey>(keys: readonly K[]): Record<K, string> {
	return Object.fromEntries(keys.map((k) => [k, strings[k]])) as Record<K, string>;
}
