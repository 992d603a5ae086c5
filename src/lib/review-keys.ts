/**
 * Storage key prefixes of the review records, apart from their schemas so that a page can
 * ask whether a record exists without loading the review code (the 整改计划 page does).
 */

/** A reviewer's reviews in progress, one key per review. */
export const REVIEW_PREFIX = 'zzzj.review.v5.';
/** Reviews a branch received, one key per assessment reviewed (prefix + assessment id). */
export const RECEIVED_PREFIX = 'zzzj.received.v5.';
