/**
 * Client-side session shared by the checklist, results and print pages: the catalogue
 * embedded in the page, the saved assessments, the current one, and saving.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import { newAssessment, type Assessment, type Settings } from '../lib/assessment';
import { defaultMarks, scoreAssessment } from '../lib/scoring';
import { levelsFromScore, nextYearAssessment } from '../lib/plan';
import { AssessmentStore, type Repaired, type StorageLike, type WriteResult } from '../lib/storage';
import { adoptCatalogue, type MigrationNote } from '../lib/migrate';
import { t } from '../i18n/client';
import { el, readJson } from './dom';
import type { NameLabels } from '../lib/assessment-name';

/** The naming labels of src/lib/assessment-name.ts, from the strings file. */
export function nameLabels(): NameLabels {
	return {
		yearly: (year) => t('assess.defaultName', { year }),
		suffixes: [t('assess.copySuffix'), t('assess.importedSuffix')],
	};
}

/** Reads the catalogue JSON that CatalogueData.astro embedded. */
export function readCatalogue(): Catalogue {
	return readJson<Catalogue>('zz-catalogue', {} as Catalogue);
}

/** The browser's localStorage, or null when the site may not store anything. */
export function browserStorage(): StorageLike | null {
	try {
		const s = window.localStorage;
		const probe = 'zzzj.probe';
		s.setItem(probe, '1');
		s.removeItem(probe);
		return s;
	} catch {
		return null;
	}
}

/** A random id that works outside secure contexts too. */
export function newId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const b = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export class Session {
	readonly store: AssessmentStore;
	/** What loading changed in saved assessments (older formats, older catalogue), for the page to say. */
	notices: string[] = [];
	assessments: Assessment[] = [];
	current!: Assessment;
	quarantined: string[] = [];
	/** Assessments loaded with some invalid fields reset. */
	repaired: Repaired[] = [];
	lastWrite: WriteResult | null = null;
	/** Called once when the browser declines to keep this site's data (so the page can remind to download). */
	onPersistDenied: (() => void) | undefined;

	/** The catalogue's default 合格/模范 marks. */
	readonly defaults: Settings;

	/** `storage`: the browser's localStorage as `browserStorage` gives it (a page may ask first). */
	constructor(
		readonly catalogue: Catalogue,
		storage: StorageLike | null = browserStorage(),
	) {
		this.defaults = defaultMarks(catalogue);
		this.store = new AssessmentStore(storage, () => new Date(), catalogue);
		const loaded = this.store.load();
		this.quarantined = loaded.quarantined;
		this.assessments = loaded.assessments.map((a) => {
			const notes = loaded.migrated.find((m) => m.id === a.id)?.notes ?? [];
			const adopted = this.adopt(a, notes);
			if (adopted !== a) this.store.save(adopted, false);
			return adopted;
		});
		this.repaired = loaded.repaired;
		const current = this.assessments.find((a) => a.id === loaded.currentId) ?? this.assessments[0];
		if (current) this.current = current;
		else
			this.current = this.create(
				t('assess.defaultName', { year: new Date().getFullYear() }),
				false,
			);
	}

	/**
	 * Moves an assessment answered against an earlier catalogue onto this one (answers kept,
	 * new criteria 未评) and adds what changed, with `notes` from a format migration, to `notices`.
	 */
	adopt(a: Assessment, notes: MigrationNote[]): Assessment {
		const { assessment, note } = adoptCatalogue(a, this.catalogue);
		const all = note ? [...notes, note] : notes;
		if (all.length)
			this.notices.push(
				`${t('migrate.heading', { name: assessment.name })}${all.map((n) => migrationText(n)).join('')}`,
			);
		return assessment;
	}

	/** A new empty assessment, added to the list and made current. */
	create(name: string, persist = true): Assessment {
		const a = newAssessment({
			id: newId(),
			name,
			now: new Date(),
			catalogueVersion: this.catalogue.version,
			...this.defaults,
		});
		this.add(a, persist);
		return a;
	}

	/** Adds an assessment (import, duplicate) and makes it current. */
	add(a: Assessment, persist = true): void {
		this.assessments.push(a);
		this.current = a;
		if (persist) this.save(false);
	}

	duplicate(name: string): Assessment {
		const copy = structuredClone(this.current);
		const stamp = new Date().toISOString();
		Object.assign(copy, { id: newId(), name, createdAt: stamp, updatedAt: stamp });
		this.add(copy);
		return copy;
	}

	/** Next year's assessment from the current one (answers, ledger, unfinished tasks carried), made current. */
	startNextYear(name: string): Assessment {
		const from = this.current;
		const next = nextYearAssessment(from, {
			id: newId(),
			name,
			now: new Date(),
			levels: levelsFromScore(scoreAssessment(this.catalogue, from).criteria),
		});
		this.add(next);
		return next;
	}

	remove(id: string): void {
		this.store.remove(id);
		this.assessments = this.assessments.filter((a) => a.id !== id);
		const next = this.assessments[0];
		if (next) this.current = next;
		else
			this.current = this.create(
				t('assess.defaultName', { year: new Date().getFullYear() }),
				false,
			);
		this.writeIndex();
	}

	/** Replaces the current assessment with its next state (from the form model). */
	update(next: Assessment): void {
		const i = this.assessments.indexOf(this.current);
		if (i >= 0) this.assessments[i] = next;
		this.current = next;
	}

	select(id: string): void {
		const a = this.assessments.find((x) => x.id === id);
		if (a) {
			this.current = a;
			this.writeIndex();
		}
	}

	private writeIndex(): WriteResult {
		return this.store.writeIndex(
			this.assessments.map((a) => a.id),
			this.current.id,
		);
	}

	/** Saves the current assessment and the index; returns the combined result. */
	save(touch = true): WriteResult {
		const r = this.store.save(this.current, touch);
		const i = this.writeIndex();
		this.lastWrite = r.ok ? i : r;
		if (this.lastWrite.ok)
			void requestPersistence().then((granted) => {
				if (granted === false) this.onPersistDenied?.();
			});
		return this.lastWrite;
	}
}

