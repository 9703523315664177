import { describe, expect, it, vi, afterEach, beforeEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import { homeOf, ShellLayout } from './Shell';
import { Providers, fakeFetch } from '../test-support';
import { identityFromToken, withRoles } from './identity';
import { LocaleProvider } from './locale';

beforeEach(() => {
  vi.stubGlobal('fetch', fakeFetch([]).fn);
  // a desktop width: the managed sidebar starts open
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1400 });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderShell = (roles: string[]) =>
  render(
    <Providers roles={roles}>
      <LocaleProvider initial="en">
        <ShellLayout onSignOut={() => {}} />
      </LocaleProvider>
    </Providers>,
  );

describe('role gating', () => {
  it('a caseworker without the supervisor role sees no Approvals', async () => {
    renderShell(['caseworker']);
    expect(screen.getByRole('link', { name: 'My work' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Register applicant' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Approvals' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Language' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'My work' })).toBeTruthy();
  });

  it('a supervisor who is also a caseworker sees both', () => {
    renderShell(['caseworker', 'supervisor']);
    expect(screen.getByRole('link', { name: 'Approvals' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Register applicant' })).toBeTruthy();
  });

  it('a supervisor only does not register applicants', () => {
    renderShell(['supervisor']);
    expect(screen.getByRole('link', { name: 'Approvals' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Register applicant' })).toBeNull();
  });
});

describe('identity from the access token', () => {
  const token = (payload: object) =>
    `x.${btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(payload)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

  it('reads roles, sub, name and the one organization in each shape', () => {
    const me = identityFromToken(token({ sub: 'abc', preferred_username: 'Дмитрий', roles: ['caseworker'], organization: ['demo-gov'] }))!;
    expect(me).toMatchObject({ sub: 'abc', username: 'Дмитрий', tenant: 'demo-gov', isCaseworker: true, isSupervisor: false });
    expect(identityFromToken(token({ sub: 'a', organization: 'demo-ngo' }))!.tenant).toBe('demo-ngo');
    expect(identityFromToken(token({ sub: 'a', organization: { 'demo-gov': { id: '1' } } }))!.tenant).toBe('demo-gov');
    expect(identityFromToken(token({ sub: 'a', organization: ['a', 'b'] }))!.tenant).toBeUndefined();
  });
});

describe('each role opens on its own screen', () => {
  it.each([
    [['caseworker'], '/'],
    [['supervisor'], '/'],
    [['platform-admin'], '/tenants'],
    [['analyst'], '/dashboard'],
    [['auditor'], '/audit'],
    [['policy-admin'], '/packs'],
    [['integrator'], undefined],
  ])('%s → %s', (roles, home) => {
    expect(homeOf(withRoles('s', 'u', roles, 'demo-gov'))).toBe(home);
  });

  it('an auditor sees the audit trail and no casework', () => {
    renderShell(['auditor']);
    expect(screen.getByRole('link', { name: 'Audit trail' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'My work' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Tenants' })).toBeNull();
  });

  it('a platform administrator sees tenants and the platform report only', () => {
    renderShell(['platform-admin']);
    expect(screen.getByRole('link', { name: 'Tenants' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Platform report' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Dashboard' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'My work' })).toBeNull();
  });
});
