import { useQueries, useQuery } from '@tanstack/react-query';
import { intake } from '../api/client';
import type { components } from '../api/generated/intake';
import { call } from './problems';

type ApplicantView = components['schemas']['ApplicantView'];

/** The server reads at most this many applicants by ids in one call. */
export const MAX_IDS = 100;

/** Distinct ids in first-seen order, in chunks of at most MAX_IDS. */
export function idChunks(ids: string[]): string[][] {
  const distinct = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < distinct.length; i += MAX_IDS) chunks.push(distinct.slice(i, i + MAX_IDS));
  return chunks;
}

/**
 * The applicants beside a list (names, nationalities; never special-category data): one
 * `GET /api/v1/applicants?ids=` per group of ids (a page of claims), merged by id.
 */
export function useApplicantsByIds(groups: string[][]): { byId: Map<string, ApplicantView>; error: unknown; pending: boolean } {
  const chunks = groups.flatMap(idChunks);
  const results = useQueries({
    queries: chunks.map((ids) => ({
      queryKey: ['applicants', 'ids', ids.join(',')],
      staleTime: 60_000,
      queryFn: () => call(intake.GET('/api/v1/applicants', { params: { query: { ids: ids.join(',') } } })),
    })),
  });
  const byId = new Map<string, ApplicantView>();
  for (const r of results) for (const a of r.data?.items ?? []) byId.set(a.id, a);
  return { byId, error: results.find((r) => r.error)?.error ?? null, pending: results.some((r) => r.isPending) };
}

/** The team's open claims per caseworker (null: unassigned); supervisors only. */
export function useWorkload(enabled = true) {
  return useQuery({
    queryKey: ['workload'],
    enabled,
    queryFn: () => call(intake.GET('/api/v1/claims/workload')),
  });
}
