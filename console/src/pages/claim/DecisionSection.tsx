import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ActionGroup, Alert, Button, Content, Form, PageSection, Title, Label } from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, useIntl } from 'react-intl';
import { assessment } from '../../api/client';
import type { components as A } from '../../api/generated/assessment';
import type { components as I } from '../../api/generated/intake';
import { call, fieldErrors, ProblemAlert } from '../../app/problems';
import { ENUMS, useEnumLabel } from '../../app/enums';
import { DaysLeft, IsoDate, ShortId } from '../../app/bits';
import { SelectField, TextAreaField } from '../../app/fields';
import { daysUntil } from '../../app/dates';
import { useMe } from '../../app/MeContext';
import { LOCALES, LOCALE_NAMES, useLocale } from '../../app/locale';
import { latestRun, useAssessments } from './AssessmentSection';

type Outcome = A['schemas']['Decision.Outcome'];
type Decision = A['schemas']['Decision'];

/** The outcome a recommendation leads to (REFER_EXCLUSION → EXCLUDED). */
export const outcomeFor = (r: A['schemas']['Recommendation']): Outcome => (r === 'REFER_EXCLUSION' ? 'EXCLUDED' : r);

export function useDecisions(claimId: string) {
  return useQuery({
    queryKey: ['decisions', claimId],
    queryFn: () => call(assessment.GET('/api/v1/decisions', { params: { query: { claimId } } })),
  });
}

