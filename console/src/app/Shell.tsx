import { lazy, Suspense } from 'react';
import { useAuth } from 'react-oidc-context';
import {
  Bullseye, Button, Label, LabelGroup, Masthead, MastheadBrand, MastheadContent, MastheadLogo, MastheadMain,
  MastheadToggle, Nav, NavItem, NavList, Page, PageSidebar, PageSidebarBody, PageToggleButton, SkipToContent,
  Content, PageSection, Spinner, Title, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem,
} from '@patternfly/react-core';
import { BarsIcon } from '@patternfly/react-icons';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useIntl } from 'react-intl';
import { useMe } from './MeContext';
import type { Me } from './identity';
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
const AuditTrail = lazy(() => import('../pages/audit/AuditTrail'));
const loadDashboard = () => import('../pages/dashboard/Dashboard');
const Dashboard = lazy(loadDashboard);
const Tenants = lazy(() => import('../pages/tenants/Tenants'));
const TenantPage = lazy(() => import('../pages/tenants/TenantPage'));
const Packs = lazy(() => import('../pages/packs/Packs'));
const PackPage = lazy(() => import('../pages/packs/PackPage'));
const PlatformReport = lazy(() => import('../pages/tenants/PlatformReport'));

const MAIN_ID = 'main-content';

// The area the console opens on (My work, or a claim's deep link) loads while sign-in completes, not after it.
if (window.location.pathname === '/') void loadMyWork();
else if (/^\/claims\/[0-9a-f-]{36}/.test(window.location.pathname)) void loadClaimPage();
else if (window.location.pathname === '/dashboard') void loadDashboard();

/** Where a role's work starts: casework opens on My work, every other role on its own first screen. */
export function homeOf(me: Me): string | undefined {
  if (me.isCaseworker || me.isSupervisor) return '/';
  if (me.isPlatformAdmin) return '/tenants';
  if (me.isAnalyst) return '/dashboard';
  if (me.isAuditor) return '/audit';
  if (me.isPolicyAdmin) return '/packs';
  return undefined;
}

function Home() {
  const me = useMe();
  const intl = useIntl();
  const location = useLocation();
  const home = homeOf(me);
  if (home === '/') return <MyWork />;
  // keyed by the location: when sign-in returns to "/" after this redirect ran, it runs again
  if (home) return <Navigate key={location.key} to={home} replace />;
  return (
    <PageSection>
      <Title headingLevel="h1">{intl.formatMessage({ id: 'shell.noScreen.title' })}</Title>
      <Content component="p">{intl.formatMessage({ id: 'shell.noScreen.body' })}</Content>
    </PageSection>
  );
}

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
                  {me.isPolicyAdmin && <Label isCompact>{t('role.policyAdmin')}</Label>}
                  {me.isAnalyst && <Label isCompact>{t('role.analyst')}</Label>}
                  {me.isAuditor && <Label isCompact>{t('role.auditor')}</Label>}
                  {me.isPlatformAdmin && <Label isCompact>{t('role.platformAdmin')}</Label>}
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
            {(me.isCaseworker || me.isSupervisor) && item('/', 'nav.myWork')}
            {me.isCaseworker && item('/applicants/new', 'nav.register')}
            {me.isSupervisor && item('/approvals', 'nav.approvals')}
            {me.isSupervisor && item('/team', 'nav.team')}
            {(me.isAnalyst || me.isSupervisor) && item('/dashboard', 'nav.dashboard')}
            {me.isPolicyAdmin && item('/packs', 'nav.packs')}
            {me.isAuditor && item('/audit', 'nav.audit')}
            {me.isPlatformAdmin && item('/tenants', 'nav.tenants')}
            {me.isPlatformAdmin && item('/platform-report', 'nav.platformReport')}
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
          <Route path="/" element={<Home />} />
          <Route path="/applicants/new" element={<RegisterApplicant />} />
          <Route path="/claims/new" element={<RecordClaim />} />
          <Route path="/claims/:id" element={<ClaimPage />} />
          {me.isSupervisor && <Route path="/approvals" element={<Approvals />} />}
          {me.isSupervisor && <Route path="/team" element={<Team />} />}
          {(me.isAnalyst || me.isSupervisor) && <Route path="/dashboard" element={<Dashboard />} />}
          {me.isPolicyAdmin && <Route path="/packs" element={<Packs />} />}
          {me.isPolicyAdmin && <Route path="/packs/:version" element={<PackPage />} />}
          {me.isAuditor && <Route path="/audit" element={<AuditTrail />} />}
          {me.isPlatformAdmin && <Route path="/tenants" element={<Tenants />} />}
          {me.isPlatformAdmin && <Route path="/tenants/:id" element={<TenantPage />} />}
          {me.isPlatformAdmin && <Route path="/platform-report" element={<PlatformReport />} />}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Page>
  );
}
