import '@patternfly/react-core/dist/styles/base.css';
import './console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from 'react-oidc-context';
import { InMemoryWebStorage, WebStorageStateStore } from 'oidc-client-ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { loadConfig } from './config';
import { LocaleProvider } from './app/locale';
import { AuthGate, rememberReturn } from './app/AuthGate';
import { Shell } from './app/Shell';
import { ApiError } from './app/problems';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // a 4xx will not change by asking again
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) => {
    const origin = window.location.origin + '/';
    root.render(
      <StrictMode>
        <AuthProvider
          authority={config.authority}
          client_id={config.clientId}
          redirect_uri={origin}
          post_logout_redirect_uri={origin}
          response_type="code"
          scope="openid"
          // tokens in memory only: nothing in localStorage or sessionStorage
          userStore={new WebStorageStateStore({ store: new InMemoryWebStorage() })}
          automaticSilentRenew
          onSigninCallback={(user) => {
            rememberReturn(user?.state);
            const url = new URL(window.location.href);
            url.searchParams.delete('code');
            url.searchParams.delete('state');
            url.searchParams.delete('session_state');
            url.searchParams.delete('iss');
            window.history.replaceState({}, document.title, url.pathname + url.search + url.hash);
          }}
        >
          <QueryClientProvider client={queryClient}>
            <LocaleProvider>
              <BrowserRouter>
                <AuthGate>
                  <Shell />
                </AuthGate>
              </BrowserRouter>
            </LocaleProvider>
          </QueryClientProvider>
        </AuthProvider>
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    // before any catalogue is loaded: plain text, in English
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `Sanctuary could not start: ${error instanceof Error ? error.message : String(error)}`;
    document.getElementById('root')!.replaceChildren(p);
  });
