/**
 * Deterministic generator of realistic result files, for unit tests and the benchmark.
 * A seeded PRNG (mulberry32) drives every choice, so the same catalogue, count and seed
 * always give the same files, byte for byte. Nothing here is used by the site itself.
 *
 * What it makes: branches with Chinese unit names (区域 + 序号 + 行业 + 单位类型, such as
 * 东城区第三机械厂), each assessed in one to four distinct years; strong, middling and weak
 * branches with a drift from year to year; some 不适用, rates for rate criteria, notes,
 * some incomplete assessments, and sub-units (分工会、工会小组) under a parent 基层工会.
 */
import type { Catalogue } from './catalogue-schema';
import {
	emptyAnswer,
	newAssessment,
	type Assessment,
	type Level,
	type Profile,
} from './assessment';
import { buildResultFile, MAX_FILE_BYTES, type ImportErrorCode } from './result-file';
import { levelForRate, round1, scoreAssessment } from './scoring';
import {
	branchHash,
	emptyReviewCriterion,
	REVIEW_METHODS,
	type Digest,
	type Review,
} from './review';
import { reviewScoresBlock, scoreReview } from './review-score';

/** A generated file: its name and JSON text. */
export interface GeneratedFile {
	name: string;
	text: string;
}

/** Options for `generateResultFiles`. */
export interface GenerateOptions {
	/** First year assessed (default 2021). */
	firstYear?: number;
	/** How many years the dates span (default 5). */
	years?: number;
	/** Share of branches that are sub-units (default 0.25). */
	subunitShare?: number;
	/** Share of branches that leave some criteria unanswered (default 0.15). */
	incompleteShare?: number;
}

/** mulberry32: a small, fast 32-bit seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const REGIONS = [
	'东城区',
	'西城区',
	'朝阳区',
	'海淀区',
	'丰台区',
	'滨江区',
	'江北区',
	'南岸区',
	'高新区',
	'经开区',
	'城关镇',
	'新华区',
	'和平区',
	'鼓楼区',
	'河东区',
	'天河区',
];
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十'];
const INDUSTRIES = [
	'机械',
	'纺织',
	'电子',
	'食品',
	'化工',
	'建材',
	'印刷',
	'物流',
	'医药',
	'汽车配件',
	'服装',
	'造纸',
	'钢铁',
	'家具',
];
const ENTERPRISE_TYPES = ['厂', '有限公司', '股份有限公司', '集团公司'];
const PUBLIC_UNITS = ['中学', '小学', '人民医院', '中医院', '疾控中心', '图书馆', '职业技术学校'];
const COMMUNITY_PARTS = ['幸福', '和谐', '光明', '春晖', '长青', '新兴', '安居', '向阳'];
const SUBUNIT_NAMES = [
	'一车间分工会',
	'二车间分工会',
	'三车间分工会',
	'机修班工会小组',
	'质检科工会小组',
	'销售部分工会',
	'后勤工会小组',
	'仓储物流分工会',
	'技术中心分工会',
	'行政办公室工会小组',
	'安保队工会小组',
	'财务科工会小组',
];
const ASSESSORS = [
	'王建国',
	'李秀英',
	'张伟',
	'刘芳',
	'陈明',
	'杨丽',
	'赵磊',
	'黄敏',
	'周军',
	'吴静',
	'徐强',
	'孙燕',
];
const NA_REASONS = [
	'本单位职工人数少，未单独设立',
	'单位性质不要求',
	'尚未设分工会、工会小组',
	'上级工会统一组织，本单位不单独开展',
];
const NOTES = [
	'已建立台账，记录完整',
	'制度已制定，落实情况待加强',
	'今年新建，正在完善',
	'资料归档不全，已安排补齐',
	'上级工会检查时提出整改意见，已整改',
	'由行政统一安排，工会参与',
	'职工反映较好',
	'活动次数比去年减少',
];

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Roughly normal noise in [−1, 1] (sum of two uniforms), so most draws stay near the mean. */
const noise = (rng: Rng) => rng() + rng() - 1;

interface Branch {
	unitName: string;
	unionName: string;
	unitType: Profile['unitType'];
	scope: Profile['scope'];
	parentUnion: string;
	memberCount: number;
	/** 0–1: how well the branch does, before the yearly drift. */
	strength: number;
	/** Change in strength per year (mostly improving). */
	drift: number;
	incomplete: boolean;
}

