import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { actionsFor, pendingTransition } from './lifecycle';
import { ENUMS } from './enums';
import { Providers, fakeFetch, json } from '../test-support';
import ClaimPage from '../pages/claim/ClaimPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('lifecycle actions offered', () => {
  it('per status, and never decide or appeal', () => {
    const offers = Object.fromEntries(ENUMS.claimStatus.map((s) => [s, actionsFor(s)]));
    expect(offers).toEqual({
      DRAFT: ['lodge', 'withdraw'],
      LODGED: ['start-assessment', 'withdraw'],
      UNDER_ASSESSMENT: ['withdraw'],
      DECIDED: ['close'],
      APPEALED: ['withdraw'],
      CLOSED: [],
      WITHDRAWN: [],
    });
    for (const actions of Object.values(offers)) {
      expect(actions).not.toContain('decide');
      expect(actions).not.toContain('appeal');
    }
  });

  const claim = (status: string) => ({
    id: '11111111-1111-1111-1111-111111111111', version: 1, applicantId: '22222222-2222-2222-2222-222222222222',
    status, military: { status: 'MOBILISED_RESERVIST', served: false, deserted: false }, credibility: {},
    assignedCaseworker: 'sub-1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  });

  it.each([
    ['DRAFT', ['Lodge', 'Withdraw']],
    ['LODGED', ['Start assessment', 'Withdraw']],
    ['DECIDED', ['Close']],
    ['CLOSED', []],
  ])('the Claim screen of a %s claim offers %j', async (status, expected) => {
    const { fn } = fakeFetch([
      [/GET \/api\/v1\/claims\/[^/]+\/notes/, () => json([])],
      [/GET \/api\/v1\/claims\//, () => json(claim(status))],
      [/GET \/api\/v1\/applicants\//, () => json({ id: '2', version: 1, name: { given: 'Дмитрий', family: 'Иванов' }, latinName: { given: 'DMITRII', family: 'IVANOV' }, nationalities: [], sex: 'MALE', languages: [], household: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })],
      [/GET \/api\/v1\/(documents|assessments|decisions)/, () => json([])],
    ]);
    vi.stubGlobal('fetch', fn);
    render(
      <Providers path="/claims/11111111-1111-1111-1111-111111111111">
        <Routes>
          <Route path="/claims/:id" element={<ClaimPage />} />
        </Routes>
      </Providers>,
    );
    await screen.findByText('Иванов Дмитрий');
    for (const name of ['Lodge', 'Start assessment', 'Withdraw', 'Close']) {
      const present = screen.queryByRole('button', { name }) !== null;
      expect(`${name}:${present}`).toBe(`${name}:${(expected as string[]).includes(name)}`);
    }
    expect(screen.queryByRole('button', { name: /decide/i })).toBeNull();
    expect(screen.queryByRole('button', { name: /^appeal/i })).toBeNull();
  });
});

describe('a transition on its way (issue 14)', () => {
  const approved = (stage: 'FIRST_INSTANCE' | 'APPEAL') => ({ stage, status: 'APPROVED' as const });
  it('follows what the assessment service already says, until intake has applied it', () => {
    expect(pendingTransition('LODGED', 0, [])).toBeUndefined();
    expect(pendingTransition('LODGED', 1, [])).toBe('UNDER_ASSESSMENT');
    expect(pendingTransition('UNDER_ASSESSMENT', 1, [])).toBeUndefined();
    expect(pendingTransition('UNDER_ASSESSMENT', 1, [{ stage: 'FIRST_INSTANCE', status: 'PENDING_APPROVAL' }])).toBeUndefined();
    expect(pendingTransition('UNDER_ASSESSMENT', 1, [approved('FIRST_INSTANCE')])).toBe('DECIDED');
    expect(pendingTransition('LODGED', 1, [approved('FIRST_INSTANCE')])).toBe('DECIDED');
    expect(pendingTransition('DECIDED', 1, [approved('FIRST_INSTANCE')])).toBeUndefined();
    expect(pendingTransition('APPEALED', 2, [approved('FIRST_INSTANCE')])).toBeUndefined();
    expect(pendingTransition('APPEALED', 2, [approved('FIRST_INSTANCE'), approved('APPEAL')])).toBe('DECIDED');
    expect(pendingTransition('WITHDRAWN', 1, [approved('FIRST_INSTANCE')])).toBeUndefined();
  });
});
