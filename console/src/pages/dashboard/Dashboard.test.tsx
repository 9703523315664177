import { describe, expect, it } from 'vitest';
import { defaultPeriod, monthRange } from './Dashboard';
import { csvOf } from '../../app/reports/ReportView';

describe('the dashboard period', () => {
  it('covers whole months, across a year end, leap years included', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual({
      from: '2023-11-01', to: '2024-02-29', months: ['2023-11', '2023-12', '2024-01', '2024-02'],
    });
    expect(monthRange('2026-04', '2026-04')).toEqual({ from: '2026-04-01', to: '2026-04-30', months: ['2026-04'] });
  });

  it('defaults to the last twelve months up to this one', () => {
    expect(defaultPeriod(new Date(2026, 0, 15))).toEqual({ from: '2025-02', to: '2026-01' });
  });
});

describe('a derived table as CSV', () => {
  it('quotes labels, writes withheld as c (Eurostat), and defuses formulas', () => {
    expect(csvOf([['month', 'rate'], ['2026-01', 0.5], ['=cmd()', null]])).toBe('"month","rate"\n"2026-01",0.5\n"\'=cmd()",c\n');
  });
});
