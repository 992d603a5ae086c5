/**
 * Turns a pagefind excerpt into clean text with the right words marked.
 *
 * pagefind builds an excerpt from the page's segmented words: for Chinese it marks every
 * word that matched any character of the query (for 职代会 every 职工, 代表 and 大会), it
 * leaves spaces between words that were split ("职 代 会"), and it ends each heading with
 * a Latin ". ". This module works on the excerpt's text only (no DOM) and returns parts
 * that the caller renders with textContent, so nothing from the index becomes markup.
 */

/** A run of excerpt text, marked or not. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/** Han characters and the CJK punctuation and full-width forms that sit between them. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026';
const CJK_SPACE_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');
/** A heading's Latin full stop, after Chinese text: "怎么做. 先摸清" */
const HEADING_STOP = new RegExp(`([\\p{Script=Han}A-Za-z0-9）》”])\\. +(?=\\S)`, 'gu');
/** The same after a closing punctuation mark, where a full stop would be doubled. */
const STOP_AFTER_PUNCT = /([。！？：；，、])\. +/gu;

const ENTITIES: Record<string, string> = {
	'&lt;': '<',
	'&gt;': '>',
	'&amp;': '&',
	'&quot;': '"',
	'&#39;': "'",
	'&#x27;': "'",
	'&nbsp;': '\u00a0',
};

function decode(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(?:lt|gt|amp|quot|nbsp|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
}

/** The excerpt's plain text (pagefind's marks dropped) and the words pagefind had marked. */
export function readExcerpt(html: string): { text: string; marked: string[] } {
	const marked: string[] = [];
	const text = decode(
		html.replace(/<mark>([\s\S]*?)<\/mark>/g, (_, inner: string) => {
			marked.push(decode(inner).trim());
			return inner;
		}),
	);
	return { text, marked };
}

/** Clean text: no zero-width spaces, no gaps between Chinese characters, Chinese stops. */
export function cleanText(text: string): string {
	return (
		text
			.replace(/\u200b/g, '')
			.replace(CJK_SPACE_CJK, '$1')
			.replace(STOP_AFTER_PUNCT, '$1')
			.replace(HEADING_STOP, '$1。')
			// pagefind's ellipsis at either end, if any, in the Chinese form.
			.replace(/^\s*(?:\.\.\.|…)\s*/u, '……')
			.replace(/\s*(?:\.\.\.|…)\s*$/u, '……')
			// An excerpt cut just after a word starts with the sentence's punctuation: drop it.
			.replace(/^(……)?[\s：，。、；！？）」』”]+/u, '$1')
			.replace(/[ \t\u00a0]{2,}/g, ' ')
			.trim()
	);
}

const chars = (s: string) => Array.from(s).length;
const squash = (s: string) => cleanText(s).replace(/\s+/g, '');

/**
 * What to mark, best first: the whole query; else its space-separated parts of two or more
 * characters; else the words pagefind matched that have two or more characters; a
 * one-character query marks that character.
 */
export function markTerms(query: string, marked: string[], text: string): string[] {
	const whole = squash(query);
	if (!whole) return [];
	if (text.includes(whole)) return [whole];
	const parts = query
		.split(/\s+/)
		.map(squash)
		.filter((p) => chars(p) >= 2 && text.includes(p));
	if (parts.length) return parts;
	const words = [...new Set(marked.map(squash))].filter((w) => chars(w) >= 2 && text.includes(w));
	if (words.length) return words;
	return chars(whole) === 1 ? [whole] : [];
}

/** Splits `text` into parts, marking every occurrence of `terms` (longest first, no overlaps). */
export function markParts(text: string, terms: string[]): ExcerptPart[] {
	const sorted = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
	const parts: ExcerptPart[] = [];
	let plain = '';
	let i = 0;
	while (i < text.length) {
		const term = sorted.find((t) => text.startsWith(t, i));
		if (term) {
			if (plain) parts.push({ text: plain, mark: false });
			plain = '';
			parts.push({ text: term, mark: true });
			i += term.length;
		} else {
			plain += text[i];
			i++;
		}
	}
	if (plain) parts.push({ text: plain, mark: false });
	return parts;
}

/** pagefind's excerpt HTML → clean parts with the query (or its longer words) marked. */
export function cleanExcerpt(html: string, query: string): ExcerptPart[] {
	const { text, marked } = readExcerpt(html);
	const clean = cleanText(text);
	return markParts(clean, markTerms(query, marked, clean));
}
