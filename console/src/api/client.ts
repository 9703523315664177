import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as AssessmentPaths } from './generated/assessment';
import type { paths as DocumentsPaths } from './generated/documents';
import type { paths as TenantsPaths } from './generated/tenants';
import type { paths as ReportingPaths } from './generated/reporting';

/** The access token lives in memory only (react-oidc-context's user); this reads it per request. */
let currentToken: () => string | undefined = () => undefined;

export function useTokenSource(source: () => string | undefined) {
  currentToken = source;
}

/** The current access token, for the few requests openapi-fetch cannot make (upload progress, blob download). */
export function bearerToken(): string | undefined {
  return currentToken();
}

const bearer: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
};

/** The reader's language (LocaleProvider sets <html lang>): the assessment's reasons come back in it. */
const language: Middleware = {
  onRequest({ request }) {
    const lang = document.documentElement.lang;
    if (lang) {
      request.headers.set('Accept-Language', lang);
    }
    return request;
  },
};

function client<P extends {}>() {
  // fetch looked up per request (not captured once), so tests can stand in for the network
  const c = createClient<P>({ baseUrl: window.location.origin, fetch: (request) => globalThis.fetch(request) });
  c.use(bearer, language);
  return c;
}

/** One typed client per service's OpenAPI document; all go through the gateway (same origin). */
export const intake = client<IntakePaths>();
export const assessment = client<AssessmentPaths>();
export const documents = client<DocumentsPaths>();
export const tenants = client<TenantsPaths>();
export const reporting = client<ReportingPaths>();
