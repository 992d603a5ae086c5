import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/assessment';
import {
	AssessmentStore,
	INDEX_KEY,
	PREFIX,
	assessmentKey,
	type StorageLike,
} from '../../src/lib/storage';
import { FakeStorage, NOW, QuotaStorage, answer, assessmentAt, realCatalogue } from './helpers';

const real = realCatalogue();
const LATER = new Date('2026-03-02T09:30:00.000Z');
const clock = (d: Date) => () => new Date(d);

function make(id: string, extra: Partial<Assessment> = {}): Assessment {
	return assessmentAt(
		real,
		2,
		{ B1: answer({ level: 1, note: `说明 ${id}` }) },
		{ id, name: `评估 ${id}`, ...extra },
	);
}
/** A storage holding the given assessments and an index, written the way the store writes them. */
function seeded(storage: FakeStorage, ...list: Assessment[]): FakeStorage {
	for (const a of list) storage.setItem(assessmentKey(a.id), JSON.stringify(a));
	storage.setItem(
		INDEX_KEY,
		JSON.stringify({ ids: list.map((a) => a.id), currentId: list[0]?.id ?? null }),
	);
	return storage;
}

describe('save and load', () => {
	it('round-trips assessments, the index order and the current id', () => {
		const storage = new FakeStorage();
		const store = new AssessmentStore(storage, clock(LATER));
		const a = make('a-1');
		const b = make('b-2', { profile: { ...make('x').profile, unitName: '乙单位 <b>粗体</b>' } });
		expect(store.save(a)).toEqual({ ok: true });
		expect(store.save(b)).toEqual({ ok: true });
		expect(store.writeIndex(['b-2', 'a-1'], 'a-1')).toEqual({ ok: true });
		const loaded = new AssessmentStore(storage).load();
		expect(loaded.assessments).toStrictEqual([b, a]);
		expect(loaded.currentId).toBe('a-1');
		expect(loaded.quarantined).toEqual([]);
	});

	it('save stamps updatedAt with the clock unless told not to', () => {
		const storage = new FakeStorage();
		const store = new AssessmentStore(storage, clock(LATER));
		const a = make('a-1');
		store.save(a);
		expect(a.updatedAt).toBe(LATER.toISOString());
		expect(JSON.parse(storage.getItem(assessmentKey('a-1'))!).updatedAt).toBe(LATER.toISOString());
		const b = make('b-1');
		store.save(b, false);
		expect(b.updatedAt).toBe(NOW.toISOString());
	});

	it('a clean load writes nothing', () => {
		const storage = seeded(new FakeStorage(), make('a'), make('b'));
		const before = storage.writes;
		new AssessmentStore(storage).load();
		expect(storage.writes).toBe(before);
	});

	it('an empty storage loads as empty', () => {
		const loaded = new AssessmentStore(new FakeStorage()).load();
		expect(loaded).toEqual({
			assessments: [],
			currentId: null,
			quarantined: [],
			migrated: [],
			repaired: [],
		});
	});

	it('a current id that no longer exists falls back to the first assessment', () => {
		const storage = seeded(new FakeStorage(), make('a'), make('b'));
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: ['a', 'b'], currentId: 'gone' }));
		expect(new AssessmentStore(storage).load().currentId).toBe('a');
	});

	it('remove deletes one assessment', () => {
		const storage = seeded(new FakeStorage(), make('a'), make('b'));
		const store = new AssessmentStore(storage);
		store.remove('a');
		expect(storage.getItem(assessmentKey('a'))).toBeNull();
		expect(store.load().assessments.map((x) => x.id)).toEqual(['b']);
	});

	it('keys of other sites are neither read nor changed', () => {
		const storage = seeded(new FakeStorage(), make('a'));
		storage.setItem('other.app', '{"x":1}');
		storage.setItem('zzzjx', 'not ours');
		const store = new AssessmentStore(storage);
		store.load();
		expect(storage.getItem('other.app')).toBe('{"x":1}');
		expect(Object.keys(store.snapshot())).toEqual([assessmentKey('a'), INDEX_KEY]);
	});
});

