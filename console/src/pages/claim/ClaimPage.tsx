import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Button, Content, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  Flex, FlexItem, Form, Label, Modal, ModalBody, ModalFooter, ModalHeader, PageSection, Spinner, Title,
} from '@patternfly/react-core';
import { LockIcon } from '@patternfly/react-icons';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { intake } from '../../api/client';
import type { components } from '../../api/generated/intake';
import { call, fieldErrors, ProblemAlert } from '../../app/problems';
import { useEnumLabel } from '../../app/enums';
import { Assignee, DaysLeft, IsoDate, PersonNameView, ShortId } from '../../app/bits';
import { TextAreaField } from '../../app/fields';
import { actionsFor, needsReason, pendingTransition, type LifecycleAction } from '../../app/lifecycle';
import { useMe } from '../../app/MeContext';
import { Evidence } from './Evidence';
import { AssessmentSection, useAssessments } from './AssessmentSection';
import { DecisionSection, useDecisions } from './DecisionSection';
import { Notes } from './Notes';
import { AssignControl } from './AssignControl';

type ClaimView = components['schemas']['ClaimView'];

export default function ClaimPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const t = (key: string, values?: Record<string, unknown>) => intl.formatMessage({ id: key }, values as never);
  const label = useEnumLabel();
  const runs = useAssessments(id);
  const decisions = useDecisions(id);
  const pendingFor = (c: ClaimView | undefined) => c && pendingTransition(c.status, runs.data?.length ?? 0, decisions.data ?? []);
  const claim = useQuery({
    queryKey: ['claim', id],
    queryFn: () => call(intake.GET('/api/v1/claims/{id}', { params: { path: { id } } })),
    // intake moves the claim when it reads the assessment service's event: look again until it has
    refetchInterval: (query) => (pendingFor(query.state.data) ? 1000 : false),
  });
  const pending = pendingFor(claim.data);

  if (claim.isPending) {
    return (
      <PageSection>
        <Title headingLevel="h1">{t('claim.title')}</Title>
        <Spinner aria-label={t('common.loading')} />
      </PageSection>
    );
  }
  if (claim.isError) {
    return (
      <PageSection>
        <Title headingLevel="h1">{t('claim.title')}</Title>
        <ProblemAlert error={claim.error} />
      </PageSection>
    );
  }
  const c = claim.data;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('claim.title')}</Title>
        <Flex spaceItems={{ default: 'spaceItemsLg' }} alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <ShortId id={c.id} />
          </FlexItem>
          <FlexItem>
            {t('col.status')}: <Label color="blue">{label('claimStatus', c.status)}</Label>
            <span aria-live="polite">
              {pending && (
                <>
                  {' '}
                  <Label color="orange" variant="outline">
                    {t('claim.pending', { status: label('claimStatus', pending) })}
                  </Label>
                </>
              )}
            </span>
          </FlexItem>
          <FlexItem>
            {t('col.lodgedOn')}: <IsoDate value={c.lodgedOn} />
          </FlexItem>
          <FlexItem>
            {t('claim.deadline')}: <IsoDate value={c.firstInstanceDeadline} long />{' '}
            {c.firstInstanceDeadline && c.status !== 'DECIDED' && c.status !== 'CLOSED' && c.status !== 'WITHDRAWN' && (
              <DaysLeft deadline={c.firstInstanceDeadline} />
            )}
          </FlexItem>
          <FlexItem>
            {t('col.assigned')}: <Assignee sub={c.assignedCaseworker} />
          </FlexItem>
        </Flex>
        <AssignControl claim={c} />
        <LifecycleActions claim={c} />
      </PageSection>
      <ApplicantSummary applicantId={c.applicantId} />
      <MilitaryProfile claim={c} />
      <Evidence claimId={c.id} />
      <AssessmentSection claim={c} />
      <DecisionSection claim={c} />
      <Notes claimId={c.id} />
    </>
  );
}

