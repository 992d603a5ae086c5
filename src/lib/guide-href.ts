/**
 * Links to guidance from a catalogue reference. Kept apart from the catalogue schema so
 * client scripts can use it without bundling zod.
 */

/** The URL of a guide reference (`page` or `page#heading`) under the site's base path. */
export function guideHref(base: string, ref: string): string {
	const [page = '', heading] = ref.split('#');
	return `${base}guide/${page}/${heading ? `#${heading}` : ''}`;
}
