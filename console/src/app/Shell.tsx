import { lazy, Suspense } from 'react';
import { useAuth } from 'react-oidc-context';
import {
  Bullseye, Button, Label, LabelGroup, Masthead, MastheadBrand, MastheadContent, MastheadLogo, MastheadMain,
  MastheadToggle, Nav, NavItem, NavList, Page, PageSidebar, PageSidebarBody, PageToggleButton, SkipToContent,
  Spinner, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem,
} from '@patternfly/react-core';
import { BarsIcon } from '@patternfly/react-icons';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useIntl } from 'react-intl';
import { useMe } from './MeContext';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NotFound } from './NotFound';

const loadMyWork = () => import('../pages/MyWork');
const loadClaimPage = () => import('../pages/claim/ClaimPage');
const MyWork = lazy(loadMyWork);
const RegisterApplicant = lazy(() => import('../pages/RegisterApplicant'));
const RecordClaim = lazy(() => import('../pages/RecordClaim'));
const ClaimPage = lazy(loadClaimPage);
const Approvals = lazy(() => import('../pages/Approvals'));
const Team = lazy(() => import('../pages/team/Team'));

const MAIN_ID = 'main-content';

// The area the console opens on (My work, or a claim's deep link) loads while sign-in completes, not after it.
if (window.location.pathname === '/') void loadMyWork();
else if (/^\/claims\/[0-9a-f-]{36}/.test(window.location.pathname)) void loadClaimPage();

export function Shell() {
  const auth = useAuth();
  return <ShellLayout onSignOut={() => void auth.signoutRedirect()} />;
}

export function ShellLayout({ onSignOut }: { onSignOut: () => void }) {
  const intl = useIntl();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const t = (id: string) => intl.formatMessage({ id });

  const item = (to: string, id: string) => (
    <NavItem
      key={to}
      to={to}
      isActive={to === '/' ? location.pathname === '/' : location.pathname.startsWith(to)}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {t(id)}
    </NavItem>
  );

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton variant="plain" aria-label={t('shell.toggleNav')}>
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component="span" style={{ fontWeight: 600, fontSize: '1.25rem' }}>
            Sanctuary
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }} gap={{ default: 'gapMd' }}>
              <ToolbarItem>
                <span>
                  {t('shell.organisation')}: <strong>{me.tenant ?? '—'}</strong>
                </span>
              </ToolbarItem>
              <ToolbarItem>
                <span>
                  {t('shell.user')}: <strong>{me.username}</strong>
                </span>
              </ToolbarItem>
              <ToolbarItem>
                <LabelGroup categoryName={t('shell.roles')} aria-label={t('shell.roles')}>
                  {me.isCaseworker && <Label isCompact>{t('role.caseworker')}</Label>}
                  {me.isSupervisor && <Label isCompact>{t('role.supervisor')}</Label>}
                </LabelGroup>
              </ToolbarItem>
              <ToolbarItem>
                <LanguageSwitcher />
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={onSignOut}>
                  {t('shell.signOut')}
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t('shell.nav')}>
          <NavList>
            {item('/', 'nav.myWork')}
            {me.isCaseworker && item('/applicants/new', 'nav.register')}
            {me.isSupervisor && item('/approvals', 'nav.approvals')}
            {me.isSupervisor && item('/team', 'nav.team')}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <Page
      masthead={masthead}
      sidebar={sidebar}
      isManagedSidebar
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t('shell.skip')}</SkipToContent>}
      mainContainerId={MAIN_ID}
    >
      <Suspense
        fallback={
          <Bullseye>
            <Spinner aria-label={t('common.loading')} />
          </Bullseye>
        }
      >
        <Routes>
          <Route path="/" element={<MyWork />} />
          <Route path="/applicants/new" element={<RegisterApplicant />} />
          <Route path="/claims/new" element={<RecordClaim />} />
          <Route path="/claims/:id" element={<ClaimPage />} />
          {me.isSupervisor && <Route path="/approvals" element={<Approvals />} />}
          {me.isSupervisor && <Route path="/team" element={<Team />} />}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Page>
  );
}
