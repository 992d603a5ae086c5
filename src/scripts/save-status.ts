/**
 * The 已保存 indicator and the save-failure messages of every page that saves an assessment
 * (the checklist, 整改计划, 台账目录).
 */
import type { WriteResult } from '../lib/storage';
import { t } from '../i18n/client';
import { clockTime } from '../lib/assessment-name';

/** Shows "已保存 HH:MM:SS" for a save at `iso`. */
export function showSaved(status: HTMLElement, iso: string): void {
	status.textContent = t('assess.saved', { time: clockTime(new Date(iso)) });
	status.dataset['savedAt'] = iso;
}

/** Shows the outcome of a save: the time, or 未保存 and why (quota full, storage unavailable). */
export function showSaveResult(
	status: HTMLElement,
	result: WriteResult,
	iso: string,
	onError: (text: string) => void,
): void {
	if (result.ok) return showSaved(status, iso);
	status.textContent = t('assess.notSaved');
	delete status.dataset['savedAt'];
	onError(t(result.reason === 'quota' ? 'assess.saveFailedQuota' : 'assess.saveFailedUnavailable'));
}
