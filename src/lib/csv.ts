/**
 * CSV that Excel opens correctly: UTF-8 with a BOM, RFC 4180 quoting, and text cells
 * made inert when they start with a character a spreadsheet would read as a formula
 * (OWASP CSV Injection: = + - @ tab CR LF).
 */

export const BOM = '\uFEFF';

/** A cell: text is escaped and defused; numbers are written as numbers. */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Escapes one cell. */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = value;
	if (FORMULA_START.test(text)) text = `'${text}`;
	if (/[",\r\n]/.test(text) || text !== value) return `"${text.replace(/"/g, '""')}"`;
	return text;
}

/** Builds a whole CSV document (with BOM, CRLF line ends). */
export function toCsv(rows: Cell[][]): string {
	return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
