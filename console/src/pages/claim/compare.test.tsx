import { describe, expect, it } from 'vitest';
import { diffRuns } from './AssessmentSection';

const run = (n: number, recommendation: string, findings: [string, string][]) =>
  ({
    id: `r${n}`, run: n, createdAt: '2026-01-01T00:00:00Z', packVersion: '1',
    result: { recommendation, findings: findings.map(([rule, result]) => ({ rule, title: rule.toUpperCase(), result })) },
  }) as never;

describe('what changed between two runs', () => {
  it('lists the findings whose result changed, appeared or went, and a changed recommendation', () => {
    const before = run(1, 'REJECT', [['2.1', 'NOT_MET'], ['3.1', 'MET'], ['6.1', 'NOT_APPLICABLE']]);
    const after = run(2, 'REFUGEE_STATUS', [['2.1', 'MET'], ['3.1', 'MET'], ['4.1', 'MET']]);
    expect(diffRuns(before, after)).toEqual({
      findings: [
        { rule: '2.1', title: '2.1', before: 'NOT_MET', after: 'MET' },
        { rule: '4.1', title: '4.1', before: undefined, after: 'MET' },
        { rule: '6.1', title: '6.1', before: 'NOT_APPLICABLE', after: undefined },
      ],
      recommendation: { before: 'REJECT', after: 'REFUGEE_STATUS' },
    });
    expect(diffRuns(after, after)).toEqual({ findings: [], recommendation: undefined });
  });
});
