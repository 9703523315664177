import { intake, assessment, documents, reporting, tenants } from '../../api/client';
import type { components } from '../../api/generated/intake';
import { call } from '../../app/problems';

export type AuditEntry = components['schemas']['AuditLog.Entry'];
export type ChainResult = components['schemas']['AuditChainVerifier.Result'];

export interface AuditFilter {
  actor?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  /** the first instant of the period */
  from?: string;
  /** the instant the period ends (exclusive) */
  before?: string;
}

type Query = AuditFilter & { limit: number };

/** Each service keeps its own chain under its own path; the auditor reads them all. */
export const AUDITED_SERVICES = [
  {
    service: 'intake',
    entries: (query: Query) => call(intake.GET('/api/v1/intake-audit/entries', { params: { query } })),
    verify: () => call(intake.GET('/api/v1/intake-audit/verification')),
  },
  {
    service: 'assessment',
    entries: (query: Query) => call(assessment.GET('/api/v1/assessment-audit/entries', { params: { query } })),
    verify: () => call(assessment.GET('/api/v1/assessment-audit/verification')),
  },
  {
    service: 'documents',
    entries: (query: Query) => call(documents.GET('/api/v1/documents-audit/entries', { params: { query } })),
    verify: () => call(documents.GET('/api/v1/documents-audit/verification')),
  },
  {
    service: 'reporting',
    entries: (query: Query) => call(reporting.GET('/api/v1/reporting-audit/entries', { params: { query } })),
    verify: () => call(reporting.GET('/api/v1/reporting-audit/verification')),
  },
  {
    service: 'tenants',
    entries: (query: Query) => call(tenants.GET('/api/v1/tenants-audit/entries', { params: { query } })),
    verify: () => call(tenants.GET('/api/v1/tenants-audit/verification')),
  },
] as const;

export type AuditedService = (typeof AUDITED_SERVICES)[number]['service'];
export type ServiceEntry = AuditEntry & { service: AuditedService };

/**
 * An instant in UTC ISO form made comparable as text, to the microsecond the services record (Date keeps
 * milliseconds only): "…:41Z", "…:41.66Z" and "…:41.661264Z" become "…:41.000000000Z", "…:41.660000000Z", ….
 */
export function instantKey(iso: string): string {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z` : iso;
}

export interface MergedPage {
  items: ServiceEntry[];
  /** where the next page ends (exclusive), when any service has more */
  next?: string;
}

/** One microsecond after an instant (the services record microseconds), as ISO UTC. */
export function microLater(iso: string): string {
  const key = instantKey(iso); // …:SS.nnnnnnnnnZ
  const micros = BigInt(Date.parse(key.slice(0, 19) + 'Z')) * 1000n + BigInt(key.slice(20, 26)) + 1n;
  const seconds = new Date(Number(micros / 1_000_000n) * 1000).toISOString().slice(0, 19);
  return `${seconds}.${String(micros % 1_000_000n).padStart(6, '0')}Z`;
}

/**
 * One page of the tenant's trail across services, newest first. Each service answers its newest `limit`
 * entries before the cursor; a service that has more has only been read down to its last entry, so the page
 * keeps what is newer than the latest of those last entries (nothing older, from any service, is shown yet; nor
 * what lies at that very instant, where the service may hold more than it answered), and the next page starts
 * just after that instant, so it holds everything at it.
 */
export function mergePages(pages: { service: AuditedService; items: AuditEntry[]; next?: string | null }[]): MergedPage {
  const cut = pages
    .filter((p) => p.next && p.items.length > 0)
    .map((p) => p.items[p.items.length - 1].occurredAt)
    .reduce<string | undefined>((latest, at) => (!latest || instantKey(at) > instantKey(latest) ? at : latest), undefined);
  const items = pages
    .flatMap((p) => p.items.map((e) => ({ ...e, service: p.service })))
    .filter((e) => !cut || instantKey(e.occurredAt) > instantKey(cut))
    .sort((a, b) => instantKey(b.occurredAt).localeCompare(instantKey(a.occurredAt)) || a.service.localeCompare(b.service) || b.seq - a.seq);
  return { items, next: cut && microLater(cut) };
}

/** The earlier of two instants (either may be absent). */
export function earlier(a?: string, b?: string): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return instantKey(a) <= instantKey(b) ? a : b;
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30, not 2026-13-01). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A day in the browser's time zone as the instants that bound it: its first instant, and the next day's. */
export function dayStart(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00`).toISOString();
}

export function dayEnd(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}
