import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Button, Content, FormGroup, FormSelect, FormSelectOption, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  ExpandableSection, Label, List, ListItem, PageSection, Title,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, useIntl } from 'react-intl';
import { ShieldAltIcon } from '@patternfly/react-icons';
import { assessment } from '../../api/client';
import type { components as A } from '../../api/generated/assessment';
import type { components as I } from '../../api/generated/intake';
import { call, ProblemAlert } from '../../app/problems';
import { FindingResult, stepOf, useEnumLabel } from '../../app/enums';
import { IsoDate } from '../../app/bits';
import { useMe } from '../../app/MeContext';

type StoredAssessment = A['schemas']['StoredAssessment'];

/** A claim's runs, with the reasons in the reader's language (the key holds it: a switch reads them again). */
export function useAssessments(claimId: string) {
  const { locale } = useIntl();
  return useQuery({
    queryKey: ['assessments', claimId, locale],
    queryFn: () => call(assessment.GET('/api/v1/assessments', { params: { query: { claimId } } })),
  });
}

export const latestRun = (runs: StoredAssessment[] | undefined) =>
  runs && runs.length ? runs.reduce((a, b) => (b.run > a.run ? b : a)) : undefined;

export function AssessmentSection({ claim }: { claim: I['schemas']['ClaimView'] }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const me = useMe();
  const client = useQueryClient();
  const runs = useAssessments(claim.id);
  const run = useMutation({
    mutationFn: () => call(assessment.POST('/api/v1/assessments', { body: { claimId: claim.id } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['assessments', claim.id] });
      void client.invalidateQueries({ queryKey: ['claim', claim.id] });
    },
  });
  const latest = latestRun(runs.data);
  const earlier = (runs.data ?? []).filter((r) => r !== latest).sort((a, b) => b.run - a.run);
  const canRun = (me.isCaseworker || me.isSupervisor) && (claim.status === 'LODGED' || claim.status === 'UNDER_ASSESSMENT');

  return (
    <PageSection aria-labelledby="assessment-heading">
      <Title headingLevel="h2" id="assessment-heading">
        {t('assessment.title')}
      </Title>
      {canRun && (
        <Button onClick={() => run.mutate()} isLoading={run.isPending} isDisabled={run.isPending}>
          {t('assessment.run')}
        </Button>
      )}
      <ProblemAlert error={run.error ?? runs.error} />
      {runs.isSuccess && !latest && <Content component="p">{t('assessment.none')}</Content>}
      {latest && <AssessmentView stored={latest} />}
      {latest && earlier.length > 0 && <CompareRuns latest={latest} earlier={earlier} />}
      {earlier.length > 0 && (
        <ExpandableSection toggleText={t('assessment.earlier', { count: earlier.length })}>
          <List>
            {earlier.map((r) => (
              <ListItem key={r.id}>
                {t('assessment.runLine', { run: r.run, pack: r.packVersion })} —{' '}
                <FormattedDate value={r.createdAt} dateStyle="medium" timeStyle="short" />:{' '}
                <RecommendationText value={r.result.recommendation} />
              </ListItem>
            ))}
          </List>
        </ExpandableSection>
      )}
    </PageSection>
  );
}

function RecommendationText({ value }: { value: A['schemas']['Recommendation'] }) {
  const label = useEnumLabel();
  return <strong>{label('recommendation', value)}</strong>;
}

