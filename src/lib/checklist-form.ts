/**
 * The checklist form as a model: which part of an assessment a form field holds, how a
 * typed value becomes the next assessment (or a field-level error), and what every field
 * shows for a saved assessment.
 *
 * Every value is checked with the sub-schemas and LIMITS of `assessment.ts`, and the whole
 * next assessment with `AssessmentSchema`, so nothing the form accepts can make the saved
 * data unreadable. A refused value leaves the assessment as it was (the last valid value
 * stays saved); the error is a code with parameters, and the page words it from the
 * strings file (`form.error.*`).
 *
 * Field names (the `name` attributes the checklist renders):
 *   profile.<key>                       单位基本情况 (text, select, number, date)
 *   level-<id>                          a criterion's level radio: 0–3 (`na` is still read)
 *   na-<id>                             a criterion's 不适用 checkbox (ticking it clears a level)
 *   rate-<id>, naReason-<id>, note-<id> a criterion's rate, 不适用原因, 情况说明
 *   evidence-<id>                       one evidence checkbox (value: its index)
 *   veto-<id>, elig-<id>                yes / no radios of a veto or a 推荐条件
 *   survey.<count> | survey.countBasic  the 会员评家 calculator
 *   settings.passMark | settings.modelMark
 *   name                                the assessment's name (评估名称)
 */
import type { Catalogue } from './catalogue-schema';
import { surveyFieldError } from './survey';
import { criterionStatus } from './scoring';
import {
	AnswerSchema,
	AssessmentFieldsSchema,
	AssessmentSchema,
	CriterionKeySchema,
	FlagKeySchema,
	LIMITS,
	ProfileSchema,
	SURVEY_COUNT_KEYS,
	SettingsSchema,
	SurveySchema,
	emptyAnswer,
	isEmptyAnswer,
	type Answer,
	type Assessment,
	type Profile,
} from './assessment';

export type ProfileKey = keyof Profile;
export type SurveyCountKey = (typeof SURVEY_COUNT_KEYS)[number];
export type SettingsKey = 'passMark' | 'modelMark';
/** The parts of an answer a field can hold. */
export type AnswerPart = 'level' | 'na' | 'rate' | 'naReason' | 'note' | 'evidence';

/** What one form field holds. */
export type Field =
	| { kind: 'name' }
	| { kind: 'profile'; key: ProfileKey }
	| { kind: 'answer'; part: AnswerPart; criterion: string }
	| { kind: 'veto'; id: string }
	| { kind: 'eligibility'; id: string }
	| { kind: 'survey'; key: SurveyCountKey | 'countBasic' | 'held' }
	| { kind: 'settings'; key: SettingsKey };

/** What a field holds now, as the browser reports it. */
export interface FieldInput {
	/** The control's value (for a checkbox or radio: its value attribute). */
	value: string;
	/** For checkboxes and radios: whether it is checked. */
	checked?: boolean | undefined;
	/** The browser could not read the text as a number (`validity.badInput`). */
	badInput?: boolean | undefined;
}

/** Why a value was refused; the page words it with `form.error.<code>`. */
export type FieldErrorCode =
	| 'notNumber'
	| 'notInteger'
	| 'tooSmall'
	| 'tooLarge'
	| 'tooLong'
	| 'badDate'
	| 'badChoice'
	| 'marksOrder'
	| 'frontlineAboveParticipants'
	| 'tooMany';

export interface FieldError {
	code: FieldErrorCode;
	/** Numbers for the message: `min`, `max`. */
	params: Record<string, number>;
}

export type ApplyResult = { ok: true; assessment: Assessment } | { ok: false; error: FieldError };

/** Short text limits per field, from LIMITS (the form's maxlength attributes come from here). */
export const TEXT_LIMITS = {
	name: LIMITS.shortText,
	profile: LIMITS.shortText,
	naReason: LIMITS.reason,
	note: LIMITS.note,
} as const;

/** Largest count the form accepts (会员人数 and the survey counts). */
export const MAX_COUNT = LIMITS.maxCount;

const PROFILE_KEYS = Object.keys(ProfileSchema.shape) as ProfileKey[];
const SURVEY_KEYS = Object.keys(SurveySchema.shape) as (SurveyCountKey | 'countBasic' | 'held')[];
const SETTINGS_KEYS = Object.keys(SettingsSchema.shape) as SettingsKey[];
const ANSWER_PARTS: Record<string, AnswerPart> = {
	level: 'level',
	na: 'na',
	rate: 'rate',
	naReason: 'naReason',
	note: 'note',
	evidence: 'evidence',
};

