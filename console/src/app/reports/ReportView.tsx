import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { problemFromBody, ProblemAlert } from '../problems';
import { Button, Content, Grid, GridItem, Spinner } from '@patternfly/react-core';
import { DownloadIcon } from '@patternfly/react-icons';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedNumber, useIntl } from 'react-intl';
import type { components } from '../../api/generated/reporting';
import { bearerToken } from '../../api/client';
import type { ChartSpec } from './ReportChart';

export type Report = components['schemas']['Reports.Report'];
export type Cell = components['schemas']['SmallCells.Cell'];

// ECharts is loaded only when a chart is shown (the initial JS budget)
const ReportChart = lazy(() => import('./ReportChart'));

/** The chart is an extra: when it cannot draw, the table (the source of truth) stays. */
export class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** A report as JSON (its operation also answers CSV, so the generated type is either). */
export async function json(report: Promise<Report | string>): Promise<Report> {
  const answer = await report;
  if (typeof answer === 'string') throw new Error('the report came back as text, not JSON');
  return answer;
}

/** A published count, or "suppressed" in words (never 0, never blank). */
export function CellValue({ cell }: { cell: Cell }) {
  const intl = useIntl();
  if (cell.suppressed || cell.value == null) {
    return <abbr title={intl.formatMessage({ id: 'report.suppressedLong' })}>{intl.formatMessage({ id: 'report.suppressed' })}</abbr>;
  }
  return <FormattedNumber value={cell.value} />;
}

/** A table and its chart side by side; the table is the same numbers, for screen readers and for copying. */
export function TableAndChart({ table, chart, label }: { table: ReactNode; chart?: ChartSpec; label: string }) {
  const intl = useIntl();
  return (
    <Grid hasGutter xl2={6}>
      <GridItem>
        {/* a wide table scrolls in its own box rather than running under the chart; the keyboard scrolls it too */}
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={intl.formatMessage({ id: 'report.tableOf' }, { name: label })}>
          {table}
        </div>
      </GridItem>
      <GridItem>
        {chart && (
          <ChartBoundary>
            <Suspense fallback={<Spinner aria-label={intl.formatMessage({ id: 'common.loading' })} />}>
              <ReportChart spec={chart} />
            </Suspense>
          </ChartBoundary>
        )}
      </GridItem>
    </Grid>
  );
}

/**
 * A protected report as a table: rows × columns with their totals; suppressed cells say so; the caption states
 * the threshold and the rounding that applied. `label` names rows and columns in the reader's language.
 */
export function ReportTable({ report, caption, rowHeader, label = (v) => v, headingId }: {
  report: Report; caption: string; rowHeader: string; label?: (value: string) => string; headingId: string;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  if (report.rows.length === 0) return <Content component="p">{t('report.empty')}</Content>;
  const totals = report.rows.length > 1;
  return (
    <Table variant="compact" aria-labelledby={headingId}>
      <Caption>
        {caption}
        <br />
        <small>{t('report.protection', { threshold: report.threshold, rounding: report.rounding })}</small>
      </Caption>
      <Thead>
        <Tr>
          <Th modifier="wrap">{rowHeader}</Th>
          {report.columns.map((c) => (
            <Th key={c} modifier="wrap">{label(c)}</Th>
          ))}
          {report.columns.length > 1 && <Th modifier="wrap">{t('report.total')}</Th>}
        </Tr>
      </Thead>
      <Tbody>
        {report.rows.map((row, i) => (
          <Tr key={row}>
            <Th scope="row">{label(row)}</Th>
            {report.cells[i].map((cell, j) => (
              <Td key={report.columns[j]} dataLabel={label(report.columns[j])}>
                <CellValue cell={cell} />
              </Td>
            ))}
            {report.columns.length > 1 && (
              <Td dataLabel={t('report.total')}>
                <CellValue cell={report.rowTotals[i]} />
              </Td>
            )}
          </Tr>
        ))}
        {totals && (
          <Tr>
            <Th scope="row">{t('report.total')}</Th>
            {report.columnTotals.map((cell, j) => (
              <Td key={report.columns[j]} dataLabel={label(report.columns[j])}>
                <CellValue cell={cell} />
              </Td>
            ))}
            {report.columns.length > 1 && (
              <Td dataLabel={t('report.total')}>
                <CellValue cell={report.total} />
              </Td>
            )}
          </Tr>
        )}
      </Tbody>
    </Table>
  );
}

/** Values for a chart: suppressed cells are gaps (null), never 0. */
export const chartValue = (cell: Cell) => (cell.suppressed || cell.value == null ? null : cell.value);

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** Downloads `path` as the server writes it in CSV (Accept: text/csv): the same protected table. */
export function CsvDownload({ path, filename, label }: { path: string; filename: string; label: string }) {
  const intl = useIntl();
  const [error, setError] = useState<unknown>();
  return (
    <div>
      <Button variant="link" icon={<DownloadIcon />} aria-label={intl.formatMessage({ id: 'report.csvOf' }, { name: label })}
        onClick={async () => {
          setError(undefined);
          try {
            const response = await fetch(path, { headers: { Accept: 'text/csv', Authorization: `Bearer ${bearerToken() ?? ''}` } });
            if (!response.ok) throw problemFromBody(response.status, await response.text(), response.headers.get('Retry-After'));
            save(await response.blob(), filename);
          } catch (failure) {
            setError(failure);
          }
        }}>
        {intl.formatMessage({ id: 'report.csv' })}
      </Button>
      <ProblemAlert error={error} />
    </div>
  );
}

/** A CSV of a table the console derives (rates, processing time): quoted, and defused against spreadsheet formulas. */
export function csvOf(rows: (string | number | null)[][]): string {
  const quote = (v: string | number | null) => {
    if (v === null) return 'c';
    if (typeof v === 'number') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

export function LocalCsvDownload({ rows, filename, label }: { rows: (string | number | null)[][]; filename: string; label: string }) {
  const intl = useIntl();
  return (
    <Button variant="link" icon={<DownloadIcon />} aria-label={intl.formatMessage({ id: 'report.csvOf' }, { name: label })}
      onClick={() => save(new Blob([csvOf(rows)], { type: 'text/csv' }), filename)}>
      {intl.formatMessage({ id: 'report.csv' })}
    </Button>
  );
}