function unitFor(rng: Rng): { unitName: string; unitType: Profile['unitType'] } {
	const region = pick(rng, REGIONS);
	const roll = rng();
	if (roll < 0.7)
		return {
			unitName: `${region}${pick(rng, ORDINALS)}${pick(rng, INDUSTRIES)}${pick(rng, ENTERPRISE_TYPES)}`,
			unitType: 'enterprise',
		};
	if (roll < 0.9)
		return {
			unitName: `${region}${pick(rng, ORDINALS)}${pick(rng, PUBLIC_UNITS)}`,
			unitType: 'public',
		};
	return { unitName: `${region}${pick(rng, COMMUNITY_PARTS)}社区`, unitType: 'community' };
}

/** Strong, middling or weak, so that summaries have a spread to show. */
function strengthFor(rng: Rng): number {
	const roll = rng();
	if (roll < 0.3) return between(rng, 0.1, 0.45);
	if (roll < 0.75) return between(rng, 0.45, 0.75);
	return between(rng, 0.75, 1);
}

function makeBranches(
	rng: Rng,
	wanted: number,
	opts: Required<GenerateOptions>,
): { branch: Branch; years: number[] }[] {
	const out: { branch: Branch; years: number[] }[] = [];
	const names = new Set<string>();
	const unions: Branch[] = [];
	let slots = 0;
	while (slots < wanted) {
		let branch: Branch;
		const base = {
			strength: strengthFor(rng),
			drift: between(rng, -0.04, 0.08),
			incomplete: rng() < opts.incompleteShare,
		};
		if (unions.length > 0 && rng() < opts.subunitShare) {
			const parent = pick(rng, unions);
			let unionName = pick(rng, SUBUNIT_NAMES);
			// Name already used under this parent: prefix a number so each sub-unit stays distinct.
			for (let n = 2; names.has(`${parent.unitName}|${unionName}`); n++)
				unionName = `第${n}${pick(rng, SUBUNIT_NAMES)}`;
			branch = {
				...base,
				unitName: parent.unitName,
				unionName,
				unitType: parent.unitType,
				scope: 'subunit',
				parentUnion: parent.unionName,
				memberCount: Math.round(between(rng, 8, 200)),
			};
		} else {
			let unit = unitFor(rng);
			for (let tries = 0; names.has(`${unit.unitName}|${unit.unitName}工会`) && tries < 20; tries++)
				unit = unitFor(rng);
			let unitName = unit.unitName;
			for (let n = 2; names.has(`${unitName}|${unitName}工会`); n++)
				unitName = `${unit.unitName}（${n}）`;
			branch = {
				...base,
				unitName,
				unionName: `${unitName}工会`,
				unitType: unit.unitType,
				scope: 'union',
				parentUnion: '',
				memberCount: Math.round(between(rng, 30, 3000)),
			};
			unions.push(branch);
		}
		names.add(`${branch.unitName}|${branch.unionName}`);
		// Distinct years per branch, so no two files share a branch and a date.
		const allYears = Array.from({ length: opts.years }, (_, i) => opts.firstYear + i);
		const k = Math.min(wanted - slots, 1 + Math.floor(rng() * Math.min(4, opts.years)));
		const years = shuffle(rng, allYears)
			.slice(0, k)
			.sort((a, b) => a - b);
		out.push({ branch, years });
		slots += k;
	}
	return out;
}

function shuffle<T>(rng: Rng, list: T[]): T[] {
	const a = [...list];
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[a[i], a[j]] = [a[j]!, a[i]!];
	}
	return a;
}

