import { useEffect, useMemo, type ReactNode } from 'react';
import { useAuth, hasAuthParams } from 'react-oidc-context';
import { Bullseye, Spinner, Alert, Button } from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { useTokenSource } from '../api/client';
import { identityFromToken } from './identity';
import { MeContext } from './MeContext';
import { SignInAgainContext } from './problems';

/** Signs in (code + PKCE) when nobody is; feeds the access token to the API clients; provides who the user is. */
export function AuthGate({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const intl = useIntl();
  useTokenSource(() => auth.user?.access_token);

  useEffect(() => {
    if (!hasAuthParams() && !auth.isAuthenticated && !auth.activeNavigator && !auth.isLoading && !auth.error) {
      void auth.signinRedirect();
    }
  }, [auth.isAuthenticated, auth.activeNavigator, auth.isLoading, auth.error, auth]);

  const me = useMemo(() => identityFromToken(auth.user?.access_token), [auth.user?.access_token]);

  if (auth.error) {
    return (
      <Bullseye>
        <Alert variant="danger" title={intl.formatMessage({ id: 'auth.failed' })}>
          <p>{auth.error.message}</p>
          <Button onClick={() => void auth.signinRedirect()}>{intl.formatMessage({ id: 'auth.signInAgain' })}</Button>
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
    <SignInAgainContext.Provider value={() => void auth.signinRedirect()}>
      <MeContext.Provider value={me}>{children}</MeContext.Provider>
    </SignInAgainContext.Provider>
  );
}
