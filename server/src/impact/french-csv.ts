/**
 * CSV as French Excel opens it by a double click: UTF-8 with a byte-order mark (else the accents
 * come out as « Ã© »), `;` between cells (French Excel's list separator; `,` is the decimal one),
 * CRLF line ends, and decimals written with a comma.
 *
 * Written here rather than with a library: the only CSV dependency is csv-parse (reading the
 * inventory import), and what we need of a writer is the quoting rule of RFC 4180 plus the
 * neutralising of formulas, a dozen lines that a test pins down. csv-stringify would quote, but
 * would neither neutralise formulas nor add the BOM by default.
 */

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * that some of them skip before one) gets a leading `'`: shown as typed, never evaluated. OWASP's
 * advice against CSV injection; a structure named `=HYPERLINK(…)` comes out inert.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quoted(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvCell = string | number | null;

/** A number with a decimal comma and no thousands separator (Excel reads « 1234,5 » as a number). */
export function frenchDecimal(value: number, fractionDigits: number): string {
  return value.toFixed(fractionDigits).replace('.', ',');
}

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : frenchDecimal(cell, 1);
  return cell;
}

/** The whole document: BOM, header row, data rows, CRLF after each. */
export function frenchCsv(header: string[], rows: CsvCell[][]): string {
  const line = (cells: CsvCell[]) => cells.map((cell) => quoted(neutralised(cellText(cell)))).join(';');
  return `\uFEFF${[header, ...rows].map((cells) => `${line(cells)}\r\n`).join('')}`;
}
