import { lazy, Suspense } from 'react';
import { ChartBoundary } from '../../app/reports/ReportView';
import { Content, EmptyState, Grid, GridItem, PageSection, Spinner, Title } from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedNumber, useIntl } from 'react-intl';
import { ProblemAlert } from '../../app/problems';
import { useWorkload } from '../../app/applicants';
import { useMe } from '../../app/MeContext';
import { ShortId } from '../../app/bits';
import type { components } from '../../api/generated/intake';

type Workload = components['schemas']['Workload'];

// ECharts is loaded only when this chart is shown (the initial JS budget)
const WorkloadChart = lazy(() => import('./WorkloadChart'));

export interface WorkloadRow {
  key: string;
  label: string;
  open: number;
  overdue: number;
  onTime: number;
}

/** Rows for the chart and its table: the unassigned first, then by open claims, most first. */
export function workloadRows(data: Workload[], labelOf: (sub: string | null | undefined) => string): WorkloadRow[] {
  return [...data]
    .sort((a, b) => (!a.caseworker ? -1 : !b.caseworker ? 1 : b.open - a.open || a.caseworker.localeCompare(b.caseworker)))
    .map((w) => ({
      key: w.caseworker ?? '',
      label: labelOf(w.caseworker),
      open: w.open,
      overdue: w.overdue,
      onTime: Math.max(0, w.open - w.overdue),
    }));
}

export default function Team() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const me = useMe();
  const workload = useWorkload();
  // a caseworker's sub shown as elsewhere (its first 8 characters, the whole id as the title)
  const labelOf = (sub: string | null | undefined) => (!sub ? t('claim.unassigned') : sub === me.sub ? t('claim.me') : sub.slice(0, 8));
  const rows = workload.data ? workloadRows(workload.data, labelOf) : [];
  const total = rows.reduce((s, r) => ({ open: s.open + r.open, overdue: s.overdue + r.overdue }), { open: 0, overdue: 0 });
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('team.title')}</Title>
        <Content component="p">{t('team.intro')}</Content>
      </PageSection>
      <PageSection aria-labelledby="team-heading">
        <Title headingLevel="h2" id="team-heading">
          {t('team.workload')}
        </Title>
        <ProblemAlert error={workload.error} />
        {workload.isPending && <Spinner aria-label={t('common.loading')} />}
        {workload.isSuccess && rows.length === 0 && <EmptyState titleText={t('team.empty')} headingLevel="h3" />}
        {rows.length > 0 && (
          <Grid hasGutter lg={6}>
            <GridItem>
              <Table variant="compact" aria-labelledby="team-heading">
                <Caption>{t('team.caption')}</Caption>
                <Thead>
                  <Tr>
                    <Th modifier="wrap">{t('team.col.caseworker')}</Th>
                    <Th modifier="wrap">{t('team.col.open')}</Th>
                    <Th modifier="wrap">{t('team.col.onTime')}</Th>
                    <Th modifier="wrap">{t('team.col.overdue')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {rows.map((r) => (
                    <Tr key={r.key}>
                      <Td dataLabel={t('team.col.caseworker')}>
                        {r.key && r.key !== me.sub ? <ShortId id={r.key} /> : r.label}
                      </Td>
                      <Td dataLabel={t('team.col.open')}>
                        <FormattedNumber value={r.open} />
                      </Td>
                      <Td dataLabel={t('team.col.onTime')}>
                        <FormattedNumber value={r.onTime} />
                      </Td>
                      <Td dataLabel={t('team.col.overdue')}>
                        <FormattedNumber value={r.overdue} />
                      </Td>
                    </Tr>
                  ))}
                  <Tr>
                    <Th scope="row">{t('team.total')}</Th>
                    <Td dataLabel={t('team.col.open')}>
                      <FormattedNumber value={total.open} />
                    </Td>
                    <Td dataLabel={t('team.col.onTime')}>
                      <FormattedNumber value={total.open - total.overdue} />
                    </Td>
                    <Td dataLabel={t('team.col.overdue')}>
                      <FormattedNumber value={total.overdue} />
                    </Td>
                  </Tr>
                </Tbody>
              </Table>
            </GridItem>
            <GridItem>
              <ChartBoundary>
                <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
                  <WorkloadChart
                    rows={rows}
                    title={t('team.chart')}
                    onTimeLabel={t('team.col.onTime')}
                    overdueLabel={t('team.col.overdue')}
                    description={t('team.chartDescription', { count: rows.length })}
                  />
                </Suspense>
              </ChartBoundary>
            </GridItem>
          </Grid>
        )}
      </PageSection>
    </>
  );
}