function LifecycleActions({ claim }: { claim: ClaimView }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const me = useMe();
  const client = useQueryClient();
  const [asking, setAsking] = useState<LifecycleAction | null>(null);
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: LifecycleAction; reason?: string }) =>
      call(
        intake.POST('/api/v1/claims/{id}/actions/{action}', {
          params: { path: { id: claim.id, action } },
          body: reason !== undefined ? { reason } : undefined,
        }),
      ),
    onSuccess: (updated) => {
      client.setQueryData(['claim', claim.id], updated);
      void client.invalidateQueries({ queryKey: ['claims'] });
      setAsking(null);
      setReason('');
    },
  });
  if (!me.isCaseworker && !me.isSupervisor) return null;
  const actions = actionsFor(claim.status);
  if (actions.length === 0) return null;
  const errors = fieldErrors(act.error);
  return (
    <>
      <Flex spaceItems={{ default: 'spaceItemsSm' }} style={{ marginTop: '1rem' }}>
        {actions.map((a) => (
          <FlexItem key={a}>
            <Button
              variant={a === 'lodge' || a === 'start-assessment' ? 'primary' : 'secondary'}
              isDanger={a === 'withdraw'}
              isLoading={act.isPending && act.variables?.action === a}
              onClick={() => (needsReason(a) ? setAsking(a) : act.mutate({ action: a }))}
            >
              {t(`action.${a}`)}
            </Button>
          </FlexItem>
        ))}
      </Flex>
      {!asking && <ProblemAlert error={act.error} />}
      <Modal isOpen={asking !== null} onClose={() => setAsking(null)} variant="small" aria-labelledby="reason-title">
        <ModalHeader title={asking ? t(`action.${asking}.title`) : ''} labelId="reason-title" />
        <ModalBody>
          <Form
            id="reason-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (asking) act.mutate({ action: asking, reason });
            }}
          >
            <ProblemAlert error={act.error} shownFields={['reason']} />
            <TextAreaField field="reason" label={t('action.reason')} value={reason} onChange={setReason} isRequired error={errors['reason']} />
          </Form>
        </ModalBody>
        <ModalFooter>
          <Button type="submit" form="reason-form" variant="danger" isDisabled={!reason.trim() || act.isPending} isLoading={act.isPending}>
            {asking ? t(`action.${asking}`) : ''}
          </Button>
          <Button variant="link" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </>
  );
}

function ApplicantSummary({ applicantId }: { applicantId: string }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const label = useEnumLabel();
  const [reason, setReason] = useState('');
  const [draftReason, setDraftReason] = useState('');
  const [asking, setAsking] = useState(false);
  const applicant = useQuery({
    queryKey: ['applicant', applicantId, reason],
    queryFn: () =>
      call(
        intake.GET('/api/v1/applicants/{id}', {
          params: {
            path: { id: applicantId },
            header: reason ? { 'X-Access-Reason': encodeURIComponent(reason) } : undefined,
          },
        }),
      ),
  });
  const a = applicant.data;
  const reasonLength = draftReason.trim().length;
  const reasonError = reasonLength > 0 && (reasonLength < 10 || reasonLength > 500) ? t('withheld.reasonLength') : undefined;
  const yesNo = (v?: boolean | null) => (v === null || v === undefined ? t('common.none') : v ? t('common.yes') : t('common.no'));
  return (
    <PageSection aria-labelledby="applicant-heading">
      <Title headingLevel="h2" id="applicant-heading">
        {t('claim.applicant')}
      </Title>
      <ProblemAlert error={applicant.error} />
      {applicant.isPending && <Spinner size="md" aria-label={t('common.loading')} />}
      {a && (
        <>
          <DescriptionList isHorizontal isCompact>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('applicant.name')}</DescriptionListTerm>
              <DescriptionListDescription>
                <PersonNameView name={a.name} latin={a.latinName} />
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('applicant.birthDate')}</DescriptionListTerm>
              <DescriptionListDescription>
                <IsoDate value={a.birthDate} long />
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('applicant.sex')}</DescriptionListTerm>
              <DescriptionListDescription>{label('sex', a.sex)}</DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('applicant.nationalities')}</DescriptionListTerm>
              <DescriptionListDescription>
                {a.nationalities.map((n) => (n.imposed ? `${n.country} (${t('applicant.imposed')})` : n.country)).join(', ')}
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('applicant.languages')}</DescriptionListTerm>
              <DescriptionListDescription>{a.languages.join(', ') || t('common.none')}</DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('applicant.regionOfOrigin')}</DescriptionListTerm>
              <DescriptionListDescription>
                {a.regionOfOrigin ? [a.regionOfOrigin.country, a.regionOfOrigin.region].filter(Boolean).join(', ') : t('common.none')}
              </DescriptionListDescription>
            </DescriptionListGroup>
          </DescriptionList>
          {a.special && (
            <section aria-labelledby="special-heading" style={{ marginTop: '1rem' }}>
              <Title headingLevel="h3" id="special-heading">
                <LockIcon aria-hidden="true" /> {t('special.legend')}
              </Title>
              <DescriptionList isHorizontal isCompact>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('special.ethnicity')}</DescriptionListTerm>
                  <DescriptionListDescription>{a.special.ethnicity ?? t('common.none')}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('special.ethnicMinority')}</DescriptionListTerm>
                  <DescriptionListDescription>{yesNo(a.special.ethnicMinority)}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('special.religion')}</DescriptionListTerm>
                  <DescriptionListDescription>{a.special.religion ?? t('common.none')}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('special.lgbtqi')}</DescriptionListTerm>
                  <DescriptionListDescription>{yesNo(a.special.lgbtqi)}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('special.politicalActivity')}</DescriptionListTerm>
                  <DescriptionListDescription>{a.special.politicalActivity?.join(', ') || t('common.none')}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('special.health')}</DescriptionListTerm>
                  <DescriptionListDescription>{a.special.health ?? t('common.none')}</DescriptionListDescription>
                </DescriptionListGroup>
              </DescriptionList>
            </section>
          )}
          {a.specialWithheld && (
            <Alert
              variant="info"
              isInline
              customIcon={<LockIcon />}
              title={t('withheld.title')}
              style={{ marginTop: '1rem' }}
              actionLinks={
                <Button variant="link" isInline onClick={() => setAsking(true)}>
                  {t('withheld.open')}
                </Button>
              }
            >
              {t('withheld.body')}
            </Alert>
          )}
        </>
      )}
      <Modal isOpen={asking} onClose={() => setAsking(false)} variant="small" aria-labelledby="withheld-title">
        <ModalHeader title={t('withheld.open')} labelId="withheld-title" />
        <ModalBody>
          <Content component="p">{t('withheld.audited')}</Content>
          <Form
            id="withheld-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!reasonError && reasonLength >= 10) {
                setReason(draftReason.trim());
                setAsking(false);
              }
            }}
          >
            <TextAreaField field="accessReason" label={t('withheld.reason')} value={draftReason} onChange={setDraftReason} isRequired error={reasonError} />
          </Form>
        </ModalBody>
        <ModalFooter>
          <Button type="submit" form="withheld-form" isDisabled={reasonLength < 10 || reasonLength > 500}>
            {t('withheld.submit')}
          </Button>
          <Button variant="link" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </PageSection>
  );
}

