import { describe, expect, it } from 'vitest';
import { at, changes, inForce, tokens, type PolicyPack } from './packs';

const pack = (version: number, status: 'DRAFT' | 'PUBLISHED', effectiveFrom?: string): PolicyPack => ({
  tenantId: 't', version, status, effectiveFrom, createdAt: '2026-01-01T00:00:00Z', createdBy: 'p',
});

describe('policy packs', () => {
  it('the version in force is the published one with the latest effective date not after the day', () => {
    const packs = [pack(1, 'PUBLISHED', '2026-01-01'), pack(2, 'PUBLISHED', '2026-06-01'), pack(3, 'PUBLISHED', '2027-01-01'), pack(4, 'DRAFT')];
    expect(inForce(packs, '2026-05-31')?.version).toBe(1);
    expect(inForce(packs, '2026-06-01')?.version).toBe(2);
    expect(inForce(packs, '2025-12-31')).toBeUndefined();
  });

  it('reads RFC 6901 pointers, escapes included', () => {
    expect(tokens('/rules/GIP10~11/enabled')).toEqual(['rules', 'GIP10/1', 'enabled']);
    expect(tokens('/a~0b')).toEqual(['a~b']);
    expect(at({ coi: { RU: [{ region: 'X' }] } }, '/coi/RU/0/region')).toBe('X');
    expect(at({ a: 1 }, '/b/c')).toBeUndefined();
  });

  it('reads the server patch as changes with their values before and after', () => {
    const before = { reporting: { smallCellThreshold: 5 }, languages: ['en', 'de'], old: true };
    expect(changes([
      { op: 'replace', path: '/reporting/smallCellThreshold', value: 10 },
      { op: 'add', path: '/languages/2', value: 'fr' },
      { op: 'remove', path: '/old' },
    ], before)).toEqual([
      { where: ['reporting', 'smallCellThreshold'], before: 5, after: 10 },
      { where: ['languages', '2'], after: 'fr' },
      { where: ['old'], before: true },
    ]);
  });

  it('reads each step against the document the steps before it left (two removals from one list)', () => {
    expect(changes([{ op: 'remove', path: '/languages/1' }, { op: 'remove', path: '/languages/1' }], { languages: ['en', 'de', 'fr'] }))
      .toEqual([{ where: ['languages', '1'], before: 'de' }, { where: ['languages', '1'], before: 'fr' }]);
  });
});
