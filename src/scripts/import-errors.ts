/** Chinese messages for import errors, shared by the checklist and the overview. */
import type { ImportError } from '../lib/result-file';
import { t, type StringKey } from '../i18n/client';

export function importErrorText(error: ImportError | { code: 'duplicate'; detail: string }): string {
	return t(`import.${error.code}` as StringKey, { detail: error.detail });
}