function MilitaryProfile({ claim }: { claim: ClaimView }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const label = useEnumLabel();
  const m = claim.military;
  const yesNo = (v?: boolean | null) => (v === null || v === undefined ? t('common.none') : v ? t('common.yes') : t('common.no'));
  const row = (term: string, value: React.ReactNode, anchor?: string) => (
    <DescriptionListGroup key={term} id={anchor}>
      <DescriptionListTerm>{t(term)}</DescriptionListTerm>
      <DescriptionListDescription>{value}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <PageSection aria-labelledby="military-heading">
      <Title headingLevel="h2" id="military-heading">
        {t('claim.military')}
      </Title>
      <DescriptionList isHorizontal isCompact columnModifier={{ lg: '2Col' }}>
        {row('military.status', label('militaryStatus', m.status), 'fact-militaryStatus')}
        {row('military.recruitingActor', m.recruitingActor ? label('recruitingActor', m.recruitingActor) : t('common.none'))}
        {row('military.recruitingCountry', m.recruitingCountry ?? t('common.none'))}
        {row('military.callUp.received', yesNo(m.callUp?.received), 'fact-callUp')}
        {row('military.callUp.date', <IsoDate value={m.callUp?.date} />)}
        {row('military.callUp.channel', m.callUp?.channel ? label('callUpChannel', m.callUp.channel) : t('common.none'))}
        {row('military.callUp.punitive', yesNo(m.callUp?.punitive))}
        {row('military.served', yesNo(m.served))}
        {row('military.deserted', yesNo(m.deserted), 'fact-desertion')}
        {row('military.unit.role', m.unit?.role ?? t('common.none'), 'fact-unit')}
        {row('military.unit.implicated', yesNo(m.unit?.implicatedInCrimes))}
        {row('military.objection.held', yesNo(m.objection?.held), 'fact-objection')}
        {m.objection?.held && row('military.objection.kind', m.objection.kind ? label('objectionKind', m.objection.kind) : t('common.none'))}
        {m.objection?.held && row('military.objection.basis', m.objection.basis ? label('objectionBasis', m.objection.basis) : t('common.none'))}
        {row('military.illTreatment', (m.illTreatmentSuffered ?? []).map((x) => label('illTreatment', x)).join(', ') || t('common.none'), 'fact-illTreatment')}
        {row('military.exclusionIndicators', (m.exclusionIndicators ?? []).join(', ') || t('common.none'), 'fact-exclusionIndicators')}
      </DescriptionList>
      <Title headingLevel="h3" style={{ marginTop: '1rem' }}>
        {t('claim.credibility')}
      </Title>
      {Object.entries(claim.credibility).length === 0 ? (
        <Content component="p">{t('credibility.none')}</Content>
      ) : (
        <DescriptionList isHorizontal isCompact columnModifier={{ lg: '3Col' }}>
          {Object.entries(claim.credibility).map(([fact, value]) => (
            <DescriptionListGroup key={fact}>
              <DescriptionListTerm>{label('fact', fact)}</DescriptionListTerm>
              <DescriptionListDescription>{label('credibility', value)}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
      )}
    </PageSection>
  );
}