describe('index', () => {
	it.each([
		['missing', null],
		['not JSON', '{ids:'],
		['null', 'null'],
		['a number', '7'],
		['ids not an array', '{"ids":"a","currentId":null}'],
		['ids with a number', '{"ids":["a",1],"currentId":null}'],
		['a forbidden key', '{"ids":["a"],"__proto__":{"x":1}}'],
	] as const)('is rebuilt from the keys when %s', (_label, raw) => {
		const a = make('a');
		const b = make('b');
		const storage = seeded(new FakeStorage(), a, b);
		if (raw === null) storage.removeItem(INDEX_KEY);
		else storage.setItem(INDEX_KEY, raw);
		const loaded = new AssessmentStore(storage, clock(LATER)).load();
		expect(loaded.assessments.map((x) => x.id)).toEqual(['a', 'b']);
		expect(loaded.currentId).toBe('a');
		expect(JSON.parse(storage.getItem(INDEX_KEY)!)).toEqual({ ids: ['a', 'b'], currentId: 'a' });
		if (raw === null) expect(loaded.quarantined).toEqual([]);
		else {
			expect(loaded.quarantined).toEqual([INDEX_KEY]);
			const q = Object.keys(storage.dump()).filter((k) => k.startsWith(`${PREFIX}quarantine.`));
			expect(q).toHaveLength(1);
			expect(storage.getItem(q[0]!)).toBe(raw);
		}
	});

	it('assessments missing from the index are found and added', () => {
		const storage = seeded(new FakeStorage(), make('a'));
		storage.setItem(assessmentKey('b'), JSON.stringify(make('b')));
		const loaded = new AssessmentStore(storage).load();
		expect(loaded.assessments.map((x) => x.id)).toEqual(['a', 'b']);
		expect(JSON.parse(storage.getItem(INDEX_KEY)!).ids).toEqual(['a', 'b']);
	});

	it('ids in the index without a stored assessment are dropped', () => {
		const storage = seeded(new FakeStorage(), make('a'));
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: ['ghost', 'a'], currentId: 'ghost' }));
		const loaded = new AssessmentStore(storage).load();
		expect(loaded.assessments.map((x) => x.id)).toEqual(['a']);
		expect(loaded.currentId).toBe('a');
		expect(JSON.parse(storage.getItem(INDEX_KEY)!)).toEqual({ ids: ['a'], currentId: 'a' });
	});

	it('an id listed twice in the index loads once', () => {
		const storage = seeded(new FakeStorage(), make('a'), make('b'));
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: ['a', 'b', 'a'], currentId: 'b' }));
		const loaded = new AssessmentStore(storage).load();
		expect(loaded.assessments.map((x) => x.id)).toEqual(['a', 'b']);
		expect(loaded.currentId).toBe('b');
	});
});

describe('quarantine', () => {
	const good = make('good');
	const bad: [string, string][] = [
		['truncated JSON', JSON.stringify(make('bad')).slice(0, 200)],
		['not JSON at all', '这不是 JSON'],
		['JSON null', 'null'],
		['an array', '[]'],
		['no id', JSON.stringify({ ...make('bad'), id: undefined })],
		[
			'a forbidden key',
			JSON.stringify(make('bad')).replace('"profile"', '"__proto__":{},"profile"'),
		],
		['an id that differs from its key', JSON.stringify(make('other'))],
		['a lone BOM', '\uFEFF'],
	];
	it.each(bad)('%s is set aside untouched while the good one loads', (_label, raw) => {
		const storage = seeded(new FakeStorage(), good);
		storage.setItem(assessmentKey('bad'), raw);
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: ['bad', 'good'], currentId: 'bad' }));
		const store = new AssessmentStore(storage, clock(LATER));
		const loaded = store.load();
		expect(loaded.assessments).toStrictEqual([good]);
		expect(loaded.quarantined).toEqual([assessmentKey('bad')]);
		expect(loaded.repaired).toEqual([]);
		expect(loaded.currentId).toBe('good');
		const qKey = `${PREFIX}quarantine.${LATER.toISOString()}.v2.a.bad`;
		expect(storage.getItem(qKey)).toBe(raw);
		expect(storage.getItem(assessmentKey('bad'))).toBeNull();
		expect(JSON.parse(storage.getItem(INDEX_KEY)!)).toEqual({ ids: ['good'], currentId: 'good' });
		// A second load is clean and leaves the quarantined copy alone.
		const again = new AssessmentStore(storage, clock(LATER)).load();
		expect(again.quarantined).toEqual([]);
		expect(again.assessments).toStrictEqual([good]);
		expect(storage.getItem(qKey)).toBe(raw);
	});

	it('several bad values are each kept under their own key', () => {
		const storage = seeded(new FakeStorage(), good);
		storage.setItem(assessmentKey('x1'), '{');
		storage.setItem(assessmentKey('x2'), '[');
		storage.setItem(INDEX_KEY, '{{');
		const loaded = new AssessmentStore(storage, clock(LATER)).load();
		expect(loaded.quarantined.sort()).toEqual(
			[INDEX_KEY, assessmentKey('x1'), assessmentKey('x2')].sort(),
		);
		const q = Object.entries(storage.dump()).filter(([k]) => k.startsWith(`${PREFIX}quarantine.`));
		expect(q.map(([, v]) => v).sort()).toEqual(['[', '{', '{{']);
		expect(loaded.assessments).toStrictEqual([good]);
	});

	it('when the quarantine copy cannot be written the original stays in place', () => {
		const raw = `{"id":"bad"${' '.repeat(500)}}`;
		const storage = new QuotaStorage(10_000);
		seeded(storage, make('g'));
		storage.setItem(assessmentKey('bad'), raw);
		// Fill up so the copy cannot be made.
		storage.setItem('filler', 'x'.repeat(10_000 - storage.used() - 'filler'.length));
		const loaded = new AssessmentStore(storage, clock(LATER)).load();
		expect(loaded.quarantined).toEqual([assessmentKey('bad')]);
		expect(storage.getItem(assessmentKey('bad'))).toBe(raw);
		expect(loaded.assessments.map((a) => a.id)).toEqual(['g']);
	});
});