const includes = <T extends string>(list: readonly T[], x: string): x is T =>
	(list as readonly string[]).includes(x);

/**
 * Whether a change to `field` can change anything worked out from the answers (score,
 * progress, states, survey figures). 情况说明 and 不适用原因 are text kept with an answer
 * that no rule reads, so typing in them is saved without redrawing those.
 */
export function changesDerived(field: Field): boolean {
	return !(field.kind === 'answer' && (field.part === 'note' || field.part === 'naReason'));
}

/** Parses a field name into what it holds, or null for a name the form does not know. */
export function fieldOf(name: string): Field | null {
	if (name === 'name') return { kind: 'name' };
	const dotted = /^(profile|survey|settings)\.(\w+)$/.exec(name);
	if (dotted) {
		const [, group, key] = dotted as unknown as [string, string, string];
		if (group === 'profile' && includes(PROFILE_KEYS, key)) return { kind: 'profile', key };
		if (group === 'survey' && includes(SURVEY_KEYS, key)) return { kind: 'survey', key };
		if (group === 'settings' && includes(SETTINGS_KEYS, key)) return { kind: 'settings', key };
		return null;
	}
	const dashed = /^(\w+)-(.+)$/.exec(name);
	if (!dashed) return null;
	const [, prefix, id] = dashed as unknown as [string, string, string];
	const part = Object.hasOwn(ANSWER_PARTS, prefix) ? ANSWER_PARTS[prefix] : undefined;
	if (part)
		return CriterionKeySchema.safeParse(id).success
			? { kind: 'answer', part, criterion: id }
			: null;
	if (prefix === 'veto' || prefix === 'elig') {
		if (!FlagKeySchema.safeParse(id).success) return null;
		return prefix === 'veto' ? { kind: 'veto', id } : { kind: 'eligibility', id };
	}
	return null;
}

/** The name attribute of a field (the inverse of fieldOf). */
export function fieldName(field: Field): string {
	switch (field.kind) {
		case 'name':
			return 'name';
		case 'profile':
			return `profile.${field.key}`;
		case 'answer':
			return `${field.part}-${field.criterion}`;
		case 'veto':
			return `veto-${field.id}`;
		case 'eligibility':
			return `elig-${field.id}`;
		case 'survey':
			return `survey.${field.key}`;
		case 'settings':
			return `settings.${field.key}`;
	}
}

/** Turns the first zod issue into a field error. */
function issueError(
	issue:
		| {
				code?: string;
				expected?: string;
				minimum?: unknown;
				maximum?: unknown;
				origin?: string;
				format?: string;
		  }
		| undefined,
): FieldError {
	switch (issue?.code) {
		case 'too_big':
			return issue.origin === 'string'
				? { code: 'tooLong', params: { max: Number(issue.maximum) } }
				: issue.origin === 'array'
					? { code: 'tooMany', params: { max: Number(issue.maximum) } }
					: { code: 'tooLarge', params: { max: Number(issue.maximum) } };
		case 'too_small':
			return { code: 'tooSmall', params: { min: Number(issue.minimum) } };
		case 'invalid_type':
			return issue.expected === 'int'
				? { code: 'notInteger', params: {} }
				: { code: 'notNumber', params: {} };
		case 'invalid_format':
			return { code: 'badDate', params: {} };
		default:
			return { code: 'badChoice', params: {} };
	}
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

/** Validates a value with a schema, giving the value or a field error. */
function check<T>(
	schema: {
		safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: readonly object[] } };
	},
	value: unknown,
): Parsed<T> {
	const r = schema.safeParse(value);
	return r.success
		? { ok: true, value: r.data as T }
		: { ok: false, error: issueError(r.error?.issues[0] as Parameters<typeof issueError>[0]) };
}

/** A typed number: '' is null (cleared); text the browser could not read is refused. */
function numberFrom(input: FieldInput): Parsed<number | null> {
	if (input.badInput) return { ok: false, error: { code: 'notNumber', params: {} } };
	const text = input.value.trim();
	if (text === '') return { ok: true, value: null };
	// `+ 0` turns -0 into 0 (JSON would write it as 0 anyway).
	const n = Number(text) + 0;
	return Number.isFinite(n)
		? { ok: true, value: n }
		: { ok: false, error: { code: 'notNumber', params: {} } };
}

