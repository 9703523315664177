import { describe, expect, it } from 'vitest';
import { earlier, instantKey, mergePages, type AuditEntry } from './audit';

const entry = (occurredAt: string, seq: number): AuditEntry => ({
  occurredAt, chain: 0, seq, actor: 'a', action: 'x.read', resourceType: 'x', resourceId: '1', outcome: 'SUCCESS',
  specialDecrypted: false, hash: 'h',
});

describe('the trail across services', () => {
  it('compares instants to the microsecond, whatever digits the server wrote', () => {
    expect(instantKey('2026-11-27T23:30:41Z') < instantKey('2026-11-27T23:30:41.000001Z')).toBe(true);
    expect(instantKey('2026-11-27T23:30:41.66Z')).toBe(instantKey('2026-11-27T23:30:41.660000Z'));
    expect(instantKey('2026-11-27T23:30:41.661100Z') < instantKey('2026-11-27T23:30:41.661264Z')).toBe(true);
    expect(earlier('2026-01-02T00:00:00Z', '2026-01-01T23:59:59.999999Z')).toBe('2026-01-01T23:59:59.999999Z');
    expect(earlier(undefined, 'b')).toBe('b');
  });

  it('stops a page where a service that has more was read down to, so nothing older is skipped', () => {
    const page = mergePages([
      // intake has more: read down to .300 only
      { service: 'intake', items: [entry('2026-01-01T00:00:00.500Z', 5), entry('2026-01-01T00:00:00.300Z', 4)], next: '2026-01-01T00:00:00.300Z' },
      // documents has no more: everything it holds is here
      { service: 'documents', items: [entry('2026-01-01T00:00:00.400Z', 2), entry('2026-01-01T00:00:00.100Z', 1)], next: null },
      { service: 'tenants', items: [], next: null },
    ]);
    expect(page.items.map((e) => `${e.service}:${e.seq}`)).toEqual(['intake:5', 'documents:2', 'intake:4']);
    expect(page.next).toBe('2026-01-01T00:00:00.300Z'); // documents' .100 comes on the next page
  });

  it('ends when no service has more', () => {
    const page = mergePages([
      { service: 'intake', items: [entry('2026-01-01T00:00:00.100Z', 1)] },
      { service: 'assessment', items: [entry('2026-01-01T00:00:00.200Z', 1)], next: null },
    ]);
    expect(page.items.map((e) => e.service)).toEqual(['assessment', 'intake']);
    expect(page.next).toBeUndefined();
  });
});
