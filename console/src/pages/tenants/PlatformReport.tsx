import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionGroup, Button, Content, Flex, Form, PageSection, Spinner, Title } from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { reporting } from '../../api/client';
import { call, ProblemAlert } from '../../app/problems';
import { TextField } from '../../app/fields';
import { chartValue, CsvDownload, json, ReportTable, TableAndChart } from '../../app/reports/ReportView';

/** Counts across tenants, no case data: first-instance decisions of a year by tenant and Eurostat category. */
export default function PlatformReport() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const [draft, setDraft] = useState(String(year));
  const report = useQuery({
    queryKey: ['report', 'platform', year],
    queryFn: () => json(call(reporting.GET('/api/v1/reports/platform', { params: { query: { year } } }))),
  });
  const name = (v: string) => (/^[A-Z_]+$/.test(v) ? t(`eurostat.${v}`) : v);
  const title = t('platformReport.table', { year });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams({ year: draft }));
  };
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('platformReport.title')}</Title>
        <Content component="p">{t('platformReport.intro')}</Content>
        <Form onSubmit={submit} aria-label={t('platformReport.year')}>
          <Flex alignItems={{ default: 'alignItemsFlexEnd' }}>
            <TextField field="year" label={t('platformReport.year')} value={draft} onChange={setDraft} />
            <ActionGroup>
              <Button type="submit" variant="primary">{t('dashboard.show')}</Button>
            </ActionGroup>
          </Flex>
        </Form>
      </PageSection>
      <PageSection aria-labelledby="platform-heading">
        <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
          <Title headingLevel="h2" id="platform-heading">
            {title}
          </Title>
          {report.data && <CsvDownload path={`/api/v1/reports/platform?year=${year}`} filename={`platform-${year}.csv`} label={title} />}
        </Flex>
        <ProblemAlert error={report.error} />
        {report.isPending && <Spinner aria-label={t('common.loading')} />}
        {report.data && (
          <TableAndChart
          label={title}
            table={<ReportTable report={report.data} caption={title} rowHeader={t('platformReport.tenant')} label={name} headingId="platform-heading" />}
            chart={report.data.rows.length > 0 ? {
              kind: 'stacked', horizontal: true, title,
              description: t('dashboard.chartDescription', { name: title, count: report.data.rows.length }),
              categories: report.data.rows,
              series: report.data.columns.map((c, j) => ({ name: name(c), data: report.data.cells.map((row) => chartValue(row[j])) })),
            } : undefined}
          />
        )}
      </PageSection>
    </>
  );
}
