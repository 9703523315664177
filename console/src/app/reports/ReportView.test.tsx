import { describe, expect, it, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/react';
import { ReportTable, type Report } from './ReportView';
import { Providers } from '../../test-support';

afterEach(cleanup);

describe('a protected report as a table', () => {
  it('writes a withheld cell in words, never 0 or blank, and states the protection', () => {
    const report: Report = {
      report: 'claims-by-status', from: '2026-01-01', to: '2026-02-28', period: 'month', threshold: 5, rounding: 5,
      rows: ['2026-01', '2026-02'], columns: ['LODGED', 'CLOSED'],
      cells: [[{ value: 10, suppressed: false }, { suppressed: true }], [{ value: 0, suppressed: false }, { suppressed: true }]],
      rowTotals: [{ suppressed: true }, { suppressed: true }], columnTotals: [{ value: 10, suppressed: false }, { suppressed: true }],
      total: { value: 15, suppressed: false },
    };
    render(<Providers><ReportTable report={report} caption="Claims" rowHeader="Month" headingId="h" /></Providers>);
    const rows = within(screen.getByRole('grid')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['2026-0110withheldwithheld', '2026-020withheldwithheld', 'Total10withheld15']);
    expect(screen.getByText(/Counts below 5 are withheld; the others are rounded to the nearest 5\./)).toBeTruthy();
  });
});
