import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/react';
import Team, { workloadRows } from './Team';
import { Providers, fakeFetch, json } from '../../test-support';

// ECharts draws on a canvas jsdom does not have; the table is what these tests read
vi.mock('./WorkloadChart', () => ({ default: () => <div data-testid="chart" /> }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Team workload', () => {
  it('shows one row per caseworker, "unassigned" and "me", with open, not overdue and overdue, and a total', async () => {
    vi.stubGlobal('fetch', fakeFetch([
      [/^GET \/api\/v1\/claims\/workload$/, () => json([
        { caseworker: 'cw-2', open: 3, overdue: 0 },
        { caseworker: null, open: 4, overdue: 1 },
        { caseworker: 'sub-1', open: 7, overdue: 2 },
      ])],
    ]).fn);
    render(<Providers roles={['supervisor']}><Team /></Providers>);

    expect(await screen.findByRole('heading', { level: 1, name: 'Team workload' })).toBeTruthy();
    const table = await screen.findByRole('grid');
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent).join('|')
      || r.textContent);
    expect(rows).toEqual(['unassigned|4|3|1', 'me|7|5|2', 'cw-2|3|3|0', '14|11|3']);
    expect(within(table).getByRole('rowheader', { name: 'Total' })).toBeTruthy();
    expect(await screen.findByTestId('chart')).toBeTruthy();
  });

  it('orders the unassigned first, then by open claims', () => {
    const rows = workloadRows([{ caseworker: 'a', open: 1, overdue: 0 }, { caseworker: 'b', open: 5, overdue: 5 }, { caseworker: null, open: 0, overdue: 0 }], (s) => s ?? '-');
    expect(rows.map((r) => [r.label, r.onTime, r.overdue])).toEqual([['-', 0, 0], ['b', 0, 5], ['a', 1, 0]]);
  });
});
