/** Chinese messages for import errors, shared by the checklist and the overview. */
import type { ImportError } from '../lib/result-file';
import { t, type StringKey } from '../i18n/client';

export function importErrorText(
	error: ImportError | { code: 'duplicate'; detail: string },
): string {
	// A shape error at the top of the file has an empty path.
	const detail =
		error.code === 'bad-shape' && error.detail === '' ? t('import.rootPath') : error.detail;
	return t(`import.${error.code}` as StringKey, { detail });
}
