/**
 * The 已保存 indicator and the save-failure messages, as the checklist shows them, for the
 * pages that save an assessment outside the checklist (整改计划, 台账目录).
 */
import type { WriteResult } from '../lib/storage';
import { t } from '../i18n/client';

/** Shows "已保存 HH:MM:SS" for a save at `iso`. */
export function showSaved(status: HTMLElement, iso: string): void {
	const time = new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
	status.textContent = t('assess.saved', { time });
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
