import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GuidanceFrontMatterSchema, type GuidanceFrontMatter } from '../../src/lib/guidance-schema';
import { realCatalogue } from './helpers';

const GUIDANCE_DIR = 'content/guidance';
const SEED_PATH = '../shared/seeds/000_c045ccda3a348426.txt';
const MIN_HAN = 800;
const RUN = 12;

interface Page {
	id: string;
	file: string;
	raw: unknown;
	data: GuidanceFrontMatter;
	body: string;
}

/** Splits an MDX file into its YAML front matter and body. */
function split(text: string, file: string): { front: string; body: string } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!m) throw new Error(`${file}: 没有 front matter`);
	return { front: m[1]!, body: m[2]! };
}

const files = readdirSync(GUIDANCE_DIR)
	.filter((f) => f.endsWith('.mdx'))
	.sort();
const pages: Page[] = files.map((f) => {
	const file = join(GUIDANCE_DIR, f);
	const { front, body } = split(readFileSync(file, 'utf8'), file);
	const raw = parse(front) as unknown;
	const parsed = GuidanceFrontMatterSchema.safeParse(raw);
	return {
		id: basename(f, '.mdx'),
		file,
		raw,
		data: parsed.success ? parsed.data : (raw as GuidanceFrontMatter),
		body,
	};
});
const pillars = parse(readFileSync('content/pillars.yaml', 'utf8')) as {
	id: string;
	name: string;
	group: string;
}[];
const catalogue = realCatalogue();
const pageIds = new Set(pages.map((p) => p.id));
const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';

