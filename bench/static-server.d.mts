/** Types for static-server.mjs (used by the benchmark and the offline tests). */
export function serve(
	dir: string,
	port: number,
): Promise<{ port: number; url: string; stop: () => void }>;