/** The next answer for a criterion field, or an error. */
function nextAnswer(prev: Answer, part: AnswerPart, input: FieldInput): Parsed<Answer> {
	const shape = AnswerSchema.shape;
	const next: Answer = { ...prev, evidence: [...prev.evidence] };
	switch (part) {
		case 'level': {
			if (input.value === 'na') {
				next.na = true;
				next.level = null;
				break;
			}
			// Only the radios' own values: '0'–'3'.
			const level = /^[0-3]$/.test(input.value)
				? check<Answer['level']>(shape.level, Number(input.value))
				: ({ ok: false } as const);
			if (!level.ok || level.value === null)
				return { ok: false, error: { code: 'badChoice', params: {} } };
			next.na = false;
			next.level = level.value;
			break;
		}
		case 'na':
			next.na = Boolean(input.checked);
			// 不适用 replaces a chosen level (a rate stays, shown in its field, and counts again
			// when 不适用 is unticked).
			if (next.na) next.level = null;
			break;
		case 'rate': {
			const n = numberFrom(input);
			if (!n.ok) return n;
			const rate = check<number | null>(shape.rate, n.value);
			if (!rate.ok) return rate;
			next.rate = rate.value;
			break;
		}
		case 'naReason':
		case 'note': {
			const text = check<string>(shape[part], input.value);
			if (!text.ok) return text;
			next[part] = text.value;
			break;
		}
		case 'evidence': {
			const i = Number(input.value);
			const list = input.checked
				? [...new Set([...next.evidence, i])].sort((x, y) => x - y)
				: next.evidence.filter((x) => x !== i);
			const evidence = check<number[]>(shape.evidence, list);
			if (!evidence.ok) return evidence;
			next.evidence = evidence.value;
			break;
		}
	}
	return { ok: true, value: next };
}

/** A yes/no radio as a flag. */
function flagFrom(input: FieldInput): Parsed<boolean> {
	if (input.value === 'yes') return { ok: true, value: true };
	if (input.value === 'no') return { ok: true, value: false };
	return { ok: false, error: { code: 'badChoice', params: {} } };
}

/**
 * Applies what one field now holds to an assessment. Gives the next assessment (a new
 * object; the one passed in is not changed) or the reason the value was refused.
 */
export function applyField(a: Assessment, field: Field, input: FieldInput): ApplyResult {
	const next: Assessment = { ...a };
	switch (field.kind) {
		case 'name': {
			const name = check<string>(AssessmentFieldsSchema.shape.name, input.value);
			if (!name.ok) return name;
			next.name = name.value;
			break;
		}
		case 'profile': {
			const schema = ProfileSchema.shape[field.key];
			let value: unknown = input.value;
			if (field.key === 'memberCount') {
				const n = numberFrom(input);
				if (!n.ok) return n;
				value = n.value;
			}
			const parsed = check<unknown>(schema, value);
			if (!parsed.ok) return parsed;
			next.profile = { ...a.profile, [field.key]: parsed.value };
			break;
		}
		case 'answer': {
			const prev = a.answers[field.criterion] ?? emptyAnswer();
			const answer = nextAnswer(prev, field.part, input);
			if (!answer.ok) return answer;
			const answers = { ...a.answers };
			if (isEmptyAnswer(answer.value)) delete answers[field.criterion];
			else answers[field.criterion] = answer.value;
			if (Object.keys(answers).length > LIMITS.answers)
				return { ok: false, error: { code: 'tooMany', params: { max: LIMITS.answers } } };
			next.answers = answers;
			break;
		}
		case 'veto':
		case 'eligibility': {
			const flag = flagFrom(input);
			if (!flag.ok) return flag;
			const key = field.kind === 'veto' ? 'vetoes' : 'eligibility';
			const flags = { ...a[key], [field.id]: flag.value };
			if (Object.keys(flags).length > LIMITS.keyedFlags)
				return { ok: false, error: { code: 'tooMany', params: { max: LIMITS.keyedFlags } } };
			next[key] = flags;
			break;
		}
		case 'survey': {
			if (field.key === 'countBasic') {
				next.survey = { ...a.survey, countBasic: Boolean(input.checked) };
				break;
			}
			if (field.key === 'held') {
				const held = flagFrom(input);
				if (!held.ok) return held;
				next.survey = { ...a.survey, held: held.value };
				break;
			}
			const n = numberFrom(input);
			if (!n.ok) return n;
			const count = check<number | null>(SurveySchema.shape[field.key], n.value);
			if (!count.ok) return count;
			const survey = { ...a.survey, [field.key]: count.value };
			// More front-line replies than participants cannot be: refused, the last valid count kept.
			if (surveyFieldError(survey))
				return { ok: false, error: { code: 'frontlineAboveParticipants', params: {} } };
			next.survey = survey;
			break;
		}
		case 'settings': {
			const n = numberFrom(input);
			if (!n.ok) return n;
			if (n.value === null) return { ok: false, error: { code: 'notNumber', params: {} } };
			const mark = check<number>(SettingsSchema.shape[field.key], n.value);
			if (!mark.ok) return mark;
			const settings = { ...a.settings, [field.key]: mark.value };
			if (!(settings.passMark < settings.modelMark))
				return { ok: false, error: { code: 'marksOrder', params: {} } };
			next.settings = settings;
			break;
		}
	}
	// The whole next assessment must be one storage reads back: the guarantee, whatever changed above.
	const whole = AssessmentSchema.safeParse(next);
	if (!whole.success)
		return {
			ok: false,
			error: issueError(whole.error.issues[0] as Parameters<typeof issueError>[0]),
		};
	return { ok: true, assessment: next };
}