function assessmentFor(
	rng: Rng,
	catalogue: Catalogue,
	branch: Branch,
	year: number,
	yearIndex: number,
	id: string,
): Assessment {
	const passMark = catalogue.bands.find((b) => b.id === 'hege')?.min ?? 75;
	const modelMark = catalogue.bands.find((b) => b.id === 'mofan')?.min ?? 90;
	const month = 1 + Math.floor(rng() * 12);
	const day = 1 + Math.floor(rng() * 28);
	const assessedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const now = new Date(`${assessedOn}T09:30:00Z`);
	const a = newAssessment({
		id,
		name: `${year} 年度自评`,
		now,
		catalogueVersion: catalogue.version,
		passMark,
		modelMark,
	});
	a.profile = {
		unitName: branch.unitName,
		unionName: branch.unionName,
		unitType: branch.unitType,
		scope: branch.scope,
		parentUnion: branch.parentUnion,
		memberCount: branch.memberCount,
		assessedOn,
		assessor: pick(rng, ASSESSORS),
	};
	const strength = clamp(branch.strength + branch.drift * yearIndex, 0, 1);
	const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
	const naRate = branch.scope === 'subunit' ? 0.12 : 0.04;
	for (const c of catalogue.criteria) {
		if (branch.incomplete && rng() < 0.2) continue; // left unanswered
		const answer = emptyAnswer();
		if (c.allowNotApplicable !== false && rng() < naRate) {
			answer.na = true;
			answer.naReason = pick(rng, NA_REASONS);
		} else if (c.rate) {
			answer.rate = round1(clamp(50 + strength * 50 + noise(rng) * 15, 0, 100));
		} else {
			// Bonus criteria sit about a level lower: few branches have a 特色品牌.
			const mean = strength * 3 - (bonusCats.has(c.category) ? 1 : 0);
			answer.level = clamp(Math.round(mean + noise(rng) * 1.2), 0, 3) as Level;
		}
		const level = answer.level ?? (answer.rate !== null ? levelForRate(c, answer.rate) : 0);
		if (!answer.na && level >= 2)
			answer.evidence = c.evidence.map((_, i) => i).filter(() => rng() < 0.7);
		if (rng() < 0.25) answer.note = pick(rng, NOTES);
		a.answers[c.id] = answer;
	}
	for (const v of catalogue.vetoes) if (!v.derivedFrom) a.vetoes[v.id] = rng() < 0.03;
	for (const e of catalogue.eligibility)
		if (e.check.kind === 'ask') a.eligibility[e.id] = rng() < 0.3 ? null : rng() < strength;
	const members = branch.memberCount;
	const participants = Math.round(members * between(rng, 0.3, 0.9));
	const satisfied = Math.round(participants * clamp(0.5 + strength * 0.45, 0, 1));
	const basic = Math.round((participants - satisfied) * 0.7);
	a.survey = {
		held: true,
		members,
		participants,
		frontline: Math.round(participants * between(rng, 0.5, 0.8)),
		satisfied,
		basic,
		unsatisfied: participants - satisfied - basic,
		countBasic: rng() < 0.5,
	};
	return a;
}

/** Serialises an assessment as "下载 JSON" does (scores included, two-space indent). */
function toFileText(catalogue: Catalogue, a: Assessment): string {
	const now = new Date(a.updatedAt);
	return JSON.stringify(buildResultFile(a, scoreAssessment(catalogue, a), now), null, 2);
}

/** `count` realistic result files for `catalogue`, the same for the same seed, in shuffled order. */
export function generateResultFiles(
	catalogue: Catalogue,
	count: number,
	seed: number,
	opts: GenerateOptions = {},
): GeneratedFile[] {
	const o: Required<GenerateOptions> = {
		firstYear: 2021,
		years: 5,
		subunitShare: 0.25,
		incompleteShare: 0.15,
		...opts,
	};
	const rng = mulberry32(seed);
	const files: GeneratedFile[] = [];
	for (const { branch, years } of makeBranches(rng, count, o)) {
		years.forEach((year, yearIndex) => {
			const a = assessmentFor(
				rng,
				catalogue,
				branch,
				year,
				yearIndex,
				`gen-${seed >>> 0}-${files.length + 1}`,
			);
			const label =
				branch.scope === 'subunit' ? `${branch.unitName}${branch.unionName}` : branch.unionName;
			files.push({ name: `${label}-${a.profile.assessedOn}.json`, text: toFileText(catalogue, a) });
		});
	}
	return shuffle(rng, files);
}

const REVIEW_COMMENTS = [
	'台账不全，部分活动无签到记录',
	'现场查看与自评一致',
	'座谈中职工反映知晓度不高',
	'制度已建，执行记录缺少近半年材料',
];

/**
 * Turns a share of generated result files into reviewed result files, deterministically.
 * The reviewer mostly agrees; about a third of the reviewed branches over-rated themselves
 * and are marked down one level on a quarter of their criteria. `digest` is SHA-256 as hex
 * (Web Crypto in the browser, node:crypto in tests).
 */
