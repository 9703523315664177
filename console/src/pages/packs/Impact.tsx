import { useMutation } from '@tanstack/react-query';
import { Button, Content, PageSection, Spinner, Title } from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { useIntl } from 'react-intl';
import { assessment } from '../../api/client';
import type { components } from '../../api/generated/assessment';
import { call, ProblemAlert } from '../../app/problems';
import { IsoDate, ShortId } from '../../app/bits';
import { FindingResult, useEnumLabel } from '../../app/enums';
import { LocalCsvDownload, TableAndChart } from '../../app/reports/ReportView';
import type { ChartSpec } from '../../app/reports/ReportChart';

export type Impact = components['schemas']['PackImpact.Impact'];
type Transition = components['schemas']['PackImpact.Transition'];

/** The transitions that change a recommendation first (largest first), then the unchanged ones. */
export function ordered(transitions: Transition[]): Transition[] {
  const changed = (t: Transition) => (t.from !== t.to ? 1 : 0);
  return [...transitions].sort((a, b) => changed(b) - changed(a) || b.claims - a.claims);
}

/**
 * The chart of the transitions: one bar per recommendation under the pack in force, stacked by the recommendation
 * this version would give — a bar of one colour is a recommendation that does not move.
 */
export function transitionChart(impact: Impact, label: (value: string) => string, text: { title: string; description: string }): ChartSpec {
  const from = [...new Set(impact.transitions.map((t) => t.from))];
  const to = [...new Set(impact.transitions.map((t) => t.to))];
  return {
    kind: 'stacked', horizontal: true, title: text.title, description: text.description, categories: from.map(label),
    series: to.map((target) => ({
      name: label(target),
      data: from.map((source) => impact.transitions.find((t) => t.from === source && t.to === target)?.claims ?? null),
    })),
  };
}

/**
 * Impact before publishing: the engine over every open claim with this version and with the version in force today,
 * compared (POST /api/v1/assessments/impact). Nothing is stored; intake records every claim read in its audit trail.
 */
export default function ImpactSection({ version, inForce }: { version: number; inForce?: number }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const recommendation = (value: string) => label('recommendation', value);
  const run = useMutation({
    mutationFn: () => call(assessment.POST('/api/v1/assessments/impact', { body: { version } })),
  });
  const impact = run.data;
  const heading = t('packs.impact.title');
  return (
    <PageSection aria-labelledby="impact-heading">
      <Title headingLevel="h2" id="impact-heading">
        {heading}
      </Title>
      <Content component="p">{inForce === undefined ? t('packs.impact.noneInForce') : t('packs.impact.intro', { version, against: inForce })}</Content>
      {inForce !== undefined && (
        <Button variant="secondary" onClick={() => run.mutate()} isLoading={run.isPending} isDisabled={run.isPending}>
          {t('packs.impact.run')}
        </Button>
      )}
      <div aria-live="polite">
        {run.isPending && (
          <Content component="p">
            <Spinner size="md" aria-hidden="true" /> {t('packs.impact.running')}
          </Content>
        )}
        {impact && !run.isPending && (
          <Content component="p">
            {t('packs.impact.summary', {
              claims: impact.claims, changed: impact.recommendationsChanged, findings: impact.findingsChanged, against: impact.inForce,
            })}{' '}
            (<IsoDate value={impact.assessmentDate} long />)
          </Content>
        )}
      </div>
      <ProblemAlert error={run.error} />
      {impact && !run.isPending && impact.claims > 0 && (
        <>
          <Title headingLevel="h3">{t('packs.impact.transitions')}</Title>
          <TableAndChart label={t('packs.impact.transitions')}
            chart={transitionChart(impact, recommendation, {
              title: t('packs.impact.transitions'), description: t('packs.impact.chartDescription', { against: impact.inForce, version }),
            })}
            table={
              <>
                <Table variant="compact" aria-label={t('packs.impact.transitions')}>
                  <Caption>{t('packs.impact.transitionsCaption', { against: impact.inForce, version })}</Caption>
                  <Thead>
                    <Tr>
                      <Th>{t('packs.impact.col.from', { against: impact.inForce })}</Th>
                      <Th>{t('packs.impact.col.to', { version })}</Th>
                      <Th>{t('packs.impact.col.claims')}</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {ordered(impact.transitions).map((tr) => (
                      <Tr key={`${tr.from}-${tr.to}`}>
                        <Th scope="row">{recommendation(tr.from)}</Th>
                        <Td dataLabel={t('packs.impact.col.to', { version })}>
                          {tr.from === tr.to ? t('packs.impact.unchanged') : recommendation(tr.to)}
                        </Td>
                        <Td dataLabel={t('packs.impact.col.claims')}>{intl.formatNumber(tr.claims)}</Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
                <LocalCsvDownload filename={`impact-v${version}-transitions.csv`} label={t('packs.impact.transitions')}
                  rows={[['from', 'to', 'claims'], ...ordered(impact.transitions).map((tr) => [tr.from, tr.to, tr.claims])]} />
              </>
            } />
          <Changes impact={impact} version={version} />
        </>
      )}
    </PageSection>
  );
}

/** The claims whose assessment differs, with the findings that changed — for supervisors; a policy administrator sees counts. */
function Changes({ impact, version }: { impact: Impact; version: number }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  if (!impact.claimsShown) return <Content component="p">{t('packs.impact.claimsHidden')}</Content>;
  if (impact.changes.length === 0) return <Content component="p">{t('packs.impact.noChanges')}</Content>;
  return (
    <>
      <Title headingLevel="h3" id="impact-claims">{t('packs.impact.claims')}</Title>
      {!impact.listComplete && <Content component="p">{t('packs.impact.listed', { count: impact.changes.length })}</Content>}
      <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby="impact-claims">
        <Table variant="compact" aria-labelledby="impact-claims">
          <Caption>{t('packs.impact.claimsCaption', { against: impact.inForce, version })}</Caption>
          <Thead>
            <Tr>
              <Th>{t('packs.impact.col.claim')}</Th>
              <Th>{t('packs.impact.col.from', { against: impact.inForce })}</Th>
              <Th>{t('packs.impact.col.to', { version })}</Th>
              <Th>{t('packs.impact.col.findings')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {impact.changes.map((c) => (
              <Tr key={c.claimId}>
                <Th scope="row">
                  <ShortId id={c.claimId} />
                </Th>
                <Td dataLabel={t('packs.impact.col.from', { against: impact.inForce })}>{label('recommendation', c.from)}</Td>
                <Td dataLabel={t('packs.impact.col.to', { version })}>
                  {c.from === c.to ? t('packs.impact.unchanged') : label('recommendation', c.to)}
                </Td>
                <Td dataLabel={t('packs.impact.col.findings')}>
                  <ul>
                    {c.findings.map((f) => (
                      <li key={f.rule}>
                        <code translate="no">{f.rule}</code>: <FindingResult result={f.from} /> → <FindingResult result={f.to} />
                      </li>
                    ))}
                  </ul>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </div>
    </>
  );
}
