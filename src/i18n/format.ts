/** Fills `{{name}}` placeholders; shared by the build-time and the in-browser `t()`. */
export function fill(text: string, params: Record<string, string | number>): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
		name in params ? String(params[name]) : `{{${name}}}`,
	);
}
