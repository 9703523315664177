import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Button, Content, DataList, DataListCell, DataListItem, DataListItemCells, DataListItemRow, EmptyState,
  EmptyStateBody, Form, FormGroup, FormSelect, FormSelectOption, Label, PageSection, SearchInput, Spinner, TextInput, Title,
  Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { intake } from '../api/client';
import type { components } from '../api/generated/intake';
import { call, ProblemAlert } from '../app/problems';
import { ENUMS, useEnumLabel } from '../app/enums';
import { useMe } from '../app/MeContext';
import { Assignee, DaysLeft, IsoDate, PersonNameView, ShortId } from '../app/bits';
import { useApplicantsByIds } from '../app/applicants';

type ClaimStatus = components['schemas']['ClaimStatus'];
type ClaimOrder = components['schemas']['ClaimOrder'];
const ORDERS: ClaimOrder[] = ['DEADLINE', 'NEWEST', 'CREATED'];
const PAGE = 50;

export default function MyWork() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as ClaimStatus | '';
  const applicantId = params.get('applicantId') ?? '';
  // a caseworker's "my work": his claims and the unassigned ones; a supervisor starts from every claim
  const assignee = params.get('assignee') ?? (me.isCaseworker ? 'me-or-unassigned' : '');
  const deadlineBefore = params.get('deadlineBefore') ?? '';
  // nearest deadline first: what is overdue or due soon leads
  const sort = (params.get('sort') ?? 'DEADLINE') as ClaimOrder;

  const claims = useInfiniteQuery({
    queryKey: ['claims', { status, applicantId, assignee, deadlineBefore, sort }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        intake.GET('/api/v1/claims', {
          params: {
            query: {
              limit: PAGE,
              cursor: pageParam ?? undefined,
              status: status || undefined,
              applicantId: applicantId || undefined,
              assignee: assignee && assignee !== 'all' ? assignee : undefined,
              deadlineBefore: deadlineBefore || undefined,
              sort,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = claims.data?.pages.flatMap((p) => p.items) ?? [];
  // one read of the applicants per page of claims: names and nationalities, never special-category data
  const applicants = useApplicantsByIds(claims.data?.pages.map((p) => p.items.map((c) => c.applicantId)) ?? []);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('myWork.title')}</Title>
        <Content component="p" aria-live="polite">
          {claims.isSuccess && t('myWork.count', { count: rows.length })}
        </Content>
      </PageSection>
      <PageSection>
        <ApplicantSearch onPick={(id) => setParam('applicantId', id)} />
      </PageSection>
      <PageSection aria-labelledby="claims-heading">
        <Title headingLevel="h2" id="claims-heading">
          {t('myWork.claims')}
        </Title>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Form onSubmit={(e) => e.preventDefault()}>
                <FormGroup label={t('myWork.filterStatus')} fieldId="status-filter">
                  <FormSelect id="status-filter" value={status} onChange={(_e, v) => setParam('status', v)}>
                    <FormSelectOption value="" label={t('myWork.allStatuses')} />
                    {ENUMS.claimStatus.map((s) => (
                      <FormSelectOption key={s} value={s} label={label('claimStatus', s)} />
                    ))}
                  </FormSelect>
                </FormGroup>
              </Form>
            </ToolbarItem>
            <ToolbarItem>
              <Form onSubmit={(e) => e.preventDefault()}>
                <FormGroup label={t('myWork.filterAssignee')} fieldId="assignee-filter">
                  <FormSelect id="assignee-filter" value={assignee || 'all'} onChange={(_e, v) => setParam('assignee', v)}>
                    <FormSelectOption value="me-or-unassigned" label={t('myWork.assignee.meOrUnassigned')} />
                    <FormSelectOption value="me" label={t('myWork.assignee.me')} />
                    <FormSelectOption value="unassigned" label={t('myWork.assignee.unassigned')} />
                    <FormSelectOption value="all" label={t('myWork.assignee.all')} />
                  </FormSelect>
                </FormGroup>
              </Form>
            </ToolbarItem>
            <ToolbarItem>
              <Form onSubmit={(e) => e.preventDefault()}>
                <FormGroup label={t('myWork.deadlineBefore')} fieldId="deadline-filter">
                  <TextInput id="deadline-filter" type="date" value={deadlineBefore} onChange={(_e, v) => setParam('deadlineBefore', v)} />
                </FormGroup>
              </Form>
            </ToolbarItem>
            <ToolbarItem>
              <Form onSubmit={(e) => e.preventDefault()}>
                <FormGroup label={t('myWork.sort')} fieldId="sort-order">
                  <FormSelect id="sort-order" value={sort} onChange={(_e, v) => setParam('sort', v)}>
                    {ORDERS.map((o) => (
                      <FormSelectOption key={o} value={o} label={t(`myWork.sort.${o}`)} />
                    ))}
                  </FormSelect>
                </FormGroup>
              </Form>
            </ToolbarItem>
            {applicantId && (
              <ToolbarItem alignSelf="end">
                <Label onClose={() => setParam('applicantId', '')} closeBtnAriaLabel={t('myWork.clearApplicant')}>
                  {t('myWork.applicantFilter')} <ShortId id={applicantId} />
                </Label>
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        <ProblemAlert error={claims.error ?? applicants.error} />
        {claims.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : rows.length === 0 && claims.isSuccess ? (
          <EmptyState titleText={t('myWork.empty')} headingLevel="h3">
            <EmptyStateBody>{t('myWork.emptyBody')}</EmptyStateBody>
          </EmptyState>
        ) : (
          <Table variant="compact" aria-label={t('myWork.claims')}>
            <Caption>{t('myWork.caption')}</Caption>
            <Thead>
              <Tr>
                <Th>{t('col.claim')}</Th>
                <Th>{t('col.name')}</Th>
                <Th>{t('col.nationality')}</Th>
                <Th>{t('col.applicant')}</Th>
                <Th>{t('col.status')}</Th>
                <Th>{t('col.lodgedOn')}</Th>
                <Th>{t('col.deadline')}</Th>
                <Th>{t('col.assigned')}</Th>
                <Th>{t('col.militaryStatus')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((c) => {
                const a = applicants.byId.get(c.applicantId);
                return (
                <Tr key={c.id}>
                  <Td dataLabel={t('col.claim')}>
                    <Link to={`/claims/${c.id}`} aria-label={t('myWork.openClaim', { id: c.id.slice(0, 8) })}>
                      <ShortId id={c.id} />
                    </Link>
                  </Td>
                  <Td dataLabel={t('col.name')}>
                    {a ? (
                      <Link to={`/claims/${c.id}`}>
                        <PersonNameView name={a.name} latin={a.latinName} />
                      </Link>
                    ) : applicants.pending ? (
                      <Spinner size="sm" aria-label={t('common.loading')} />
                    ) : (
                      t('common.none')
                    )}
                  </Td>
                  <Td dataLabel={t('col.nationality')}>{a?.nationalities[0]?.country ?? t('common.none')}</Td>
                  <Td dataLabel={t('col.applicant')}>
                    <ShortId id={c.applicantId} />
                  </Td>
                  <Td dataLabel={t('col.status')}>{label('claimStatus', c.status)}</Td>
                  <Td dataLabel={t('col.lodgedOn')}>
                    <IsoDate value={c.lodgedOn} />
                  </Td>
                  <Td dataLabel={t('col.deadline')}>
                    <DaysLeft deadline={c.firstInstanceDeadline} />
                  </Td>
                  <Td dataLabel={t('col.assigned')}>
                    <Assignee sub={c.assignedCaseworker} />
                  </Td>
                  <Td dataLabel={t('col.militaryStatus')}>{label('militaryStatus', c.military.status)}</Td>
                </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
        {claims.hasNextPage && (
          <Button variant="secondary" onClick={() => void claims.fetchNextPage()} isLoading={claims.isFetchingNextPage}>
            {t('myWork.loadMore')}
          </Button>
        )}
      </PageSection>
    </>
  );
}

/** Search by name in any script (the server matches across scripts and spellings). */
function ApplicantSearch({ onPick }: { onPick: (applicantId: string) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const found = useQuery({
    queryKey: ['applicants', name],
    enabled: name.length > 0,
    queryFn: () => call(intake.GET('/api/v1/applicants', { params: { query: { name, limit: 20 } } })),
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setName(text.trim());
  };
  return (
    <section aria-labelledby="search-heading">
      <Title headingLevel="h2" id="search-heading">
        {t('search.title')}
      </Title>
      <Form onSubmit={submit} role="search" aria-labelledby="search-heading">
        <FormGroup label={t('search.label')} fieldId="applicant-search">
          <SearchInput
            id="applicant-search"
            aria-label={t('search.label')}
            value={text}
            onChange={(_e, v) => setText(v)}
            onSearch={() => submit()}
            onClear={() => {
              setText('');
              setName('');
            }}
            submitSearchButtonLabel={t('search.submit')}
            resetButtonLabel={t('search.clear')}
          />
        </FormGroup>
      </Form>
      <ProblemAlert error={found.error} />
      {found.isSuccess && (
        <div aria-live="polite">
          {found.data.items.length === 0 ? (
            <Content component="p">{t('search.none')}</Content>
          ) : (
            <DataList aria-label={t('search.results')} isCompact>
              {found.data.items.map((a) => (
                <DataListItem key={a.id} aria-labelledby={`applicant-${a.id}`}>
                  <DataListItemRow>
                    <DataListItemCells
                      dataListCells={[
                        <DataListCell key="name" id={`applicant-${a.id}`}>
                          <PersonNameView name={a.name} latin={a.latinName} />
                        </DataListCell>,
                        <DataListCell key="birth">
                          {t('applicant.birthDate')}: <IsoDate value={a.birthDate} />
                        </DataListCell>,
                        <DataListCell key="nat">{a.nationalities.map((n) => n.country).join(', ')}</DataListCell>,
                        <DataListCell key="act">
                          <Button variant="link" isInline onClick={() => onPick(a.id)}>
                            {t('search.showClaims')}
                          </Button>{' '}
                          <Link to={`/claims/new?applicantId=${a.id}`}>{t('search.newClaim')}</Link>
                        </DataListCell>,
                      ]}
                    />
                  </DataListItemRow>
                </DataListItem>
              ))}
            </DataList>
          )}
        </div>
      )}
    </section>
  );
}