export async function reviewGeneratedFiles(
	catalogue: Catalogue,
	files: readonly GeneratedFile[],
	seed: number,
	share: number,
	digest: Digest,
): Promise<GeneratedFile[]> {
	const rng = mulberry32(seed ^ 0x5eed);
	const out: GeneratedFile[] = [];
	for (const file of files) {
		if (rng() >= share) {
			out.push(file);
			continue;
		}
		const data = JSON.parse(file.text) as { assessment: Assessment };
		const a = data.assessment;
		const harsh = rng() < 0.35;
		const reviewedOn = a.profile.assessedOn || a.updatedAt.slice(0, 10);
		const review: Review = {
			reviewer: { name: pick(rng, ASSESSORS), organisation: '市总工会基层工作部' },
			reviewedOn,
			rectifyBy: '',
			conclusion: harsh ? '自评偏高，部分指标佐证不足。' : '自评基本属实。',
			branchHash: await branchHash(digest, a.catalogueVersion, a),
			criteria: {},
			vetoes: { ...a.vetoes },
			scores: {
				base: 0,
				bonus: 0,
				total: 0,
				band: 'qibu',
				capped: false,
				missingRequired: [],
				vetoes: [],
			},
		};
		for (const c of catalogue.criteria) {
			const own = a.answers[c.id];
			if (!own) continue;
			const r = emptyReviewCriterion();
			r.methods = REVIEW_METHODS.filter(() => rng() < 0.5);
			if (r.methods.length === 0) r.methods = ['documents'];
			const lower = harsh && rng() < 0.25;
			if (own.na) r.na = true;
			else if (c.rate && own.rate !== null)
				r.rate = lower ? round1(Math.max(0, own.rate - 15)) : own.rate;
			else if (own.level !== null)
				r.level = (lower ? Math.max(0, own.level - 1) : own.level) as Level;
			if (lower) r.comment = pick(rng, REVIEW_COMMENTS);
			review.criteria[c.id] = r;
		}
		review.scores = reviewScoresBlock(scoreReview(catalogue, a, review));
		const text = JSON.stringify(
			buildResultFile(a, scoreAssessment(catalogue, a), new Date(a.updatedAt), review),
			null,
			2,
		);
		out.push({ name: file.name.replace(/\.json$/, '-验收.json'), text });
	}
	return out;
}

/** A broken or odd file and what loading it should give. */
export interface BadFile extends GeneratedFile {
	/** Size to report instead of the text's (to test the size check without 5 MB of text). */
	size?: number;
	/** The rejection code expected, or 'loads' for a file that loads despite its oddity. */
	expect: ImportErrorCode | 'duplicate' | 'loads';
}

/**
 * A handful of broken files, most derived from `good` (a generated file; one is made when
 * left out): not JSON, empty, too large, wrong format, newer version, bad shape, a
 * forbidden `__proto__` key, a duplicate of `good`, and one answering an unknown criterion,
 * which the overview loads (the unknown answer is ignored).
 */
export function generateBadFiles(catalogue: Catalogue, good?: GeneratedFile): BadFile[] {
	const base = good ?? generateResultFiles(catalogue, 1, 1)[0]!;
	const data = JSON.parse(base.text) as ReturnType<typeof buildResultFile>;
	const variant = (change: (d: typeof data) => void): string => {
		const copy = structuredClone(data);
		change(copy);
		return JSON.stringify(copy, null, 2);
	};
	const firstCriterion = catalogue.criteria.find((c) => !c.rate)!.id;
	return [
		{
			name: '截断的文件.json',
			text: base.text.slice(0, Math.floor(base.text.length / 2)),
			expect: 'not-json',
		},
		{ name: '空文件.json', text: '', expect: 'empty' },
		{ name: '超大的文件.json', text: '{}', size: MAX_FILE_BYTES + 1, expect: 'too-large' },
		{
			name: '其他软件的文件.json',
			text: variant((d) => ((d as { format: string }).format = 'other.app')),
			expect: 'not-result-file',
		},
		{
			name: '新版本的文件.json',
			text: variant((d) => ((d as { schemaVersion: number }).schemaVersion = 99)),
			expect: 'newer-version',
		},
		{
			name: '档次错误的文件.json',
			text: variant((d) => {
				d.assessment.answers[firstCriterion] = { ...emptyAnswer(), level: 7 as unknown as Level };
			}),
			expect: 'bad-shape',
		},
		// A reviver sees "__proto__" as an own key of parsed JSON; a plain object literal could not hold it.
		{
			name: '含原型字段的文件.json',
			text: base.text.replace(/^\{/, '{"__proto__": {"polluted": true},'),
			expect: 'forbidden-key',
		},
		{ name: `副本-${base.name}`, text: base.text, expect: 'duplicate' },
		{
			name: '含未知指标的文件.json',
			text: variant((d) => {
				d.assessment.profile.unitName = '未知指标测试单位';
				d.assessment.profile.unionName = '未知指标测试单位工会';
				d.assessment.answers['Z9'] = { ...emptyAnswer(), level: 3 };
			}),
			expect: 'loads',
		},
	];
}

/** Adds the UTF-8 byte size each file would have on disk, as a dropped File reports it. */
export function withSizes<T extends GeneratedFile & { size?: number }>(
	files: readonly T[],
): (T & { size: number })[] {
	const encoder = new TextEncoder();
	return files.map((f) => ({ ...f, size: f.size ?? encoder.encode(f.text).length }));
}
