// The output formats and tables of `winnow report` and `winnow export`, apart from the code that builds them: the
// CLI names them in its help without loading the report (which reads rules and parses stored pages).

export const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Rows of each table that Markdown and HTML show when --limit is not given (a page a person reads). */
export const DEFAULT_TABLE_ROWS = 25;

export const EXPORT_FORMATS = ['csv', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TABLES = ['pages', 'findings', 'links', 'unanalysed'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
