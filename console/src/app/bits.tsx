import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon, OutlinedClockIcon } from '@patternfly/react-icons';
import type { ReactNode } from 'react';
import type { components } from '../api/generated/intake';
import { daysUntil, isoDateValue } from './dates';
import { useMe } from './MeContext';

type PersonName = components['schemas']['PersonName'];

/** The first 8 characters of a UUID, with the whole id as its title. */
export function ShortId({ id }: { id: string }) {
  return (
    <code title={id} translate="no">
      {id.slice(0, 8)}
    </code>
  );
}

export function formatName(name: PersonName): string {
  return [name.family, name.given, name.patronymic].filter(Boolean).join(' ');
}

/** The name as entered (any script), the Latin (ICAO) reading beside it. */
export function PersonNameView({ name, latin }: { name: PersonName; latin?: PersonName }) {
  const original = formatName(name);
  const reading = latin ? formatName(latin) : '';
  return (
    <span>
      <span translate="no">{original}</span>
      {reading && reading !== original && (
        <>
          {' '}
          <span translate="no" style={{ color: 'var(--pf-t--global--text--color--subtle)' }}>
            ({reading})
          </span>
        </>
      )}
    </span>
  );
}

/** An ISO date (no time) in the user's locale. */
export function IsoDate({ value, long }: { value?: string | null; long?: boolean }) {
  if (!value) return <FormattedMessage id="common.none" />;
  return <FormattedDate value={isoDateValue(value)} timeZone="UTC" year="numeric" month={long ? 'long' : '2-digit'} day="2-digit" />;
}

/** Days to a deadline; overdue with an icon and words, never colour alone. */
export function DaysLeft({ deadline }: { deadline?: string | null }) {
  const intl = useIntl();
  if (!deadline) return <FormattedMessage id="common.none" />;
  const days = daysUntil(deadline);
  if (days < 0) {
    return (
      <span style={{ color: 'var(--pf-t--global--text--color--status--danger--default)', fontWeight: 600 }}>
        <ExclamationTriangleIcon aria-hidden="true" /> {intl.formatMessage({ id: 'deadline.overdue' }, { days: -days })}
      </span>
    );
  }
  return (
    <span>
      <OutlinedClockIcon aria-hidden="true" /> {intl.formatMessage({ id: 'deadline.daysLeft' }, { days })}
    </span>
  );
}

/** "me" when it is the caller's sub, "unassigned" when empty, else the value. */
export function Assignee({ sub }: { sub?: string | null }) {
  const me = useMe();
  if (!sub) return <FormattedMessage id="claim.unassigned" />;
  if (sub === me.sub) return <FormattedMessage id="claim.me" />;
  return <ShortId id={sub} />;
}

/** A check's outcome in words with its icon (never colour alone): a pass plainly, a failure bold in the danger colour. */
export function PassFail({ passed, children }: { passed: boolean; children: ReactNode }) {
  if (passed) {
    return (
      <span>
        <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" aria-hidden="true" /> {children}
      </span>
    );
  }
  return (
    <span style={{ color: 'var(--pf-t--global--text--color--status--danger--default)', fontWeight: 600 }}>
      <ExclamationCircleIcon aria-hidden="true" /> {children}
    </span>
  );
}
