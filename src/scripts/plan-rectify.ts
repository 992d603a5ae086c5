/**
 * The 整改要求 of the 验收 a branch received, for the 整改计划 page. Loaded by plan.ts only
 * when this browser holds a received review for the assessment shown, so the review code
 * stays out of the plan page's first load.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import { rectificationItems, type RectificationItem } from '../lib/review-score';
import { receivedReviews } from '../lib/review-store';
import { browserStorage } from './session';

export interface ReceivedRectification {
	items: RectificationItem[];
	/** 组织 and name of the reviewer, or `unknownReviewer`. */
	reviewer: string;
	reviewedOn: string;
}

/** The received review of assessment `id` turned into 整改要求, or null if there is none. */
export function receivedRectification(
	catalogue: Catalogue,
	id: string,
	unknownReviewer: string,
): ReceivedRectification | null {
	const record = receivedReviews(browserStorage()).find(id);
	if (!record) return null;
	const { name, organisation } = record.review.reviewer;
	return {
		items: rectificationItems(catalogue, record.assessment, record.review),
		reviewer: [organisation, name].filter(Boolean).join(' ') || unknownReviewer,
		reviewedOn: record.review.reviewedOn,
	};
}
