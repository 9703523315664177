import { Alert, FormHelperText, HelperText, HelperTextItem, Button } from '@patternfly/react-core';
import { useIntl, type IntlShape } from 'react-intl';
import { createContext, useContext } from 'react';

/** How to sign in again after a 401 (AuthGate provides signinRedirect). */
export const SignInAgainContext = createContext<(() => void) | undefined>(undefined);

/** RFC 9457 problem+json as every service answers it (docs/problems.md). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  violations?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfter?: string | null,
  ) {
    super(problem.title ?? `HTTP ${status}`);
  }
}

function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object') return body as Problem;
  return { status, detail: typeof body === 'string' && body.length < 500 ? body : undefined };
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError carrying the problem. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) {
    throw new ApiError(response.status, asProblem(error, response.status), response.headers.get('Retry-After'));
  }
  return data as T;
}

/** For raw fetch / XMLHttpRequest answers. */
export function problemFromBody(status: number, text: string, retryAfter?: string | null): ApiError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return new ApiError(status, asProblem(body, status), retryAfter);
}

const PREFIX = 'https://sanctuary.example/problems/';
const KNOWN = new Set([
  'validation', 'malformed-request', 'unauthenticated', 'forbidden', 'tenant-unresolved', 'tenant-inactive',
  'not-found', 'gone', 'method-not-allowed', 'conflict', 'invalid-transition', 'precondition-failed',
  'payload-too-large', 'unsupported-media-type', 'unprocessable', 'idempotency-key-reused',
  'precondition-required', 'too-many-requests', 'unavailable', 'integrity', 'internal',
]);
const BY_STATUS: Record<number, string> = {
  400: 'validation', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 409: 'conflict',
  410: 'gone', 412: 'precondition-failed', 413: 'payload-too-large', 415: 'unsupported-media-type',
  422: 'unprocessable', 428: 'precondition-required', 429: 'too-many-requests', 503: 'unavailable',
};

/** The slug of a problem's type (after https://sanctuary.example/problems/), or one inferred from the status. */
export function problemSlug(error: ApiError): string {
  const type = error.problem.type ?? '';
  const slug = type.startsWith(PREFIX) ? type.slice(PREFIX.length) : '';
  if (KNOWN.has(slug)) return slug;
  return BY_STATUS[error.status] ?? (error.status >= 500 ? 'internal' : 'unknown');
}

function retrySeconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** The translated headline of any error. */
export function problemMessage(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return intl.formatMessage({ id: 'problem.network' });
  const slug = problemSlug(error);
  if (slug === 'too-many-requests') {
    const seconds = retrySeconds(error.retryAfter);
    return seconds === undefined
      ? intl.formatMessage({ id: 'problem.too-many-requests' })
      : intl.formatMessage({ id: 'problem.too-many-requests.retry' }, { seconds });
  }
  return intl.formatMessage({ id: `problem.${slug}` });
}

/** Violations by field (JSON path of the request body or the parameter name). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const v of error.problem.violations ?? []) {
      out[v.field] = out[v.field] ? `${out[v.field]}; ${v.message}` : v.message;
    }
  }
  return out;
}

/** One alert for any error: translated headline, the server's detail as secondary text, and
 *  violations that no field on the form shows (`shownFields`). 401 offers signing in again. */
export function ProblemAlert({
  error,
  shownFields = [],
  onSignIn,
}: {
  error: unknown;
  shownFields?: string[];
  onSignIn?: () => void;
}) {
  const intl = useIntl();
  const signInAgain = useContext(SignInAgainContext);
  onSignIn = onSignIn ?? signInAgain;
  if (!error) return null;
  const api = error instanceof ApiError ? error : undefined;
  const unplaced = (api?.problem.violations ?? []).filter((v) => !shownFields.includes(v.field));
  const isAuth = api?.status === 401;
  return (
    <Alert
      variant={api && api.status < 500 && api.status !== 401 && api.status !== 403 ? 'warning' : 'danger'}
      isInline
      title={problemMessage(intl, error)}
      role="alert"
      actionLinks={
        isAuth && onSignIn ? (
          <Button variant="link" isInline onClick={onSignIn}>
            {intl.formatMessage({ id: 'problem.signInAgain' })}
          </Button>
        ) : undefined
      }
    >
      {api?.problem.detail && <p>{api.problem.detail}</p>}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((v) => (
            <li key={v.field + v.message}>
              <code>{v.field}</code>: {v.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The error text under one form field (PatternFly helper text, error variant). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <FormHelperText>
      <HelperText id={id}>
        <HelperTextItem variant="error">{message}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}
