/** Who the signed-in user is, read from the access token (never from the ID token). */
export interface Me {
  sub: string;
  username: string;
  roles: string[];
  tenant: string | undefined;
  isCaseworker: boolean;
  isSupervisor: boolean;
  isPolicyAdmin: boolean;
  isAnalyst: boolean;
  isAuditor: boolean;
  isPlatformAdmin: boolean;
}

/** What each role the console knows opens; a role it does not know opens nothing. */
export function withRoles(sub: string, username: string, roles: string[], tenant: string | undefined): Me {
  return {
    sub, username, roles, tenant,
    isCaseworker: roles.includes('caseworker'),
    isSupervisor: roles.includes('supervisor'),
    isPolicyAdmin: roles.includes('policy-admin'),
    isAnalyst: roles.includes('analyst'),
    isAuditor: roles.includes('auditor'),
    isPlatformAdmin: roles.includes('platform-admin'),
  };
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The `organization` claim is a list, a string, or an object keyed by alias (Keycloak 26 Organizations). */
function tenantOf(organization: unknown): string | undefined {
  if (typeof organization === 'string') return organization;
  if (Array.isArray(organization)) return organization.length === 1 ? String(organization[0]) : undefined;
  if (organization && typeof organization === 'object') {
    const keys = Object.keys(organization);
    return keys.length === 1 ? keys[0] : undefined;
  }
  return undefined;
}

export function identityFromToken(token: string | undefined): Me | undefined {
  if (!token) return undefined;
  const parts = token.split('.');
  if (parts.length < 2) return undefined;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  return withRoles(String(payload.sub ?? ''), String(payload.preferred_username ?? payload.sub ?? ''), roles,
    tenantOf(payload.organization));
}