describe('repair: one bad field never costs the whole assessment', () => {
	const defaults = { passMark: 75, modelMark: 90, catalogueVersion: real.version };
	const base = () => {
		const a = make('fix');
		a.profile.memberCount = 120;
		a.answers['A1'] = answer({ level: 3, note: '保留的说明', evidence: [0] });
		a.vetoes['V1'] = false;
		a.survey.members = 300;
		a.application = {
			overall: '总体情况',
			sections: { A: { done: '保留的做法', figures: '两次', evidence: '档案盒' } },
		};
		return a;
	};
	type Damage = (raw: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
	const cases: [string, Damage, string[]][] = [
		['会员人数 20000000', (r) => (r['profile'].memberCount = 20_000_000), ['profile.memberCount']],
		['a note too long', (r) => (r['answers'].B1.note = 'x'.repeat(2001)), ['answers.B1.note']],
		[
			'a rate over 100 and a bad level',
			(r) => Object.assign(r['answers'].B1, { rate: 101, level: 7 }),
			['answers.B1.level', 'answers.B1.rate'],
		],
		['an extra key', (r) => (r['extra'] = 1), ['extra']],
		['an extra profile key', (r) => (r['profile'].fax = '1'), ['profile.fax']],
		['a veto that is not a flag', (r) => (r['vetoes'].V2 = 'yes'), ['vetoes.V2']],
		['a malformed criterion key', (r) => (r['answers']['a-1'] = r['answers'].B1), ['answers.a-1']],
		[
			'marks in the wrong order',
			(r) => (r['settings'] = { passMark: 95, modelMark: 90 }),
			['settings.passMark', 'settings.modelMark'],
		],
		['a survey count as text', (r) => (r['survey'].members = '300'), ['survey.members']],
		['answers not an object', (r) => (r['answers'] = []), ['answers']],
		[
			'a summary field too long',
			(r) => (r['application'].sections.A.figures = 'x'.repeat(301)),
			['application.sections.A.figures'],
		],
		['a summary that is not an object', (r) => (r['application'] = 'x'), ['application']],
		[
			'a bad name and date',
			(r) => Object.assign(r, { name: 7, updatedAt: 'yesterday' }),
			['name', 'updatedAt'],
		],
	];
	it.each(cases)('%s: only that is reset, everything else is kept', (_label, damage, fields) => {
		const a = base();
		const raw = JSON.parse(JSON.stringify(a)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		damage(raw);
		const text = JSON.stringify(raw);
		const storage = seeded(new FakeStorage(), make('good'));
		storage.setItem(assessmentKey('fix'), text);
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: ['good', 'fix'], currentId: 'fix' }));
		const loaded = new AssessmentStore(storage, clock(LATER), null, defaults).load();
		expect(loaded.quarantined).toEqual([]);
		expect(loaded.currentId).toBe('fix');
		const fixed = loaded.assessments.find((x) => x.id === 'fix')!;
		expect(loaded.repaired).toEqual([{ id: 'fix', name: fixed.name, fields }]);
		// What was valid is still there.
		if (!fields.includes('profile.memberCount')) expect(fixed.profile.memberCount).toBe(120);
		else expect(fixed.profile.memberCount).toBeNull();
		if (!fields.includes('answers')) {
			expect(fixed.answers['A1']).toEqual(a.answers['A1']);
			expect(fixed.answers['B1']?.level ?? null).toBe(
				fields.includes('answers.B1.level') ? null : 1,
			);
			expect(fixed.answers['B1']?.note).toBe(fields.includes('answers.B1.note') ? '' : '说明 fix');
		} else expect(fixed.answers).toEqual({});
		expect(fixed.vetoes['V1']).toBe(false);
		if (!fields.includes('survey.members')) expect(fixed.survey.members).toBe(300);
		if (!fields.includes('application'))
			expect(fixed.application.sections['A']?.done).toBe('保留的做法');
		// The repaired copy is saved; the original is kept; the next load is clean.
		expect(JSON.parse(storage.getItem(assessmentKey('fix'))!)).toEqual(fixed);
		expect(storage.getItem(`${PREFIX}repaired.${LATER.toISOString()}.fix`)).toBe(text);
		const again = new AssessmentStore(storage, clock(LATER), null, defaults).load();
		expect(again).toMatchObject({ quarantined: [], repaired: [] });
		expect(again.assessments).toStrictEqual(loaded.assessments);
	});

	it('an object with only its id loads as an empty assessment, every field named', () => {
		const storage = new FakeStorage();
		storage.setItem(assessmentKey('bare'), '{"id":"bare"}');
		const loaded = new AssessmentStore(storage, clock(LATER), null, defaults).load();
		expect(loaded.quarantined).toEqual([]);
		expect(loaded.assessments[0]!.settings).toEqual({ passMark: 75, modelMark: 90 });
		expect(loaded.repaired[0]!.fields).toEqual(
			expect.arrayContaining(['name', 'profile', 'answers', 'settings', 'catalogueVersion']),
		);
	});
});

