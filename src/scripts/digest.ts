/** SHA-256 through Web Crypto, or null where the browser offers none (plain http on a LAN address). */
import type { Digest } from '../lib/review';

export function webDigest(): Digest | null {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) return null;
	return async (text) => {
		const buf = await subtle.digest('SHA-256', new TextEncoder().encode(text));
		return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
	};
}
