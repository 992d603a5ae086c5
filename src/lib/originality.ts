/**
 * The copy check behind the rule "no 15-character run of the seed article may appear in
 * the site". Pure: callers read the files and hand the text in (tests/unit/originality.test.ts
 * scans every source a page is built from).
 */

/** Length of the shortest run that counts as copied. */
export const COPY_RUN = 15;

/** Where a seed article ends: the rest of the stored page is unrelated clutter. */
const SEED_END = /^\s*\[责任编辑/m;

/** The article part of a stored seed page (everything before `[责任编辑…]`). */
export function seedArticle(page: string): string {
	const end = SEED_END.exec(page);
	return end ? page.slice(0, end.index) : page;
}

/** Text with punctuation, symbols and whitespace removed and Latin letters lower-cased. */
export function normalise(text: string): string {
	return text.replace(/[\p{P}\p{S}\p{Z}\p{C}\s]/gu, '').toLowerCase();
}

/** Every run of `run` characters of the normalised seeds. */
export function seedRuns(seeds: readonly string[], run = COPY_RUN): Set<string> {
	const runs = new Set<string>();
	for (const seed of seeds) {
		const chars = [...normalise(seed)];
		for (let i = 0; i + run <= chars.length; i++) runs.add(chars.slice(i, i + run).join(''));
	}
	return runs;
}

/**
 * Copied passages of `text`: each maximal stretch whose every `run`-character window
 * occurs in the seeds, reported once (so one copied sentence is one finding, not twenty).
 */
export function copiedPassages(text: string, runs: Set<string>, run = COPY_RUN): string[] {
	const chars = [...normalise(text)];
	const found: string[] = [];
	let start = -1;
	let end = -1;
	for (let i = 0; i + run <= chars.length; i++) {
		if (!runs.has(chars.slice(i, i + run).join(''))) continue;
		if (start !== -1 && i <= end) end = i + run;
		else {
			if (start !== -1) found.push(chars.slice(start, end).join(''));
			start = i;
			end = i + run;
		}
	}
	if (start !== -1) found.push(chars.slice(start, end).join(''));
	return found;
}
