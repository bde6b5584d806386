import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
  });

  it('writes empty cells for null and undefined and keeps unicode', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 'Ünïcødé ‮rtl']])).toBe('a,b,c\r\n,,Ünïcødé ‮rtl\r\n');
  });
});

describe('csvFileName', () => {
  const day = new Date('2025-01-06T12:00:00Z');
  it('is kind, offering name made safe, and the day', () => {
    expect(csvFileName('sync-status', 'Alpha HPC Platform', day)).toBe('sync-status-alpha-hpc-platform-2025-01-06.csv');
    expect(csvFileName('members-check', '<script>', day)).toBe('members-check-script-2025-01-06.csv');
    expect(csvFileName('members', 'فريق', day)).toBe('members-offering-2025-01-06.csv');
    expect(csvFileName('rancher-memberships', null, day)).toBe('rancher-memberships-2025-01-06.csv');
  });
});
