import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup, fireEvent, within } from '@testing-library/react';
import ImpactSection, { ordered, transitionChart, type Impact } from './Impact';
import { Providers, fakeFetch, json } from '../../test-support';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const claim = '4146b9c5-a2ec-435a-aa9f-5b798cc466d3';
const impact: Impact = {
  compared: 4, inForce: 3, assessmentDate: '2026-11-28', claims: 12, recommendationsChanged: 2, findingsChanged: 1, listComplete: true,
  claimsShown: true,
  transitions: [
    { from: 'REFUGEE_STATUS', to: 'REFUGEE_STATUS', claims: 9 },
    { from: 'REJECT', to: 'REJECT', claims: 1 },
    { from: 'REFUGEE_STATUS', to: 'REJECT', claims: 2 },
  ],
  changes: [
    { claimId: claim, from: 'REFUGEE_STATUS', to: 'REJECT',
      findings: [{ rule: 'QD-9-2-e', from: 'MET', to: 'UNDETERMINED' }] },
    { claimId: '00000000-0000-0000-0000-000000000001', from: 'REJECT', to: 'REJECT',
      findings: [{ rule: 'QD-15', from: 'NOT_MET', to: 'NOT_APPLICABLE' }] },
  ],
};

describe('the impact of a draft', () => {
  it('orders the transitions that change a recommendation first', () => {
    expect(ordered(impact.transitions).map((t) => `${t.from}>${t.to}`)).toEqual(['REFUGEE_STATUS>REJECT', 'REFUGEE_STATUS>REFUGEE_STATUS', 'REJECT>REJECT']);
  });

  it('charts one bar per recommendation in force, stacked by the new one, with gaps where no claim goes', () => {
    const chart = transitionChart(impact, (v) => v, { title: 't', description: 'd' });
    expect(chart.categories).toEqual(['REFUGEE_STATUS', 'REJECT']);
    expect(chart.series).toEqual([{ name: 'REFUGEE_STATUS', data: [9, null] }, { name: 'REJECT', data: [2, 1] }]);
  });

  it('runs on request for the version, then says how many change, from what to what, and which claims with which findings', async () => {
    const fetch = fakeFetch([[/^POST \/api\/v1\/assessments\/impact$/, () => json(impact)]]);
    vi.stubGlobal('fetch', fetch.fn);
    render(<Providers roles={['policy-admin']}><ImpactSection version={4} inForce={3} /></Providers>);
    fireEvent.click(screen.getByRole('button', { name: 'Show the impact' }));
    expect(await screen.findByText(/12 open claims assessed: 2 recommendations change; 1 more claim has changed findings only/)).toBeTruthy();
    expect(await fetch.calls[0].clone().json()).toEqual({ version: 4 });
    const transitions = screen.getByRole('grid', { name: 'Recommendations, from the version in force to this one' });
    const first = within(transitions).getAllByRole('row')[1];
    expect(first.textContent).toContain('refugee status');
    expect(first.textContent).toContain('rejected');
    const row = screen.getByTitle(claim).closest('tr')!;
    expect(row.textContent).toContain('QD-9-2-e');
  });

  it('tells a policy administrator which claims change is for supervisors, and lists none', async () => {
    vi.stubGlobal('fetch', fakeFetch([[/^POST \/api\/v1\/assessments\/impact$/, () => json({ ...impact, claimsShown: false, changes: [], listComplete: false })]]).fn);
    render(<Providers roles={['policy-admin']}><ImpactSection version={4} inForce={3} /></Providers>);
    fireEvent.click(screen.getByRole('button', { name: 'Show the impact' }));
    expect(await screen.findByText(/shown to supervisors only/)).toBeTruthy();
    expect(screen.queryByTitle(claim)).toBeNull();
  });

  it('says there is nothing to compare with when no version is in force', () => {
    render(<Providers roles={['policy-admin']}><ImpactSection version={1} /></Providers>);
    expect(screen.getByText(/No version is in force today/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show the impact' })).toBeNull();
  });
});
