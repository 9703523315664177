import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup, fireEvent } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import TenantPage from './TenantPage';
import { Providers, fakeFetch, json } from '../../test-support';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const tenant = (steps: { name: string; status: 'DONE' | 'FAILED' | 'SKIPPED'; detail: string }[], extra = {}) => ({
  id: 'ngo-x', name: 'NGO X', kind: 'NGO', jurisdiction: 'DE', status: 'ACTIVE', cell: 'default', locale: 'de', timezone: 'Europe/Berlin',
  version: 1, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', provisioning: steps, ...extra,
});

describe('a tenant whose provisioning failed', () => {
  it('offers the retry, runs it, and shows the steps and the first admin it answers', async () => {
    const fetch = fakeFetch([
      [/^GET \/api\/v1\/tenants\/ngo-x$/, () => json(tenant([
        { name: 'identity-provider-organization', status: 'DONE', detail: 'organization ngo-x created' },
        { name: 'first-policy-admin', status: 'DONE', detail: 'ngo-x-admin (policy-admin)' },
        { name: 'data-keys', status: 'FAILED', detail: 'failed in [documents]' },
      ]))],
      [/^POST \/api\/v1\/tenants\/ngo-x\/provision$/, () => json(tenant([
        { name: 'identity-provider-organization', status: 'DONE', detail: 'organization ngo-x already existed; reused' },
        { name: 'first-policy-admin', status: 'SKIPPED', detail: 'the organization existed' },
        { name: 'data-keys', status: 'DONE', detail: 'data key ready in intake, assessment, documents' },
      ]))],
    ]);
    vi.stubGlobal('fetch', fetch.fn);
    render(
      <Providers roles={['platform-admin']} path="/tenants/ngo-x">
        <Routes><Route path="/tenants/:id" element={<TenantPage />} /></Routes>
      </Providers>,
    );
    expect(await screen.findByText('Data keys in every service — failed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry provisioning' }));
    expect(await screen.findByText('Data keys in every service — done')).toBeTruthy();
    expect(screen.getByText('First policy administrator — skipped')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry provisioning' })).toBeNull();
    expect(fetch.calls.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/tenants/ngo-x/provision']);
  });
});
