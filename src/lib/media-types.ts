/** Media types of files the site serves that servers do not all know (no imports: the Astro config loads it). */

/** A Word document (.docx); also in bench/static-server.mjs. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
