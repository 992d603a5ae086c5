/** The pager under a paged table on the compare page (overview, 自评与验收): one way to draw it. */
import type { RowPage } from '../lib/compare-view';
import { t } from '../i18n/client';

/**
 * Shows `view`'s place in `root`'s pager (`[data-pager]` with `[data-page-status]`,
 * `[data-page-prev]` and `[data-page-next]`): hidden for a single page, 第 x / y 页 with the
 * rows shown, and the buttons that cannot turn further disabled.
 */
export function showPage(root: ParentNode, view: Omit<RowPage<unknown>, 'rows'>): void {
	const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
	$('[data-pager]').hidden = view.pages <= 1;
	$('[data-page-status]').textContent = t('compare.page', {
		page: view.page + 1,
		pages: view.pages,
		from: view.from,
		to: view.to,
	});
	$<HTMLButtonElement>('[data-page-prev]').disabled = view.page === 0;
	$<HTMLButtonElement>('[data-page-next]').disabled = view.page >= view.pages - 1;
}