export function DecisionSection({ claim }: { claim: I['schemas']['ClaimView'] }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const me = useMe();
  const client = useQueryClient();
  const runs = useAssessments(claim.id);
  const latest = latestRun(runs.data);
  const decisions = useDecisions(claim.id);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reasons, setReasons] = useState('');
  useEffect(() => {
    if (latest) setOutcome(outcomeFor(latest.result.recommendation));
  }, [latest?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const draft = useMutation({
    mutationFn: () =>
      call(
        assessment.POST('/api/v1/decisions', {
          body: { assessmentId: latest!.id, outcome: outcome as Outcome, reasons: reasons.trim() || null },
        }),
      ),
    onSuccess: () => {
      setReasons('');
      void client.invalidateQueries({ queryKey: ['decisions', claim.id] });
    },
  });
  const errors = fieldErrors(draft.error);
  const departs = latest && outcome && outcome !== outcomeFor(latest.result.recommendation);
  const pending = (decisions.data ?? []).some((d) => d.status === 'PENDING_APPROVAL');
  // a lodged claim with a run is under assessment already, as far as the assessment service knows (intake follows)
  const canDraft = me.isCaseworker && latest && (claim.status === 'UNDER_ASSESSMENT' || claim.status === 'LODGED') && !pending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    draft.mutate();
  };

  return (
    <PageSection aria-labelledby="decision-heading">
      <Title headingLevel="h2" id="decision-heading">
        {t('decision.title')}
      </Title>
      <ProblemAlert error={decisions.error} />
      {decisions.data && decisions.data.length > 0 ? (
        <Table variant="compact" aria-label={t('decision.list')}>
          <Caption>{t('decision.list')}</Caption>
          <Thead>
            <Tr>
              <Th>{t('decision.outcome')}</Th>
              <Th>{t('decision.recommendation')}</Th>
              <Th>{t('decision.status')}</Th>
              <Th>{t('decision.author')}</Th>
              <Th>{t('decision.created')}</Th>
              <Th>{t('decision.appealDeadline')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {decisions.data.map((d) => (
              <Tr key={d.id}>
                <Td dataLabel={t('decision.outcome')}>
                  {label('outcome', d.outcome)}
                  {d.departs && (
                    <>
                      {' '}
                      <Label isCompact color="orange">
                        {t('decision.departs')}
                      </Label>
                    </>
                  )}
                  {d.reasons && <Content component="small">{d.reasons}</Content>}
                </Td>
                <Td dataLabel={t('decision.recommendation')}>{label('recommendation', d.recommendation)}</Td>
                <Td dataLabel={t('decision.status')}>
                  {label('decisionStatus', d.status)}
                  {d.comments && <Content component="small">{t('decision.comments')}: {d.comments}</Content>}
                </Td>
                <Td dataLabel={t('decision.author')}>{d.author === me.sub ? t('claim.me') : <ShortId id={d.author} />}</Td>
                <Td dataLabel={t('decision.created')}>
                  <FormattedDate value={d.createdAt} dateStyle="medium" timeStyle="short" />
                </Td>
                <Td dataLabel={t('decision.appealDeadline')}>
                  {d.appealDeadline ? (
                    <>
                      <IsoDate value={d.appealDeadline} long /> <DaysLeft deadline={d.appealDeadline} />
                    </>
                  ) : (
                    t('common.none')
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        decisions.isSuccess && <Content component="p">{t('decision.none')}</Content>
      )}
      {(decisions.data ?? [])
        .filter((d) => d.status === 'APPROVED' && d.appealDeadline && daysUntil(d.appealDeadline) >= 0 && claim.status === 'DECIDED')
        .map((d) => (me.isCaseworker || me.isSupervisor) && <AppealForm key={d.id} decision={d} claimId={claim.id} />)}
      {(decisions.data ?? [])
        .filter((d) => d.status === 'APPROVED')
        .map((d) => (me.isCaseworker || me.isSupervisor) && <NoticeForm key={`notice-${d.id}`} decision={d} claimId={claim.id} />)}

      {canDraft && (
        <>
          <Title headingLevel="h3" style={{ marginTop: '1rem' }}>
            {t('decision.draftTitle')}
          </Title>
          <Form onSubmit={submit}>
            <ProblemAlert error={draft.error} shownFields={['outcome', 'reasons']} />
            <SelectField
              field="outcome"
              label={t('decision.outcome')}
              value={outcome}
              onChange={(v) => setOutcome(v as Outcome)}
              isRequired
              options={ENUMS.outcome.map((o) => ({ value: o, label: label('outcome', o) }))}
              error={errors['outcome']}
            />
            {departs && <Alert variant="warning" isInline title={t('decision.departsHelp')} />}
            <TextAreaField field="reasons" label={t('decision.reasons')} value={reasons} onChange={setReasons} isRequired={!!departs} error={errors['reasons']} />
            <ActionGroup>
              <Button type="submit" isLoading={draft.isPending} isDisabled={draft.isPending || !outcome}>
                {t('decision.draft')}
              </Button>
            </ActionGroup>
          </Form>
        </>
      )}
    </PageSection>
  );
}

function AppealForm({ decision, claimId }: { decision: Decision; claimId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const client = useQueryClient();
  const [grounds, setGrounds] = useState('');
  const appeal = useMutation({
    mutationFn: () =>
      call(assessment.POST('/api/v1/decisions/{id}/appeals', { params: { path: { id: decision.id } }, body: { grounds } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['decisions', claimId] });
      // intake follows the assessment feed within about a second
      setTimeout(() => void client.invalidateQueries({ queryKey: ['claim', claimId] }), 1500);
    },
  });
  const errors = fieldErrors(appeal.error);
  const days = daysUntil(decision.appealDeadline!);
  return (
    <section aria-labelledby={`appeal-${decision.id}`} style={{ marginTop: '1rem' }}>
      <Title headingLevel="h3" id={`appeal-${decision.id}`}>
        {t('appeal.title')}
      </Title>
      <Content component="p">{t('appeal.daysLeft', { days })}</Content>
      {appeal.isSuccess ? (
        <Alert variant="success" isInline title={t('appeal.lodged')} />
      ) : (
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            appeal.mutate();
          }}
        >
          <ProblemAlert error={appeal.error} shownFields={['grounds']} />
          <TextAreaField field="grounds" label={t('appeal.grounds')} value={grounds} onChange={setGrounds} isRequired error={errors['grounds']} />
          <ActionGroup>
            <Button type="submit" isLoading={appeal.isPending} isDisabled={!grounds.trim() || appeal.isPending}>
              {t('appeal.lodge')}
            </Button>
          </ActionGroup>
        </Form>
      )}
    </section>
  );
}

/** The notice of an approved decision to the applicant, in a language chosen here, stored among the claim's evidence. */
function NoticeForm({ decision, claimId }: { decision: Decision; claimId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const client = useQueryClient();
  const { locale } = useLocale();
  const [language, setLanguage] = useState<string>(locale);
  const notice = useMutation({
    mutationFn: () =>
      call(assessment.POST('/api/v1/decisions/{id}/notices', { params: { path: { id: decision.id } }, body: { language } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['documents', claimId] }),
  });
  const errors = fieldErrors(notice.error);
  return (
    <section aria-labelledby={`notice-${decision.id}`} style={{ marginTop: '1rem' }}>
      <Title headingLevel="h3" id={`notice-${decision.id}`}>
        {t('notice.title')}
      </Title>
      <Content component="p">{t('notice.help')}</Content>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          notice.mutate();
        }}
      >
        <ProblemAlert error={notice.error} shownFields={['language']} />
        <SelectField
          field={`language-${decision.id}`}
          label={t('notice.language')}
          value={language}
          onChange={setLanguage}
          isRequired
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          error={errors['language']}
        />
        <ActionGroup>
          <Button type="submit" variant="secondary" isLoading={notice.isPending} isDisabled={notice.isPending}>
            {t('notice.produce')}
          </Button>
        </ActionGroup>
      </Form>
      {notice.data && (
        <Alert
          variant="success"
          isInline
          title={t('notice.produced', { language: LOCALE_NAMES[notice.data.language as keyof typeof LOCALE_NAMES] ?? notice.data.language })}
        />
      )}
    </section>
  );
}
