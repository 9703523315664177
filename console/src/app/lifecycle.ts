import type { components } from '../api/generated/intake';
import type { components as A } from '../api/generated/assessment';

type ClaimStatus = components['schemas']['ClaimStatus'];
export type LifecycleAction = 'lodge' | 'start-assessment' | 'withdraw' | 'close';

/** What may be offered now (docs/decisions.md). decide and appeal never: they come from the assessment service. */
const OFFERS: Record<ClaimStatus, LifecycleAction[]> = {
  DRAFT: ['lodge', 'withdraw'],
  LODGED: ['start-assessment', 'withdraw'],
  UNDER_ASSESSMENT: ['withdraw'],
  DECIDED: ['close'],
  APPEALED: ['withdraw'],
  CLOSED: [],
  WITHDRAWN: [],
};

export function actionsFor(status: ClaimStatus): LifecycleAction[] {
  return OFFERS[status] ?? [];
}

export const needsReason = (action: LifecycleAction) => action === 'withdraw' || action === 'close';

/**
 * The status intake will give the claim once it has read what the assessment service already says (issue 14): the
 * claim moves by the assessment service's events, a second or so later. A run makes a lodged claim UNDER_ASSESSMENT;
 * an approved decision makes the claim DECIDED (a first-instance one while undecided, one on the appeal while
 * appealed). Undefined when nothing is on its way.
 */
export function pendingTransition(
  status: ClaimStatus,
  runs: number,
  decisions: Pick<A['schemas']['Decision'], 'stage' | 'status'>[],
): ClaimStatus | undefined {
  const approved = (stage: A['schemas']['Decision.Stage']) => decisions.some((d) => d.stage === stage && d.status === 'APPROVED');
  if ((status === 'LODGED' || status === 'UNDER_ASSESSMENT') && approved('FIRST_INSTANCE')) return 'DECIDED';
  if (status === 'APPEALED' && approved('APPEAL')) return 'DECIDED';
  if (status === 'LODGED' && runs > 0) return 'UNDER_ASSESSMENT';
  return undefined;
}