describe('write failures', () => {
	it('quota: returns reason quota and leaves the previous copy byte-identical', () => {
		const a = make('a');
		const storage = seeded(new QuotaStorage(20_000), a);
		const store = new AssessmentStore(storage, clock(LATER));
		const before = store.snapshot();
		const rawBefore = storage.getItem(assessmentKey('a'));
		const bigger = structuredClone(a);
		for (const c of real.criteria.slice(0, 10))
			bigger.answers[c.id] = answer({ level: 2, note: '很长的说明'.repeat(400) });
		expect(store.save(bigger)).toEqual({ ok: false, reason: 'quota' });
		expect(storage.getItem(assessmentKey('a'))).toBe(rawBefore);
		expect(store.snapshot()).toStrictEqual(before);
		expect(new AssessmentStore(storage).load().assessments).toStrictEqual([a]);
	});

	it('quota on a new assessment writes nothing', () => {
		const used = seeded(new FakeStorage(), make('a')).used();
		const storage = seeded(new QuotaStorage(used + 1000), make('a'));
		const store = new AssessmentStore(storage, clock(LATER));
		const before = store.snapshot();
		const big = make('b', {
			answers: { A1: answer({ note: '长'.repeat(2000) }), A2: answer({ note: '长'.repeat(2000) }) },
		});
		expect(store.save(big)).toEqual({ ok: false, reason: 'quota' });
		expect(store.snapshot()).toStrictEqual(before);
	});

	it('a save that fits still works on the quota storage', () => {
		const storage = new QuotaStorage(50_000);
		const store = new AssessmentStore(storage, clock(LATER));
		expect(store.save(make('a'))).toEqual({ ok: true });
	});

	it.each([
		[
			'a DOMException QuotaExceededError',
			() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
		],
		[
			'an Error named QuotaExceededError',
			() => Object.assign(new Error('x'), { name: 'QuotaExceededError' }),
		],
		[
			'Firefox’s NS_ERROR_DOM_QUOTA_REACHED',
			() => Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }),
		],
		['an error mentioning the quota', () => new Error('Storage quota exceeded')],
	] as const)('%s is reported as quota', (_label, err) => {
		const storage = new QuotaStorage(0, err);
		expect(new AssessmentStore(storage).save(make('a'))).toEqual({ ok: false, reason: 'quota' });
	});

	it.each([
		['a SecurityError', () => new DOMException('denied', 'SecurityError')],
		['a TypeError', () => new TypeError('x')],
	] as const)('%s is reported as unavailable', (_label, err) => {
		const storage = new QuotaStorage(0, err);
		expect(new AssessmentStore(storage).save(make('a'))).toEqual({
			ok: false,
			reason: 'unavailable',
		});
		expect(new AssessmentStore(storage).writeIndex([], null)).toEqual({
			ok: false,
			reason: 'unavailable',
		});
	});
});

