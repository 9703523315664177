import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router';
import { MeContext } from './app/MeContext';
import { withRoles, type Me } from './app/identity';
import en from './i18n/en.json';

export function me(roles: string[]): Me {
  return withRoles('sub-1', 'gov-caseworker', roles, roles.includes('platform-admin') ? undefined : 'demo-gov');
}

/** The providers main.tsx sets up, minus sign-in. */
export function Providers({ children, roles = ['caseworker'], path = '/', messages = en, locale = 'en' }: {
  children: ReactNode; roles?: string[]; path?: string; messages?: Record<string, string>; locale?: string;
}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <IntlProvider locale={locale} messages={messages} onError={(e) => { throw e; }}>
        <MemoryRouter initialEntries={[path]}>
          <MeContext.Provider value={me(roles)}>{children}</MeContext.Provider>
        </MemoryRouter>
      </IntlProvider>
    </QueryClientProvider>
  );
}

/** A fetch that answers each request with the first matching handler. */
export function fakeFetch(handlers: [RegExp, (req: Request) => Response | Promise<Response>][]) {
  const calls: Request[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    calls.push(req);
    for (const [pattern, handle] of handlers) {
      if (pattern.test(`${req.method} ${new URL(req.url).pathname}${new URL(req.url).search}`)) return handle(req);
    }
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fn, calls };
}

export const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