/** Heading anchors as Astro makes them (github-slugger: lower case, punctuation dropped, spaces → -). */
function headingSlugs(body: string): Set<string> {
	const out = new Set<string>();
	for (const m of body.matchAll(/^#{2,6}\s+(.+?)\s*$/gm))
		out.add(
			m[1]!
				.toLowerCase()
				.replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
				.replace(/\s/g, '-'),
		);
	return out;
}

describe('guidance pages', () => {
	it('there is at least one page', () => expect(pages.length).toBeGreaterThan(0));

	describe.each(pages.map((p) => [p.id, p] as const))('%s.mdx', (_id, page) => {
		it('front matter matches the collection schema', () => {
			const result = GuidanceFrontMatterSchema.safeParse(page.raw);
			if (!result.success)
				throw new Error(`${page.file}: ${JSON.stringify(result.error.issues, null, 2)}`);
		});

		it('the page id is a valid guide reference', () => {
			expect(page.id).toMatch(/^[a-z0-9-]+$/);
		});

		it(`body has at least ${MIN_HAN} 汉字`, () => {
			expect(han(page.body).length).toBeGreaterThanOrEqual(MIN_HAN);
		});

		it('body has ## headings', () => {
			expect(page.body).toMatch(/^## \S/m);
		});

		it('every criterion it lists exists in the catalogue', () => {
			const known = new Set(catalogue.criteria.map((c) => c.id));
			expect(page.data.criteria.filter((id) => !known.has(id))).toEqual([]);
		});

		it('has no placeholder text', () => {
			const text = readFileSync(page.file, 'utf8');
			expect(text).not.toMatch(/TODO|待补充|lorem|coming soon|TBD|FIXME|XXX/i);
		});
	});

	it('page ids are unique (also ignoring case)', () => {
		const lower = pages.map((p) => p.id.toLowerCase());
		expect(new Set(lower).size).toBe(lower.length);
	});

	it('sidebar order values are unique', () => {
		const orders = pages.map((p) => p.data.order);
		expect(new Set(orders).size).toBe(orders.length);
	});

	it('titles are unique', () => {
		const titles = pages.map((p) => p.data.title);
		expect(new Set(titles).size).toBe(titles.length);
	});
});

describe('pillars', () => {
	it('ids are unique', () => {
		const ids = pillars.map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(pillars.map((p) => [p.id] as const))('pillar %s has at least one page', (id) => {
		expect(pages.filter((p) => p.data.pillar === id).length).toBeGreaterThanOrEqual(1);
	});

	it('every pillar with criteria in the catalogue has exactly one page (its home for 必备/否决)', () => {
		const guided = new Set(catalogue.criteria.map((c) => c.guide.split('#')[0]!));
		for (const id of guided) {
			const pillar = pages.find((p) => p.id === id)?.data.pillar;
			expect(pages.filter((p) => p.data.pillar === pillar).map((p) => p.id)).toEqual([id]);
		}
	});

	it('every page names a pillar that exists', () => {
		const ids = new Set(pillars.map((p) => p.id));
		expect(pages.filter((p) => !ids.has(p.data.pillar)).map((p) => p.id)).toEqual([]);
	});
});

describe('catalogue ↔ guidance', () => {
	const refs = [
		...catalogue.categories.map((k) => [`category ${k.id}`, k.guide] as const),
		...catalogue.criteria.map((c) => [`criterion ${c.id}`, c.guide] as const),
	];
	it.each(refs)('%s guide %s names an existing page (and heading)', (_what, guide) => {
		const [page, anchor] = guide.split('#') as [string, string | undefined];
		expect(pageIds.has(page)).toBe(true);
		if (anchor !== undefined) {
			const body = pages.find((p) => p.id === page)!.body;
			expect(headingSlugs(body).has(anchor)).toBe(true);
		}
	});

	it('every source id cited by criteria, vetoes and eligibility exists', () => {
		const ids = new Set(catalogue.sources.map((s) => s.id));
		const cited = [
			...catalogue.criteria.flatMap((c) => c.sources.map((s) => [c.id, s])),
			...catalogue.vetoes.flatMap((v) => v.sources.map((s) => [v.id, s])),
			...catalogue.eligibility.map((e) => [e.id, e.source]),
		];
		expect(cited.filter(([, s]) => !ids.has(s!))).toEqual([]);
	});

	it('source ids are unique', () => {
		const ids = catalogue.sources.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('originality against the seed article', () => {
	const seedExists = existsSync(SEED_PATH);
	if (!seedExists)
		it.skip(`seed article ${SEED_PATH} is absent (it lives outside the project); the copy check cannot run`, () => {});
	else {
		const full = readFileSync(SEED_PATH, 'utf8');
		const lines = full.split(/\r?\n/);
		const end = lines.findIndex((l) => l.trimStart().startsWith('[责任编辑'));
		const seed = han((end === -1 ? lines : lines.slice(0, end)).join('\n'));
		const grams = new Set<string>();
		for (let i = 0; i + RUN <= seed.length; i++) grams.add(seed.slice(i, i + RUN));

		/** Runs of RUN 汉字 in `text` that also occur in the seed (punctuation and Latin ignored). */
		const copiedRuns = (text: string) => {
			const body = han(text);
			const copied: string[] = [];
			for (let i = 0; i + RUN <= body.length; i++) {
				const g = body.slice(i, i + RUN);
				if (grams.has(g)) copied.push(g);
			}
			return copied;
		};

		it('the seed text is found and long enough to compare', () => {
			expect(end).toBeGreaterThan(0);
			expect(seed.length).toBeGreaterThan(RUN * 10);
		});

		it('the check catches a copied passage even when punctuation and spacing change', () => {
			const passage = seed.slice(200, 200 + RUN + 3);
			const disguised = `前言。${[...passage].join(' ')}，后记`;
			expect(copiedRuns(disguised).length).toBeGreaterThan(0);
			expect(copiedRuns(passage.slice(0, RUN - 1))).toEqual([]);
		});

		it.each(pages.map((p) => [p.id, p] as const))(
			`%s.mdx shares no run of ${RUN} 汉字 with the seed`,
			(_id, page) => {
				expect(copiedRuns(page.body)).toEqual([]);
			},
		);

		it(`content/measures.yaml shares no run of ${RUN} 汉字 with the seed`, () => {
			const measures = readFileSync('content/measures.yaml', 'utf8')
				.split(/\r?\n/)
				.filter((l) => !l.trimStart().startsWith('#'))
				.join('\n');
			expect(copiedRuns(measures)).toEqual([]);
		});
	}
});
