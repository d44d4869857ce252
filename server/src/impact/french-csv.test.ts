import { describe, expect, it } from 'vitest';
import { frenchCsv, frenchDecimal } from './french-csv.ts';

describe('CSV for French Excel', () => {
  it('starts with a BOM, separates with « ; » and ends every line with CRLF', () => {
    expect(frenchCsv(['Structure', 'Prêts'], [['Café Épicé', 3]])).toBe('\uFEFFStructure;Prêts\r\nCafé Épicé;3\r\n');
  });

  it('quotes a cell holding « ; », a quote or a line break, doubling the quotes', () => {
    expect(frenchCsv(['a'], [['un; deux'], ['dit "oui"'], ['ligne\nsuivante']])).toBe(
      '\uFEFFa\r\n"un; deux"\r\n"dit ""oui"""\r\n"ligne\nsuivante"\r\n',
    );
  });

  it('neutralises what a spreadsheet would run as a formula', () => {
    const cells = ['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\tcaché', '\rretour', 'sans danger = ok'];
    const lines = frenchCsv(
      ['x'],
      cells.map((cell) => [cell]),
    ).split('\r\n');
    expect(lines.slice(1, 6)).toEqual(["'=1+1", "'+33 6 12", "'-2", "'@SUM(A1)", "'\tcaché"]);
    expect(lines[6]).toBe(`"'\rretour"`); // quoted too: the carriage return stays inside its cell
    expect(lines[7]).toBe('sans danger = ok');
  });

  it('writes decimals with a comma and nothing for null', () => {
    expect(frenchDecimal(1071.6, 1)).toBe('1071,6');
    expect(frenchDecimal(802.5, 2)).toBe('802,50');
    expect(frenchCsv(['a', 'b'], [[null, 0.5]])).toBe('\uFEFFa;b\r\n;0,5\r\n');
  });
});
