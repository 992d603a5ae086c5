/** Types for static-server.mjs (used by the benchmark and the offline tests). */
export function serve(dir: string, port: number): Promise<{ url: string; stop: () => void }>;