/** One migration note as a sentence for users. */
/**
 * Fills a page's assessment picker (`<select data-current>`) with the saved assessments, the
 * current one chosen; a pick makes that one current, then `onPick` redraws the page.
 */
export function bindAssessmentPicker(
	select: HTMLSelectElement,
	session: Session,
	onPick: () => void,
): void {
	select.replaceChildren(
		...session.assessments.map((a) => {
			const o = el('option', a.name || a.profile.unitName || a.id);
			o.value = a.id;
			o.selected = a.id === session.current.id;
			return o;
		}),
	);
	select.addEventListener('change', () => {
		session.select(select.value);
		onPick();
	});
}

export function migrationText(note: MigrationNote): string {
	switch (note.kind) {
		case 'vetoes-unanswered':
			return t('migrate.vetoesUnanswered', { ids: note.ids.join('、') });
		case 'survey-not-held':
			return t('migrate.surveyNotHeld');
		case 'catalogue-added':
			return note.ids.length
				? t('migrate.catalogueAdded', { from: note.from, to: note.to, ids: note.ids.join('、') })
				: t('migrate.catalogueMoved', { from: note.from, to: note.to });
	}
}

let persistAsked = false;
/** Asks the browser to keep this site's data (some browsers delete it after days unused). */
export async function requestPersistence(): Promise<boolean | null> {
	if (persistAsked || !navigator.storage?.persist) return null;
	persistAsked = true;
	try {
		if (await navigator.storage.persisted()) return true;
		return await navigator.storage.persist();
	} catch {
		return null;
	}
}

/** Triggers a download of text or a blob with a file name. */
export function download(name: string, content: Blob | string, type = 'application/json'): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe stem from the profile and date. */
export function fileStem(a: Assessment): string {
	const who = (
		a.profile.unionName ||
		a.profile.unitName ||
		a.name ||
		t('results.fileStemFallback')
	).replace(/[\\/:*?"<>|\s]+/g, '_');
	return `${who}_${a.profile.assessedOn || a.updatedAt.slice(0, 10)}`;
}
