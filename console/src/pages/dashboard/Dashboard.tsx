import { useEffect, useState, type FormEvent } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ActionGroup, Alert, Button, Content, Flex, Form, PageSection, Spinner, Title } from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedNumber, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { reporting } from '../../api/client';
import { call, ProblemAlert } from '../../app/problems';
import { TextField } from '../../app/fields';
import { useEnumLabel } from '../../app/enums';
import {
  chartValue, CsvDownload, json, LocalCsvDownload, ReportTable, TableAndChart, type Report,
} from '../../app/reports/ReportView';
import type { ChartSpec } from '../../app/reports/ReportChart';

/** "2026-03" → its first and last day; months in between, in order. */
export function monthRange(fromMonth: string, toMonth: string): { from: string; to: string; months: string[] } {
  const [fy, fm] = fromMonth.split('-').map(Number);
  const [ty, tm] = toMonth.split('-').map(Number);
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const months: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((m = 1), y++) : m++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return { from: `${fromMonth}-01`, to: `${toMonth}-${String(last).padStart(2, '0')}`, months };
}

/** The last twelve whole months up to and including this one. */
export function defaultPeriod(today = new Date()): { from: string; to: string } {
  const to = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  const start = new Date(today.getFullYear(), today.getMonth() - 11, 1);
  return { from: `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}`, to };
}

const monthly = { period: 'month' as const };
/** Months in one dashboard at most (one processing-time request each). */
export const MAX_MONTHS = 60;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A period the dashboard can show: two real months, in order, at most MAX_MONTHS apart. */
export function validPeriod(from: string, to: string): boolean {
  if (!MONTH.test(from) || !MONTH.test(to) || from > to) return false;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) < MAX_MONTHS;
}

