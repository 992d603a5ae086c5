import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../src/lib/csv';
import { parseCsv } from '../support/parse-csv';

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['', ''],
		['职工之家 · 建家指南', '职工之家 · 建家指南'],
		['满意率（%）', '满意率（%）'],
		['a,b', '"a,b"'],
		['他说"好"', '"他说""好"""'],
		['"', '""""'],
		['line1\nline2', '"line1\nline2"'],
		['line1\r\nline2', '"line1\r\nline2"'],
		['end\r', '"end\r"'],
		['，中文逗号不用引号', '，中文逗号不用引号'],
		[' leading space', ' leading space'],
		["it's", "it's"],
	] as const)('text %j → %j', (input, output) => {
		expect(csvCell(input)).toBe(output);
	});

	it.each([
		['=1+1', `"'=1+1"`],
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		['+86 10 1234', `"'+86 10 1234"`],
		['-5', `"'-5"`],
		['-', `"'-"`],
		['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
		['\tcmd', `"'\tcmd"`],
		['\rcmd', `"'\rcmd"`],
		['\ncmd', `"'\ncmd"`],
		["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
		['=1,2', `"'=1,2"`],
	] as const)('formula-leading text %j is made inert as %j', (input, output) => {
		const cell = csvCell(input);
		expect(cell).toBe(output);
		// Whatever a spreadsheet sees inside the quotes starts with the apostrophe.
		expect(cell.startsWith(`"'`)).toBe(true);
	});

	it.each([
		['a=b', 'a=b'],
		['1+1', '1+1'],
		['x@y.cn', 'x@y.cn'],
		['总分 -5', '总分 -5'],
	] as const)('formula characters later in the text are left alone: %j', (input, output) => {
		expect(csvCell(input)).toBe(output);
	});

	it.each([
		[0, '0'],
		[42, '42'],
		[97.6, '97.6'],
		[-5, '-5'],
		[-0.5, '-0.5'],
		[1e21, '1e+21'],
		[NaN, ''],
		[Infinity, ''],
		[-Infinity, ''],
	] as const)('number %d → %j (never quoted or prefixed)', (input, output) => {
		expect(csvCell(input)).toBe(output);
	});

	it.each([null, undefined])('%s → empty cell', (input) => {
		expect(csvCell(input)).toBe('');
	});
});

describe('toCsv', () => {
	it('starts with a BOM, joins with commas and ends every row with CRLF', () => {
		const text = toCsv([
			['指标', '得分'],
			['A1', 3],
		]);
		expect(BOM).toBe('\uFEFF');
		expect(text).toBe('\uFEFF指标,得分\r\nA1,3\r\n');
		expect(text.charCodeAt(0)).toBe(0xfeff);
	});

	it('quotes and defuses cells in whole documents', () => {
		const text = toCsv([
			['单位', '说明', '分数'],
			['甲公司', '=1+1', -2.5],
			['乙,公司', '多行\n说明', null],
		]);
		expect(text).toBe(
			'\uFEFF单位,说明,分数\r\n甲公司,"\'=1+1",-2.5\r\n"乙,公司","多行\n说明",\r\n',
		);
	});

	it('an empty document is just the BOM and a line end', () => {
		expect(toCsv([])).toBe('\uFEFF\r\n');
	});

	it('round-trips through a simple RFC 4180 reader', () => {
		const rows = [
			['a', 'b,c', '"q"', 'x\r\ny', '中文'],
			['=evil', '+1', '-1', '@x', '\tt'],
		];
		const back = parseCsv(toCsv(rows).slice(1));
		expect(back[0]).toEqual(rows[0]);
		expect(back[1]).toEqual(rows[1]!.map((c) => `'${c}`));
	});
});
