import { describe, expect, it } from 'vitest';
import { earlier, instantKey, isDay, mergePages, microLater, type AuditEntry } from './audit';

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
    // intake's .300 waits for the next page: intake may hold more at that very instant than it answered
    expect(page.items.map((e) => `${e.service}:${e.seq}`)).toEqual(['intake:5', 'documents:2']);
    expect(page.next).toBe('2026-01-01T00:00:00.300001Z'); // the next page holds all of .300 and documents' .100
  });

  it('steps a microsecond, across seconds too; reads only real days', () => {
    expect(microLater('2026-01-01T00:00:00.300Z')).toBe('2026-01-01T00:00:00.300001Z');
    expect(microLater('2026-12-31T23:59:59.999999Z')).toBe('2027-01-01T00:00:00.000000Z');
    expect(microLater('2026-01-01T00:00:01Z')).toBe('2026-01-01T00:00:01.000001Z');
    expect([isDay('2026-02-28'), isDay('2026-02-30'), isDay('2026-13-01'), isDay('x')]).toEqual([true, false, false, false]);
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
