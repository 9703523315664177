import { useEffect, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import {
  ActionGroup, Button, Content, EmptyState, Form, Grid, GridItem, Label, PageSection, Spinner, Title,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, FormattedNumber, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../../app/problems';
import { TextField } from '../../app/fields';
import { PassFail, ShortId } from '../../app/bits';
import { useMe } from '../../app/MeContext';
import {
  AUDITED_SERVICES, dayEnd, dayStart, earlier, isDay, mergePages, type AuditFilter, type AuditedService, type ChainResult,
} from './audit';

const PAGE = 100;
const FIELDS = ['actor', 'action', 'resourceType', 'resourceId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

/** The tenant's audit trail across services for its auditors: who read or changed what and when; the chains verified. */
export default function AuditTrail() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>;
  const [draft, setDraft] = useState(applied);
  // the fields follow the address (back and forward, the menu, a shared link)
  const address = params.toString();
  useEffect(() => setDraft(Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `address` is the params' content
    [address]);
  const invalid: Partial<Record<Field, string>> = {};
  if (applied.resourceId && !applied.resourceType) invalid.resourceType = t('audit.filter.resourceTypeNeeded');
  if (applied.from && !isDay(applied.from)) invalid.from = t('audit.filter.notADay');
  if (applied.to && !isDay(applied.to)) invalid.to = t('audit.filter.notADay');

  const filter: AuditFilter = {
    actor: applied.actor || undefined,
    action: applied.action || undefined,
    resourceType: applied.resourceType || undefined,
    resourceId: applied.resourceType && applied.resourceId ? applied.resourceId : undefined,
    from: applied.from && isDay(applied.from) ? dayStart(applied.from) : undefined,
    before: applied.to && isDay(applied.to) ? dayEnd(applied.to) : undefined,
  };

  const trail = useInfiniteQuery({
    queryKey: ['audit', filter],
    enabled: Object.keys(invalid).length === 0,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const query = { ...filter, before: earlier(pageParam, filter.before), limit: PAGE };
      const pages = await Promise.all(
        AUDITED_SERVICES.map(async (s) => ({ service: s.service, ...(await s.entries(query)) })),
      );
      return mergePages(pages);
    },
    getNextPageParam: (last) => last.next,
  });
  const rows = trail.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (next: Record<Field, string>) => {
    setDraft(next);
    setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const narrow = (patch: Partial<Record<Field, string>>) => apply({ ...applied, ...patch });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('audit.title')}</Title>
        <Content component="p">{t('audit.intro')}</Content>
      </PageSection>
      <Verification />
      <PageSection aria-labelledby="trail-heading">
        <Title headingLevel="h2" id="trail-heading">
          {t('audit.trail')}
        </Title>
        <Form onSubmit={submit} aria-label={t('audit.filters')}>
          <Grid hasGutter md={4}>
            <GridItem>
              <TextField field="actor" label={t('audit.filter.actor')} value={draft.actor}
                onChange={(v) => setDraft({ ...draft, actor: v.trim() })}
                helper={<Content component="small">{t('audit.filter.actorHelp')}</Content>} />
            </GridItem>
            <GridItem>
              <TextField field="action" label={t('audit.filter.action')} value={draft.action}
                onChange={(v) => setDraft({ ...draft, action: v.trim() })}
                helper={<Content component="small">{t('audit.filter.actionHelp')}</Content>} />
            </GridItem>
            <GridItem>
              <TextField field="resourceType" label={t('audit.filter.resourceType')} value={draft.resourceType}
                onChange={(v) => setDraft({ ...draft, resourceType: v.trim() })} error={invalid.resourceType} />
            </GridItem>
            <GridItem>
              <TextField field="resourceId" label={t('audit.filter.resourceId')} value={draft.resourceId}
                onChange={(v) => setDraft({ ...draft, resourceId: v.trim() })} />
            </GridItem>
            <GridItem>
              <TextField field="from" type="date" label={t('audit.filter.from')} value={draft.from}
                onChange={(v) => setDraft({ ...draft, from: v })} error={invalid.from} />
            </GridItem>
            <GridItem>
              <TextField field="to" type="date" label={t('audit.filter.to')} value={draft.to}
                onChange={(v) => setDraft({ ...draft, to: v })} error={invalid.to} />
            </GridItem>
          </Grid>
          <ActionGroup>
            <Button type="submit" variant="primary">
              {t('audit.apply')}
            </Button>
            <Button variant="link" onClick={() => apply({ actor: '', action: '', resourceType: '', resourceId: '', from: '', to: '' })}>
              {t('audit.clear')}
            </Button>
          </ActionGroup>
        </Form>
        <ProblemAlert error={trail.error} />
        <Content component="p" aria-live="polite">
          {trail.isSuccess && t('audit.count', { count: rows.length })}
        </Content>
        {Object.keys(invalid).length > 0 ? null : trail.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : rows.length === 0 && trail.isSuccess ? (
          <EmptyState titleText={t('audit.empty')} headingLevel="h3" />
        ) : (
          <Table variant="compact" aria-labelledby="trail-heading">
            <Caption>{t('audit.caption')}</Caption>
            <Thead>
              <Tr>
                <Th>{t('audit.col.when')}</Th>
                <Th>{t('audit.col.service')}</Th>
                <Th>{t('audit.col.actor')}</Th>
                <Th>{t('audit.col.action')}</Th>
                <Th>{t('audit.col.subject')}</Th>
                <Th>{t('audit.col.outcome')}</Th>
                <Th>{t('audit.col.detail')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((e) => (
                <Tr key={`${e.service}-${e.chain}-${e.seq}`}>
                  <Td dataLabel={t('audit.col.when')}>
                    <FormattedDate value={e.occurredAt} dateStyle="short" timeStyle="medium" />
                  </Td>
                  <Td dataLabel={t('audit.col.service')}>{t(`audit.service.${e.service}`)}</Td>
                  <Td dataLabel={t('audit.col.actor')}>
                    <Button variant="link" isInline onClick={() => narrow({ actor: e.actor })}
                      aria-label={t('audit.onlyActor', { name: e.actor === me.sub ? t('claim.me') : e.actor })}>
                      {e.actor === me.sub ? t('claim.me') : <ShortId id={e.actor} />}
                    </Button>
                  </Td>
                  <Td dataLabel={t('audit.col.action')}>
                    <Button variant="link" isInline onClick={() => narrow({ action: e.action })}
                      aria-label={t('audit.onlyAction', { name: e.action })}>
                      <code translate="no">{e.action}</code>
                    </Button>
                  </Td>
                  <Td dataLabel={t('audit.col.subject')}>
                    <Button variant="link" isInline onClick={() => narrow({ resourceType: e.resourceType, resourceId: e.resourceId })}
                      aria-label={t('audit.onlySubject', { name: `${e.resourceType} ${e.resourceId}` })}>
                      <span translate="no">{e.resourceType}</span>{' '}
                      {/^[0-9a-f-]{36}$/.test(e.resourceId) ? <ShortId id={e.resourceId} /> : <code translate="no">{e.resourceId}</code>}
                    </Button>
                  </Td>
                  <Td dataLabel={t('audit.col.outcome')}>
                    {e.outcome === 'SUCCESS' ? t('audit.outcome.SUCCESS') : <Label color="orange" isCompact>{t(`audit.outcome.${e.outcome === 'DENIED' || e.outcome === 'NOT_FOUND' ? e.outcome : 'other'}`)}</Label>}
                  </Td>
                  <Td dataLabel={t('audit.col.detail')}>
                    {e.specialDecrypted && <Label color="purple" isCompact>{t('audit.specialDecrypted')}</Label>}{' '}
                    {e.reason && <span>{t('audit.reason', { reason: e.reason })}</span>}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {trail.hasNextPage && (
          <Button variant="secondary" onClick={() => void trail.fetchNextPage()} isLoading={trail.isFetchingNextPage}
            isDisabled={trail.isFetchingNextPage}>
            {t('audit.more')}
          </Button>
        )}
      </PageSection>
    </>
  );
}

/** "Verify the chains": per service, intact (with the entries checked) or where it breaks. */
function Verification() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const verify = useMutation({
    mutationFn: async () => {
      const settled = await Promise.allSettled(AUDITED_SERVICES.map((s) => s.verify()));
      return AUDITED_SERVICES.map((s, i) => ({ service: s.service as AuditedService, outcome: settled[i] }));
    },
  });
  return (
    <PageSection aria-labelledby="verify-heading">
      <Title headingLevel="h2" id="verify-heading">
        {t('audit.verify.title')}
      </Title>
      <Content component="p">{t('audit.verify.intro')}</Content>
      <Button variant="secondary" onClick={() => verify.mutate()} isLoading={verify.isPending} isDisabled={verify.isPending}>
        {t('audit.verify.run')}
      </Button>
      <div aria-live="polite">
        {verify.isPending && <Content component="p">{t('audit.verify.running')}</Content>}
        {verify.data && (
          <Content component="p">
            {t('audit.verify.summary', { intact: verify.data.filter((r) => r.outcome.status === 'fulfilled' && r.outcome.value.intact).length,
              count: verify.data.length })}
          </Content>
        )}
      </div>
      {verify.data && (
        <Table variant="compact" aria-labelledby="verify-heading">
          <Caption>{t('audit.verify.caption')}</Caption>
          <Thead>
            <Tr>
              <Th>{t('audit.col.service')}</Th>
              <Th>{t('audit.verify.col.result')}</Th>
              <Th>{t('audit.verify.col.checked')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {verify.data.map(({ service, outcome }) => (
              <Tr key={service}>
                <Th scope="row">{t(`audit.service.${service}`)}</Th>
                <Td dataLabel={t('audit.verify.col.result')}>
                  {outcome.status === 'rejected' ? (
                    <ProblemAlert error={outcome.reason} />
                  ) : (
                    <ChainOutcome result={outcome.value} />
                  )}
                </Td>
                <Td dataLabel={t('audit.verify.col.checked')}>
                  {outcome.status === 'fulfilled' && <FormattedNumber value={outcome.value.entriesChecked} />}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </PageSection>
  );
}

function ChainOutcome({ result }: { result: ChainResult }) {
  const intl = useIntl();
  return (
    <PassFail passed={result.intact}>
      {result.intact
        ? intl.formatMessage({ id: 'audit.verify.intact' })
        : intl.formatMessage({ id: 'audit.verify.broken' },
          { chain: result.brokenChain ?? '?', seq: result.firstBrokenSeq ?? '?', reason: result.reason ?? '' })}
    </PassFail>
  );
}
