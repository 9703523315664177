import { useIntl } from 'react-intl';
import type { components as I } from '../api/generated/intake';
import type { components as A } from '../api/generated/assessment';
import type { components as D } from '../api/generated/documents';
import { CheckCircleIcon, ExclamationCircleIcon, MinusCircleIcon, QuestionCircleIcon } from '@patternfly/react-icons';

/** Every value of each generated enum, checked exhaustive by the compiler; the catalogue test checks each has a label. */
function all<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const ENUMS = {
  claimStatus: all<I['schemas']['ClaimStatus']>({
    DRAFT: true, LODGED: true, UNDER_ASSESSMENT: true, DECIDED: true, APPEALED: true, CLOSED: true, WITHDRAWN: true,
  }),
  militaryStatus: all<I['schemas']['MilitaryProfile.MilitaryStatus']>({
    PRE_CALL_UP_EVADER: true, SUMMONED_NON_REPORTER: true, MOBILISED_RESERVIST: true, CONSCRIPT: true,
    CONTRACT_SOLDIER: true, DESERTER: true, OBJECTOR_ABSOLUTE: true, OBJECTOR_SELECTIVE: true,
    FORCIBLY_RECRUITED: true, CHILD: true,
  }),
  recruitingActor: all<I['schemas']['MilitaryProfile.RecruitingActor']>({ STATE: true, OCCUPYING_POWER: true, NON_STATE_GROUP: true }),
  callUpChannel: all<I['schemas']['MilitaryProfile.CallUpChannel']>({
    IN_PERSON: true, POST: true, WORKPLACE: true, AT_POLICE_STATION: true, ELECTRONIC: true, STREET: true, OTHER: true,
  }),
  illTreatment: all<I['schemas']['MilitaryProfile.IllTreatment']>({
    HAZING: true, ETHNIC_ABUSE: true, HOMOPHOBIC_ABUSE: true, RELIGIOUS_ABUSE: true, TORTURE: true, FORCED_LABOUR: true,
    SEXUAL_VIOLENCE: true,
  }),
  objectionKind: all<I['schemas']['MilitaryProfile.ObjectionKind']>({ ABSOLUTE: true, SELECTIVE: true, PARTIAL: true }),
  objectionBasis: all<I['schemas']['MilitaryProfile.ObjectionBasis']>({ RELIGIOUS: true, MORAL: true, POLITICAL: true }),
  credibility: all<I['schemas']['Credibility.Assessment']>({ ACCEPTED: true, REJECTED: true, BENEFIT_OF_DOUBT: true }),
  sex: all<I['schemas']['Sex']>({ FEMALE: true, MALE: true, X: true, UNKNOWN: true }),
  recommendation: all<A['schemas']['Recommendation']>({
    REFUGEE_STATUS: true, SUBSIDIARY_PROTECTION: true, NATIONAL_HUMANITARIAN: true, NON_REFOULEMENT_ONLY: true,
    TEMPORARY_PROTECTION: true, REJECT: true, REFER_EXCLUSION: true,
  }),
  outcome: all<A['schemas']['Decision.Outcome']>({
    REFUGEE_STATUS: true, SUBSIDIARY_PROTECTION: true, NATIONAL_HUMANITARIAN: true, NON_REFOULEMENT_ONLY: true,
    TEMPORARY_PROTECTION: true, REJECT: true, EXCLUDED: true,
  }),
  decisionStatus: all<A['schemas']['Decision.Status']>({ PENDING_APPROVAL: true, APPROVED: true, RETURNED: true }),
  findingResult: all<A['schemas']['Finding.Result']>({ MET: true, NOT_MET: true, UNDETERMINED: true, NOT_APPLICABLE: true }),
  ground: all<A['schemas']['Ground']>({
    RACE: true, RELIGION: true, NATIONALITY: true, PARTICULAR_SOCIAL_GROUP: true, POLITICAL_OPINION: true,
  }),
  category: all<D['schemas']['Category']>({
    SUMMONS: true, MILITARY_ID: true, COURT_RECORD: true, MEDICAL: true, RELIGIOUS_MEMBERSHIP: true, IDENTITY: true, OTHER: true,
    DECISION_NOTICE: true,
  }),
  /** Credibility keys: the material facts of acceptance/README.md "Claim facts". */
  fact: all<'militaryStatus' | 'callUp' | 'unit' | 'desertion' | 'objection' | 'ethnicity' | 'lgbtqi' | 'politicalActivity' | 'illTreatment'>({
    militaryStatus: true, callUp: true, unit: true, desertion: true, objection: true, ethnicity: true, lgbtqi: true,
    politicalActivity: true, illTreatment: true,
  }),
} as const;

export type EnumKind = keyof typeof ENUMS;

/** A translated enum label; an unknown value (a newer server) shows as itself rather than breaking. */
export function useEnumLabel() {
  const intl = useIntl();
  return (kind: EnumKind, value: string | null | undefined): string => {
    if (value === null || value === undefined) return '';
    const id = `enum.${kind}.${value}`;
    return intl.messages[id] !== undefined ? intl.formatMessage({ id }) : value;
  };
}

/** A finding's result with icon and text (never colour alone). */
export function FindingResult({ result }: { result: A['schemas']['Finding.Result'] }) {
  const label = useEnumLabel();
  const icon =
    result === 'MET' ? (
      <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />
    ) : result === 'NOT_MET' ? (
      <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
    ) : result === 'UNDETERMINED' ? (
      <QuestionCircleIcon color="var(--pf-t--global--icon--color--status--warning--default)" />
    ) : (
      <MinusCircleIcon />
    );
  return (
    <span>
      <span aria-hidden="true">{icon}</span> {label('findingResult', result)}
    </span>
  );
}

/** The assessment's steps (DOMAIN.md "Assessment"), to group findings. */
export function stepOf(rule: string): number {
  if (rule === 'TEMPORARY-PROTECTION') return 0;
  if (rule === 'QD-4-5' || rule === 'CJEU-ABC') return 2;
  if (rule === 'QD-9-3' || rule === 'QD-10' || rule === 'RC-1A2') return 4;
  if (rule === 'QD-8' || rule === 'HB-91') return 5;
  if (rule === 'RC-1F' || rule === 'QD-12' || rule === 'QD-17') return 6;
  return 3;
}