/** The analyst's dashboard for a chosen period: every chart has its table beside it, and each table its CSV. */
export default function Dashboard() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const fromMonth = params.get('from') ?? fallback.from;
  const toMonth = params.get('to') ?? fallback.to;
  const [draft, setDraft] = useState({ from: fromMonth, to: toMonth });
  // the fields follow the address (back and forward, a shared link)
  useEffect(() => setDraft({ from: fromMonth, to: toMonth }), [fromMonth, toMonth]);
  const valid = validPeriod(fromMonth, toMonth);
  const range = valid ? monthRange(fromMonth, toMonth) : monthRange(fallback.from, fallback.to);
  const span = { from: range.from, to: range.to };

  const claims = useQuery({
    queryKey: ['report', 'claims', span],
    queryFn: () => json(call(reporting.GET('/api/v1/reports/claims', { params: { query: { ...span, ...monthly, by: 'status' } } }))),
  });
  const decisions = useQuery({
    queryKey: ['report', 'decisions', span],
    queryFn: () => json(call(reporting.GET('/api/v1/reports/decisions', { params: { query: { ...span, ...monthly, stage: 'FIRST_INSTANCE' } } }))),
  });
  const backlog = useQuery({ queryKey: ['report', 'backlog'], queryFn: () => json(call(reporting.GET('/api/v1/reports/backlog'))) });
  const rules = useQuery({
    queryKey: ['report', 'rules', span],
    queryFn: () => json(call(reporting.GET('/api/v1/reports/rules', { params: { query: span } }))),
  });
  const evidence = useQuery({
    queryKey: ['report', 'documents', span],
    queryFn: () => json(call(reporting.GET('/api/v1/reports/documents', { params: { query: { ...span, ...monthly } } }))),
  });
  const times = useQueries({
    queries: range.months.map((month) => {
      const one = monthRange(month, month);
      return {
        queryKey: ['report', 'processing-time', month],
        queryFn: () => call(reporting.GET('/api/v1/reports/processing-time', { params: { query: { from: one.from, to: one.to } } })),
      };
    }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams({ from: draft.from, to: draft.to }));
  };
  const csv = (report: string, query: string) => `/api/v1/reports/${report}?${query}`;
  const q = `from=${range.from}&to=${range.to}&period=month`;
  const label = useEnumLabel();
  const month = useMonth();
  const day = (iso: string) => intl.formatDate(`${iso}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
  const pending = [claims, decisions, backlog, rules, evidence, ...times].filter((r) => r.isPending).length;

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('dashboard.title')}</Title>
        <Content component="p">{t('dashboard.intro')}</Content>
        <Form onSubmit={submit} aria-label={t('dashboard.period')}>
          <Flex alignItems={{ default: 'alignItemsFlexEnd' }}>
            <TextField field="from-month" type={'month' as 'text'} label={t('dashboard.fromMonth')} value={draft.from}
              onChange={(v) => setDraft({ ...draft, from: v })} />
            <TextField field="to-month" type={'month' as 'text'} label={t('dashboard.toMonth')} value={draft.to}
              onChange={(v) => setDraft({ ...draft, to: v })} />
            <ActionGroup>
              <Button type="submit" variant="primary">{t('dashboard.show')}</Button>
            </ActionGroup>
          </Flex>
        </Form>
        {!valid && <Alert variant="warning" isInline title={t('dashboard.invalidPeriod', { max: MAX_MONTHS })} />}
        <Content component="p" aria-live="polite">
          {pending > 0 ? t('dashboard.loading', { count: pending }) : t('dashboard.ready', { from: day(range.from), to: day(range.to) })}
        </Content>
      </PageSection>
      <ReportSection id="lodged" report={claims.data} error={claims.error} csvPath={csv('claims', `${q}&by=status`)}
        filename="claims-lodged.csv" rowHeader={t('dashboard.month')} kind="stacked"
        name={(v) => (/^\d{4}-\d{2}$/.test(v) ? month(v) : label('claimStatus', v))} />
      <ReportSection id="decisions" report={decisions.data} error={decisions.error} csvPath={csv('decisions', `${q}&stage=FIRST_INSTANCE`)}
        filename="first-instance-decisions.csv" rowHeader={t('dashboard.month')} kind="stacked"
        name={(v) => (/^\d{4}-\d{2}$/.test(v) ? month(v) : t(`eurostat.${v}`))} />
      <RecognitionRate report={decisions.data} error={decisions.error} />
      <ProcessingTime months={range.months} results={times.map((r) => r.data)} error={times.find((r) => r.error)?.error} />
      <Backlog report={backlog.data} error={backlog.error} />
      <ReportSection id="rules" report={rules.data} error={rules.error} csvPath={csv('rules', `from=${range.from}&to=${range.to}`)}
        filename="rules-met.csv" rowHeader={t('dashboard.rule')} kind="list"
        name={(v) => (v === 'positive decisions' ? t('dashboard.positiveDecisions') : v)} />
      <ReportSection id="evidence" report={evidence.data} error={evidence.error} csvPath={csv('documents', q)}
        filename="evidence-by-category.csv" rowHeader={t('dashboard.month')} kind="stacked"
        name={(v) => (/^\d{4}-\d{2}$/.test(v) ? month(v) : label('category', v))} />
    </>
  );
}

function Section({ id, title, intro, error, pending, download, children }: {
  id: string; title: string; intro?: string; error?: unknown; pending: boolean; download?: React.ReactNode; children?: React.ReactNode;
}) {
  const intl = useIntl();
  return (
    <PageSection aria-labelledby={id}>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <Title headingLevel="h2" id={id}>
          {title}
        </Title>
        {download}
      </Flex>
      {intro && <Content component="p">{intro}</Content>}
      <ProblemAlert error={error} />
      {pending && !error ? <Spinner aria-label={intl.formatMessage({ id: 'common.loading' })} /> : children}
    </PageSection>
  );
}

/** Series of a report as a chart: one per column, over its rows. */
function byColumn(report: Report, label: (v: string) => string): Pick<ChartSpec, 'categories' | 'series'> {
  return {
    categories: report.rows.map(label),
    series: report.columns.map((c, j) => ({ name: label(c), data: report.cells.map((row) => chartValue(row[j])) })),
  };
}

type Props = { report?: Report; error?: unknown; csvPath?: string };

function useT() {
  const intl = useIntl();
  return (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
}

/** "2026-03" as the reader writes a month ("März 2026"); anything else as it is. */
function useMonth() {
  const intl = useIntl();
  return (v: string) => (/^\d{4}-\d{2}$/.test(v) ? intl.formatDate(`${v}-01T00:00:00Z`, { year: 'numeric', month: 'short', timeZone: 'UTC' }) : v);
}

/**
 * One protected report as a section: its table, its chart over the table's rows (one series per column: stacked
 * months, or bars for a list such as the rules), its CSV as the server writes it.
 */
function ReportSection({ id, report, error, csvPath, filename, rowHeader, name, kind }: Props & {
  id: 'lodged' | 'decisions' | 'rules' | 'evidence'; filename: string; rowHeader: string; name: (v: string) => string;
  kind: 'stacked' | 'list';
}) {
  const t = useT();
  const title = t(`dashboard.${id}`);
  return (
    <Section id={id} title={title} intro={t(`dashboard.${id}Intro`)} error={error} pending={!report}
      download={report && csvPath && <CsvDownload path={csvPath} filename={filename} label={title} />}>
      {report && (
        <TableAndChart
          label={title}
          table={<ReportTable report={report} caption={title} rowHeader={rowHeader} label={name} headingId={id} />}
          chart={report.rows.length > 0 ? {
            kind: kind === 'list' ? 'bar' : 'stacked', horizontal: kind === 'list', title,
            description: t('dashboard.chartDescription', { name: title, count: report.rows.length }), ...byColumn(report, name),
          } : undefined}
        />
      )}
    </Section>
  );
}

function RecognitionRate({ report, error }: Props) {
  const t = useT();
  const intl = useIntl();
  const title = t('dashboard.rate');
  const month = useMonth();
  const rates = report ? report.rows.map((row, i) => ({ row, rate: report.rates?.[i] ?? null })) : [];
  return (
    <Section id="rate" title={title} intro={t('dashboard.rateIntro')} error={error} pending={!report}
      download={report && rates.length > 0 && (
        <LocalCsvDownload rows={[['month', 'recognition rate'], ...rates.map((r) => [r.row, r.rate])]} filename="recognition-rate.csv" label={title} />
      )}>
      {report && rates.length === 0 && <Content component="p">{t('report.empty')}</Content>}
      {rates.length > 0 && (
        <TableAndChart
          label={title}
          table={
            <Table variant="compact" aria-labelledby="rate">
              <Caption>{title}</Caption>
              <Thead>
                <Tr>
                  <Th>{t('dashboard.month')}</Th>
                  <Th>{t('dashboard.rateColumn')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {rates.map(({ row, rate }) => (
                  <Tr key={row}>
                    <Th scope="row">{month(row)}</Th>
                    <Td dataLabel={t('dashboard.rateColumn')}>
                      {rate == null ? (
                        <abbr title={t('report.suppressedLong')}>{t('report.suppressed')}</abbr>
                      ) : (
                        intl.formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 })
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          }
          chart={{
            kind: 'line', percent: true, title, description: t('dashboard.chartDescription', { name: title, count: rates.length }),
            categories: rates.map((r) => month(r.row)), series: [{ name: t('dashboard.rateColumn'), data: rates.map((r) => r.rate) }],
          }}
        />
      )}
    </Section>
  );
}

type Time = { suppressed: boolean; decisions?: number | null; medianDays?: number | null; p90Days?: number | null };

function ProcessingTime({ months, results, error }: { months: string[]; results: (Time | undefined)[]; error?: unknown }) {
  const t = useT();
  const title = t('dashboard.time');
  const month = useMonth();
  const ready = results.every(Boolean);
  const days = (v: number | null | undefined, suppressed: boolean) =>
    suppressed || v == null ? <abbr title={t('report.suppressedLong')}>{t('report.suppressed')}</abbr> : <FormattedNumber value={v} maximumFractionDigits={1} />;
  return (
    <Section id="time" title={title} intro={t('dashboard.timeIntro')} error={error} pending={!ready}
      download={ready && (
        <LocalCsvDownload filename="processing-time.csv" label={title}
          rows={[['month', 'decisions', 'median days', 'p90 days'],
            ...months.map((m, i) => { const r = results[i]!; return [m, r.suppressed ? null : r.decisions ?? null, r.suppressed ? null : r.medianDays ?? null, r.suppressed ? null : r.p90Days ?? null]; })]} />
      )}>
      {ready && (
        <TableAndChart
          label={title}
          table={
            <Table variant="compact" aria-labelledby="time">
              <Caption>{title}</Caption>
              <Thead>
                <Tr>
                  <Th>{t('dashboard.month')}</Th>
                  <Th>{t('dashboard.timeDecisions')}</Th>
                  <Th>{t('dashboard.median')}</Th>
                  <Th>{t('dashboard.p90')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {months.map((m, i) => {
                  const r = results[i]!;
                  return (
                    <Tr key={m}>
                      <Th scope="row">{month(m)}</Th>
                      <Td dataLabel={t('dashboard.timeDecisions')}>{days(r.decisions, r.suppressed)}</Td>
                      <Td dataLabel={t('dashboard.median')}>{days(r.medianDays, r.suppressed)}</Td>
                      <Td dataLabel={t('dashboard.p90')}>{days(r.p90Days, r.suppressed)}</Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          }
          chart={{
            kind: 'line', title, description: t('dashboard.chartDescription', { name: title, count: months.length }), categories: months.map(month),
            series: [
              { name: t('dashboard.median'), data: results.map((r) => (r!.suppressed ? null : r!.medianDays ?? null)) },
              { name: t('dashboard.p90'), data: results.map((r) => (r!.suppressed ? null : r!.p90Days ?? null)) },
            ],
          }}
        />
      )}
    </Section>
  );
}

function Backlog({ report, error }: Props) {
  const t = useT();
  const title = t('dashboard.backlog');
  const name = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? t('dashboard.today') : t(`backlog.${v}`));
  return (
    <Section id="backlog" title={title} intro={t('dashboard.backlogIntro')} error={error} pending={!report}
      download={report && <CsvDownload path="/api/v1/reports/backlog" filename="backlog.csv" label={title} />}>
      {report && (
        <TableAndChart
          label={title}
          table={<ReportTable report={report} caption={title} rowHeader={t('dashboard.day')} label={name} headingId="backlog" />}
          chart={report.rows.length > 0 ? {
            kind: 'bar', title, description: t('dashboard.chartDescription', { name: title, count: report.columns.length }),
            categories: report.columns.map(name), series: [{ name: t('dashboard.openClaims'), data: report.cells[0].map(chartValue) }],
          } : undefined}
        />
      )}
    </Section>
  );
}
