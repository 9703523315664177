import { useEffect, useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, hasAuthParams } from 'react-oidc-context';
import { ErrorTimeout } from 'oidc-client-ts';
import { Bullseye, Spinner, Alert, Button } from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { useTokenSource } from '../api/client';
import { identityFromToken } from './identity';
import { MeContext } from './MeContext';
import { SignInAgainContext } from './problems';

/** Where the user was going when sign-in began (a path of this console only), carried through Keycloak as OIDC state. */
interface ReturnState {
  returnTo?: string;
}

let pendingReturn: string | undefined;

/** Called by the AuthProvider after the code exchange: remembers the deep link the sign-in interrupted. */
export function rememberReturn(state: unknown) {
  const returnTo = (state as ReturnState | undefined)?.returnTo;
  pendingReturn = returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : undefined;
}

function signIn(auth: ReturnType<typeof useAuth>) {
  return auth.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } satisfies ReturnState });
}

/** Signs in (code + PKCE) when nobody is; feeds the access token to the API clients; provides who the user is. */
export function AuthGate({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const intl = useIntl();
  const navigate = useNavigate();
  useTokenSource(() => auth.user?.access_token);

  useEffect(() => {
    if (!hasAuthParams() && !auth.isAuthenticated && !auth.activeNavigator && !auth.isLoading && !auth.error) {
      void signIn(auth);
    }
  }, [auth.isAuthenticated, auth.activeNavigator, auth.isLoading, auth.error, auth]);

  useEffect(() => {
    if (auth.isAuthenticated && pendingReturn) {
      const to = pendingReturn;
      pendingReturn = undefined;
      navigate(to, { replace: true });
    }
  }, [auth.isAuthenticated, navigate]);

  const me = useMemo(() => identityFromToken(auth.user?.access_token), [auth.user?.access_token]);

  if (auth.error) {
    // Keycloak not answering (a failed fetch, or oidc-client-ts's timeout) says so in the user's language; anything
    // else keeps the identity provider's own message
    const inner = auth.error.innerError;
    const unreachable = inner instanceof TypeError || inner instanceof ErrorTimeout;
    return (
      <Bullseye>
        <Alert variant="danger" title={intl.formatMessage({ id: 'auth.failed' })}>
          <p>{unreachable ? intl.formatMessage({ id: 'auth.unreachable' }) : auth.error.message}</p>
          <Button onClick={() => void signIn(auth)}>{intl.formatMessage({ id: 'auth.signInAgain' })}</Button>
        </Alert>
      </Bullseye>
    );
  }
  if (!auth.isAuthenticated || !me) {
    return (
      <Bullseye style={{ minHeight: '100vh' }}>
        <Spinner aria-label={intl.formatMessage({ id: 'auth.signingIn' })} />
        <span style={{ marginInlineStart: '1rem' }}>{intl.formatMessage({ id: 'auth.signingIn' })}</span>
      </Bullseye>
    );
  }
  return (
    <SignInAgainContext.Provider value={() => void signIn(auth)}>
      <MeContext.Provider value={me}>{children}</MeContext.Provider>
    </SignInAgainContext.Provider>
  );
}
