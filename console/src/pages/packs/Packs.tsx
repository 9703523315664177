import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Content, Label, PageSection, Spinner, Title } from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { tenants } from '../../api/client';
import { call, ProblemAlert } from '../../app/problems';
import { IsoDate } from '../../app/bits';
import { useMe } from '../../app/MeContext';
import { inForce, todayUtc, usePacks } from './packs';

/** A token that names no single organisation has no packs to show (a platform administrator's, say). */
export function NoTenant() {
  const intl = useIntl();
  return (
    <PageSection>
      <Title headingLevel="h1">{intl.formatMessage({ id: 'packs.title' })}</Title>
      <Alert variant="warning" isInline title={intl.formatMessage({ id: 'packs.noTenant' })} />
    </PageSection>
  );
}

/** The tenant's policy packs: every version, its status and effective date, and which one is in force today. */
export default function Packs() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const packs = usePacks(me.tenant);
  const current = packs.data ? inForce(packs.data, todayUtc()) : undefined;
  const copy = useMutation({
    mutationFn: async (version: number) => {
      const path = { tenantId: me.tenant!, version };
      const source = await call(tenants.GET('/api/v1/tenants/{tenantId}/policy-packs/{version}', { params: { path } }));
      // the pack document as the body (the operation reads the document itself)
      return call(tenants.POST('/api/v1/tenants/{tenantId}/policy-packs', {
        params: { path: { tenantId: me.tenant! } }, body: source.document ?? {},
      }));
    },
    onSuccess: (draft) => {
      void queries.invalidateQueries({ queryKey: ['packs', me.tenant] });
      navigate(`/packs/${draft.version}`);
    },
  });
  const rows = [...(packs.data ?? [])].sort((a, b) => b.version - a.version);
  if (!me.tenant) return <NoTenant />;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('packs.title')}</Title>
        <Content component="p">{t('packs.intro')}</Content>
        <Content component="p" aria-live="polite">
          {packs.isSuccess && (current
            ? t('packs.inForce', { version: current.version, date: intl.formatDate(`${current.effectiveFrom}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) })
            : t('packs.noneInForce'))}
        </Content>
      </PageSection>
      <PageSection aria-labelledby="packs-heading">
        <Title headingLevel="h2" id="packs-heading">
          {t('packs.versions')}
        </Title>
        <ProblemAlert error={packs.error ?? copy.error} />
        {packs.isPending && <Spinner aria-label={t('common.loading')} />}
        {packs.data && (
          <Table variant="compact" aria-labelledby="packs-heading">
            <Caption>{t('packs.caption')}</Caption>
            <Thead>
              <Tr>
                <Th>{t('packs.col.version')}</Th>
                <Th>{t('packs.col.status')}</Th>
                <Th>{t('packs.col.effectiveFrom')}</Th>
                <Th>{t('packs.col.created')}</Th>
                <Th>{t('packs.col.published')}</Th>
                <Th screenReaderText={t('packs.col.actions')} />
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((pack) => (
                <Tr key={pack.version}>
                  <Td dataLabel={t('packs.col.version')}>
                    <Link to={`/packs/${pack.version}`}>{t('packs.version', { version: pack.version })}</Link>
                  </Td>
                  <Td dataLabel={t('packs.col.status')}>
                    {t(`packs.status.${pack.status}`)}{' '}
                    {current?.version === pack.version && <Label color="green" isCompact>{t('packs.inForceLabel')}</Label>}
                  </Td>
                  <Td dataLabel={t('packs.col.effectiveFrom')}>
                    <IsoDate value={pack.effectiveFrom} />
                  </Td>
                  <Td dataLabel={t('packs.col.created')}>
                    <FormattedDate value={pack.createdAt} dateStyle="medium" />
                  </Td>
                  <Td dataLabel={t('packs.col.published')}>
                    {pack.publishedAt ? <FormattedDate value={pack.publishedAt} dateStyle="medium" /> : t('common.none')}
                  </Td>
                  <Td dataLabel={t('packs.col.actions')}>
                    <Button variant="link" isInline onClick={() => copy.mutate(pack.version)} isDisabled={copy.isPending}
                      aria-label={t('packs.newDraftFrom', { version: pack.version })}>
                      {t('packs.newDraft')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
}
