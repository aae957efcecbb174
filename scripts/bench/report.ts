// The bench's output: sections of tables, printed to the terminal and written as Markdown.

/** One table with its heading and notes. */
export interface Section {
  title: string;
  columns: string[];
  rows: string[][];
  notes: string[];
  /** Budgets that were exceeded; any of these makes the bench fail. */
  failures: string[];
}

/** A section whose measurement could not run. */
export function failedSection(title: string, error: unknown): Section {
  const message = error instanceof Error ? error.message : String(error);
  return { title, columns: ['error'], rows: [[message.split('\n')[0] ?? message]], notes: [], failures: [`${title}: ${message}`] };
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
}

/** A section as aligned plain text. */
export function toText(section: Section): string {
  const widths = section.columns.map((column, i) => Math.max(column.length, ...section.rows.map((row) => (row[i] ?? '').length)));
  const lines = [`\n== ${section.title} ==`, pad(section.columns, widths), pad(widths.map((w) => '-'.repeat(w)), widths)];
  lines.push(...section.rows.map((row) => pad(row, widths)));
  lines.push(...section.notes.map((note) => `  ${note}`));
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** A section as Markdown. */
export function toMarkdown(section: Section): string {
  const lines = [`## ${section.title}`, '', `| ${section.columns.map(cell).join(' | ')} |`, `|${section.columns.map(() => ' --- |').join('')}`];
  lines.push(...section.rows.map((row) => `| ${row.map(cell).join(' | ')} |`));
  if (section.notes.length > 0) lines.push('', ...section.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}