/** What the form shows for an assessment: values of text-like fields and checked boxes. */
export interface FormValues {
	/** Text, number, date and select fields: name → value. */
	values: Record<string, string>;
	/** Radios and checkboxes: name → the values that are checked (a checkbox without a value attribute has `on`). */
	checked: Record<string, string[]>;
}

const shown = (v: number | string | null) => (v === null ? '' : String(v));

/** Every field's value for an assessment, to restore the form. */
export function fieldValues(catalogue: Catalogue, a: Assessment): FormValues {
	const values: Record<string, string> = { name: a.name };
	const checked: Record<string, string[]> = {};
	for (const key of PROFILE_KEYS) values[`profile.${key}`] = shown(a.profile[key]);
	for (const c of catalogue.criteria) {
		const ans = a.answers[c.id] ?? emptyAnswer();
		checked[`level-${c.id}`] = ans.na ? ['na'] : ans.level === null ? [] : [String(ans.level)];
		checked[`na-${c.id}`] = ans.na ? ['on'] : [];
		values[`rate-${c.id}`] = shown(ans.rate);
		values[`naReason-${c.id}`] = ans.naReason;
		values[`note-${c.id}`] = ans.note;
		checked[`evidence-${c.id}`] = ans.evidence.map(String);
	}
	const flag = (v: boolean | null | undefined) => (v == null ? [] : [v ? 'yes' : 'no']);
	for (const v of catalogue.vetoes) checked[`veto-${v.id}`] = flag(a.vetoes[v.id]);
	for (const e of catalogue.eligibility) checked[`elig-${e.id}`] = flag(a.eligibility[e.id]);
	for (const k of SURVEY_COUNT_KEYS) values[`survey.${k}`] = shown(a.survey[k]);
	checked['survey.countBasic'] = a.survey.countBasic ? ['on'] : [];
	checked['survey.held'] = flag(a.survey.held);
	for (const k of SETTINGS_KEYS) values[`settings.${k}`] = String(a.settings[k]);
	return { values, checked };
}

/** The value a field holds in an assessment, for "the saved value is still …" messages. */
export function savedValue(catalogue: Catalogue, a: Assessment, field: Field): string {
	const name = fieldName(field);
	const { values, checked } = fieldValues(catalogue, a);
	return values[name] ?? (checked[name] ?? []).join('、');
}

/** Cuts text to `max` characters as the schema counts them (code points, never inside a surrogate pair). */
export function clipText(text: string, max: number): string {
	return Array.from(text).slice(0, max).join('');
}

/**
 * A rate typed as a fraction (0.9 for 90 %): a number above 0 and at most 1 with decimals.
 * Gives the percentage to suggest ("是否为 90%？"), or null when the figure looks like a percentage.
 */
export function fractionSuggestion(text: string): number | null {
	const trimmed = text.trim();
	if (!/^(0?\.\d+|1\.0+)$/.test(trimmed)) return null;
	const n = Number(trimmed);
	if (!(n > 0 && n <= 1)) return null;
	return Math.round(n * 1000) / 10;
}

/**
 * The category the checklist opens on: the first, in catalogue order, with a criterion still
 * to answer; null when every criterion is answered or 不适用 (the folded categories then read
 * as an overview).
 */
export function firstCategoryToAnswer(catalogue: Catalogue, a: Assessment): string | null {
	const noSurvey = a.survey.held === false;
	const toAnswer = (k: string) =>
		catalogue.criteria.some(
			(c) => c.category === k && criterionStatus(c, a.answers[c.id], noSurvey) === 'unanswered',
		);
	return catalogue.categories.find((k) => toAnswer(k.id))?.id ?? null;
}
