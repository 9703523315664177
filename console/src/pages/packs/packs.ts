import { useQuery } from '@tanstack/react-query';
import { applyOperation, type Operation } from 'fast-json-patch';
import { tenants } from '../../api/client';
import type { components } from '../../api/generated/tenants';
import { call } from '../../app/problems';

export type PolicyPack = components['schemas']['PolicyPackVersion'];
export type SampleCaseRun = components['schemas']['PolicyPackController.SampleCaseRun'];
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One RFC 6902 operation as the tenants service writes a diff. */
export type PatchOperation = components['schemas']['PolicyPackController.PatchOperation'];

/** A change between two versions as a reader sees it: where, what it was, what it becomes. */
export interface Change {
  where: string[];
  before?: Json;
  after?: Json;
}

/** The version in force on `day` (ISO date): the published one with the latest effective date not after it. */
export function inForce(packs: PolicyPack[], day: string): PolicyPack | undefined {
  return packs
    .filter((p) => p.status === 'PUBLISHED' && p.effectiveFrom && p.effectiveFrom <= day)
    .sort((a, b) => (a.effectiveFrom! < b.effectiveFrom! ? 1 : a.effectiveFrom! > b.effectiveFrom! ? -1 : b.version - a.version))[0];
}

/** The reference tokens of an RFC 6901 pointer ("/rules/GIP10~11" → ["rules", "GIP10/1"]). */
export function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a pointer, or undefined where the document has none. */
export function at(document: Json | undefined, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(token)] : node[token];
  }
  return node;
}

/**
 * The server's patch from `before` to the other version, read as changes with their old and new values. Each
 * operation applies to the document as the ones before it left it (RFC 6902), so the patch is applied step by step
 * (fast-json-patch) and each old value read just before its step.
 */
export function changes(patch: PatchOperation[], before: Json | undefined): Change[] {
  let document = structuredClone(before ?? {}) as Json;
  const out: Change[] = [];
  for (const op of patch) {
    if (op.op === 'test') continue;
    const was = at(document, op.path);
    const operation = { ...op, from: op.from ?? undefined } as Operation;
    document = applyOperation(document, operation, false, true).newDocument as Json;
    const now = op.op === 'remove' ? undefined : at(document, op.path);
    out.push({ where: tokens(op.path), ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) });
  }
  return out;
}

export function usePacks(tenantId: string | undefined) {
  return useQuery({
    queryKey: ['packs', tenantId],
    enabled: Boolean(tenantId),
    queryFn: () => call(tenants.GET('/api/v1/tenants/{tenantId}/policy-packs', { params: { path: { tenantId: tenantId! } } })),
  });
}

export function usePack(tenantId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['packs', tenantId, version],
    enabled: Boolean(tenantId) && version !== undefined,
    queryFn: () =>
      call(tenants.GET('/api/v1/tenants/{tenantId}/policy-packs/{version}', { params: { path: { tenantId: tenantId!, version: version! } } })),
  });
}

/** The policy-pack JSON Schema the tenants service validates with (one source: the pack editor is generated from it). */
export function usePolicySchema() {
  return useQuery({
    queryKey: ['policy-schema'],
    staleTime: Infinity, // it changes with a deployment of the service, not while the page is open
    queryFn: () => call(tenants.GET('/api/v1/policy/schema')),
  });
}

/** Today in UTC, as the tenants service dates effectiveness. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
