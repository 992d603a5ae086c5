/** <zz-opinion>: fills the 验收意见书 from a saved review (reviewer) or a received one (branch). */
import { receivedReviews, reviewDrafts } from '../lib/review-store';
import { checkIntegrity, type Integrity, type Review } from '../lib/review';
import type { Assessment } from '../lib/assessment';
import { browserStorage, readCatalogue } from './session';
import { webDigest } from './digest';
import { opinionSheet } from './review-view';

class ZzOpinion extends HTMLElement {
	connectedCallback(): void {
		void this.show();
	}

	private async show(): Promise<void> {
		const catalogue = readCatalogue();
		const params = new URLSearchParams(location.search);
		const storage = browserStorage();
		const base = this.dataset['base'] ?? '/';
		let found: { assessment: Assessment; review: Review; catalogueVersion: string } | undefined;
		const reviewId = params.get('review');
		const receivedId = params.get('received');
		if (reviewId) {
			found = reviewDrafts(storage).find(reviewId) ?? undefined;
		} else if (receivedId) {
			found = receivedReviews(storage).find(receivedId) ?? undefined;
			this.querySelector<HTMLAnchorElement>('[data-back]')!.href = `${base}assess/results/`;
		}
		const view = this.querySelector<HTMLElement>('[data-view]')!;
		const empty = this.querySelector<HTMLElement>('[data-empty]')!;
		if (!found) {
			empty.hidden = false;
			return;
		}
		const integrity: Integrity = await checkIntegrity(
			webDigest(),
			found.review.branchHash,
			found.catalogueVersion,
			found.assessment,
		);
		opinionSheet(
			this.querySelector<HTMLElement>('[data-sheet]')!,
			catalogue,
			found.assessment,
			found.review,
			integrity,
		);
		view.hidden = false;
	}
}

customElements.define('zz-opinion', ZzOpinion);
