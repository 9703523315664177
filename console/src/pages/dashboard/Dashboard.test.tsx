import { describe, expect, it } from 'vitest';
import { defaultPeriod, monthRange, validPeriod } from './Dashboard';
import { csvOf } from '../../app/reports/ReportView';

describe('the dashboard period', () => {
  it('covers whole months, across a year end, leap years included', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual({
      from: '2023-11-01', to: '2024-02-29', months: ['2023-11', '2023-12', '2024-01', '2024-02'],
    });
    expect(monthRange('2026-04', '2026-04')).toEqual({ from: '2026-04-01', to: '2026-04-30', months: ['2026-04'] });
  });

  it('refuses months that do not exist, a reversed period and one of more than sixty months', () => {
    expect(validPeriod('2025-01', '2025-12')).toBe(true);
    expect(validPeriod('2025-13', '2026-01')).toBe(false); // would never end the month loop
    expect(validPeriod('2025-00', '2025-01')).toBe(false);
    expect(validPeriod('2026-02', '2026-01')).toBe(false);
    expect(validPeriod('2021-01', '2025-12')).toBe(true);
    expect(validPeriod('2021-01', '2026-01')).toBe(false);
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
