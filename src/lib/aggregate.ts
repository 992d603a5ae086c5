/**
 * The 上级工会 overview's library, one module per part (this file only gathers them for
 * callers that want the whole set, such as the benchmark and the tests):
 *
 * - `overview-load.ts`: a result file → a scored `OverviewEntry` (`scoreFile`, `loadResultFiles`);
 * - `overview-stats.ts`: percentiles, spread, histogram, bands, weak criteria (`summarise`);
 * - `subunits.ts`: 分工会、工会小组 per parent (`rollUpSubunits`);
 * - `over-time.ts`: one branch over its dates (`compareOverTime`);
 * - `overview-table.ts`: sorting and filtering; `overview-columns.ts`: the columns as data;
 * - `compare-view.ts`: what the compare page shows, worked out from the above;
 * - `export-csv.ts`: the overview CSV (`overviewCsv`).
 */
export * from './overview-load';
export * from './overview-stats';
export * from './subunits';
export * from './over-time';
export * from './overview-table';
export * from './overview-columns';
export { overviewCsv, overviewCsvHeader, overviewCsvRow } from './export-csv';
export * from './catalogue-version-note';