/** The recommendation, grounds and non-refoulement at the top; the findings by step. */
export function AssessmentView({ stored }: { stored: StoredAssessment }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const r = stored.result;
  const steps = [...new Set(r.findings.map((f) => stepOf(f.rule)))].sort();
  return (
    <div style={{ marginTop: '1rem' }}>
      <Alert
        variant="info"
        isInline
        title={t('assessment.recommendation', { recommendation: label('recommendation', r.recommendation) })}
      >
        <DescriptionList isHorizontal isCompact>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('assessment.grounds')}</DescriptionListTerm>
            <DescriptionListDescription>
              {r.grounds.length ? r.grounds.map((g) => label('ground', g)).join(', ') : t('common.none')}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('assessment.nonRefoulement')}</DescriptionListTerm>
            <DescriptionListDescription>
              {r.nonRefoulement ? (
                <Label color="red" icon={<ShieldAltIcon />}>
                  {t('assessment.nonRefoulement.yes')}
                </Label>
              ) : (
                t('assessment.nonRefoulement.no')
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('assessment.run.label')}</DescriptionListTerm>
            <DescriptionListDescription>
              {t('assessment.runLine', { run: stored.run, pack: r.packVersion })} — <IsoDate value={r.assessmentDate} long />
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </Alert>
      {r.missing.length > 0 && (
        <Alert variant="warning" isInline title={t('assessment.missing', { count: r.missing.length })} style={{ marginTop: '0.5rem' }}>
          <List>
            {r.missing.map((m) => (
              <ListItem key={m}>
                <a href={`#fact-${m}`}>{label('fact', m)}</a>
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {steps.map((step) => (
        <section key={step} aria-labelledby={`step-${stored.id}-${step}`}>
          <Title headingLevel="h3" id={`step-${stored.id}-${step}`} style={{ marginTop: '1rem' }}>
            {t(`assessment.step.${step}`)}
          </Title>
          <Table variant="compact" aria-labelledby={`step-${stored.id}-${step}`}>
            <Caption>{t('assessment.findingsCaption')}</Caption>
            <Thead>
              <Tr>
                <Th>{t('assessment.rule')}</Th>
                <Th>{t('assessment.result')}</Th>
                <Th>{t('assessment.reasons')}</Th>
                <Th>{t('assessment.facts')}</Th>
                <Th>{t('assessment.coi')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {r.findings
                .filter((f) => stepOf(f.rule) === step)
                .map((f) => (
                  <Tr key={f.rule}>
                    <Td dataLabel={t('assessment.rule')}>
                      <code translate="no">{f.rule}</code>
                      <div>{f.title}</div>
                      <small>{t('assessment.pack', { pack: f.packVersion })}</small>
                    </Td>
                    <Td dataLabel={t('assessment.result')}>
                      <FindingResult result={f.result} />
                    </Td>
                    <Td dataLabel={t('assessment.reasons')}>
                      {f.reasons.map((reason, i) => (
                        <p key={i}>{reason}</p>
                      ))}
                    </Td>
                    <Td dataLabel={t('assessment.facts')}>
                      {f.facts.length
                        ? f.facts.map((fact, i) => (
                            <span key={fact}>
                              {i > 0 && ', '}
                              <a href={`#fact-${fact}`}>{label('fact', fact)}</a>
                            </span>
                          ))
                        : t('common.none')}
                    </Td>
                    <Td dataLabel={t('assessment.coi')}>
                      {f.coi.length
                        ? f.coi.map((c) => (
                            <div key={c.country + c.asOf}>
                              {t('assessment.coiLine', { country: c.country })} <IsoDate value={c.asOf} long />
                              {c.sources.length > 0 && <small> — {c.sources.join('; ')}</small>}
                            </div>
                          ))
                        : t('common.none')}
                    </Td>
                  </Tr>
                ))}
            </Tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}

type Result = StoredAssessment['result']['findings'][number]['result'];

export interface RunDiff {
  findings: { rule: string; title: string; before?: Result; after?: Result }[];
  recommendation?: { before: StoredAssessment['result']['recommendation']; after: StoredAssessment['result']['recommendation'] };
}

/** The findings whose result changed from one run to the other (appeared, gone or different) and a changed recommendation. */
export function diffRuns(before: StoredAssessment, after: StoredAssessment): RunDiff {
  const old = new Map(before.result.findings.map((f) => [f.rule, f]));
  const now = new Map(after.result.findings.map((f) => [f.rule, f]));
  const rules = [...new Set([...now.keys(), ...old.keys()])].sort();
  const findings = rules
    .filter((rule) => old.get(rule)?.result !== now.get(rule)?.result)
    .map((rule) => ({ rule, title: (now.get(rule) ?? old.get(rule))!.title, before: old.get(rule)?.result, after: now.get(rule)?.result }));
  const recommendation =
    before.result.recommendation !== after.result.recommendation
      ? { before: before.result.recommendation, after: after.result.recommendation }
      : undefined;
  return { findings, recommendation };
}

/** "What changed": the latest run against an earlier one the user picks. */
function CompareRuns({ latest, earlier }: { latest: StoredAssessment; earlier: StoredAssessment[] }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const [with_, setWith] = useState('');
  const other = earlier.find((r) => r.id === with_);
  const diff = other ? diffRuns(other, latest) : undefined;
  const none = t('compare.notEvaluated');
  return (
    <section aria-labelledby="compare-heading" style={{ marginTop: '1rem' }}>
      <Title headingLevel="h3" id="compare-heading">
        {t('compare.title', { run: latest.run })}
      </Title>
      <FormGroup label={t('compare.label')} fieldId="compare-with">
        <FormSelect id="compare-with" value={with_} onChange={(_e, v) => setWith(v)}>
          <FormSelectOption value="" label={t('compare.choose')} />
          {earlier.map((r) => (
            <FormSelectOption key={r.id} value={r.id} label={t('compare.with', { run: r.run })} />
          ))}
        </FormSelect>
      </FormGroup>
      <div aria-live="polite">
        {diff && other && (
          <>
            <Content component="p">
              {diff.recommendation
                ? t('compare.recommendationChanged', {
                    before: label('recommendation', diff.recommendation.before),
                    after: label('recommendation', diff.recommendation.after),
                  })
                : t('compare.recommendationSame', { recommendation: label('recommendation', latest.result.recommendation) })}
            </Content>
            {diff.findings.length === 0 ? (
              <Content component="p">{t('compare.noFindingChanged')}</Content>
            ) : (
              <Table variant="compact" aria-labelledby="compare-heading">
                <Caption>{t('compare.caption', { before: other.run, after: latest.run })}</Caption>
                <Thead>
                  <Tr>
                    <Th>{t('assessment.rule')}</Th>
                    <Th>{t('compare.before', { run: other.run })}</Th>
                    <Th>{t('compare.after', { run: latest.run })}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {diff.findings.map((f) => (
                    <Tr key={f.rule}>
                      <Td dataLabel={t('assessment.rule')}>
                        <code translate="no">{f.rule}</code>
                        <div>{f.title}</div>
                      </Td>
                      <Td dataLabel={t('compare.before', { run: other.run })}>{f.before ? <FindingResult result={f.before} /> : none}</Td>
                      <Td dataLabel={t('compare.after', { run: latest.run })}>
                        <span aria-hidden="true">→ </span>
                        {f.after ? <FindingResult result={f.after} /> : none}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </>
        )}
      </div>
    </section>
  );
}
