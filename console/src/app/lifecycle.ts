import type { components } from '../api/generated/intake';

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