describe('storage unavailable', () => {
	it('null storage: unavailable everywhere, nothing thrown', () => {
		const store = new AssessmentStore(null);
		expect(store.available).toBe(false);
		expect(store.save(make('a'))).toEqual({ ok: false, reason: 'unavailable' });
		expect(store.writeIndex(['a'], 'a')).toEqual({ ok: false, reason: 'unavailable' });
		expect(store.load()).toEqual({
			assessments: [],
			currentId: null,
			quarantined: [],
			migrated: [],
			repaired: [],
		});
		expect(store.snapshot()).toEqual({});
		expect(() => store.remove('a')).not.toThrow();
	});

	it('a storage whose every call throws loads as empty', () => {
		const hostile: StorageLike = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			removeItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			get length(): number {
				throw new DOMException('denied', 'SecurityError');
			},
			key: () => {
				throw new DOMException('denied', 'SecurityError');
			},
		};
		const store = new AssessmentStore(hostile);
		expect(store.available).toBe(true);
		expect(store.load()).toEqual({
			assessments: [],
			currentId: null,
			quarantined: [],
			migrated: [],
			repaired: [],
		});
		expect(store.save(make('a'))).toEqual({ ok: false, reason: 'unavailable' });
		expect(() => store.remove('a')).not.toThrow();
		expect(store.snapshot()).toEqual({});
	});
});

describe('snapshot', () => {
	it('lists every zzzj. key with its raw value, sorted', () => {
		const storage = seeded(new FakeStorage(), make('b'), make('a'));
		storage.setItem('other', '1');
		const snap = new AssessmentStore(storage).snapshot();
		expect(Object.keys(snap)).toEqual([assessmentKey('a'), assessmentKey('b'), INDEX_KEY]);
		expect(snap[assessmentKey('a')]).toBe(storage.getItem(assessmentKey('a')));
	});
});

describe('saved data of schema version 2 (issue 9)', () => {
	it('loads, migrates to version 3 and is written back; answers and notes kept', () => {
		const current = make('old', { vetoes: { V1: false } });
		const { held: _held, ...counts } = current.survey;
		const { plan: _plan, ledger: _ledger, application: _application, ...rest } = current;
		const v2 = { ...rest, catalogueVersion: '2026.1', survey: { ...counts, countBasic: true } };
		const storage = new FakeStorage();
		storage.setItem(assessmentKey('old'), JSON.stringify(v2));
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: ['old'], currentId: 'old' }));
		const loaded = new AssessmentStore(storage, clock(LATER), real).load();
		expect(loaded.quarantined).toEqual([]);
		expect(loaded.assessments).toHaveLength(1);
		const a = loaded.assessments[0]!;
		expect(a.answers).toEqual(v2.answers);
		expect(a.answers['B1']?.note).toBe('说明 old');
		expect(a.survey.held).toBe(true);
		expect(loaded.migrated).toEqual([
			{ id: 'old', notes: [{ kind: 'vetoes-unanswered', ids: ['V2', 'V4'] }] },
		]);
		// Written back in the current shape: the next load has nothing to migrate.
		const again = new AssessmentStore(storage, clock(LATER), real).load();
		expect(again.migrated).toEqual([]);
		expect(again.assessments[0]).toEqual(a);
	});

	it('a shape that is no assessment at all (no id) is still quarantined, never thrown', () => {
		const storage = new FakeStorage();
		storage.setItem(assessmentKey('x'), JSON.stringify({ survey: 'x' }));
		const loaded = new AssessmentStore(storage, clock(LATER), real).load();
		expect(loaded.quarantined).toEqual([assessmentKey('x')]);
	});
});
