import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ActionGroup, Alert, Button, Checkbox, Content, Form, FormFieldGroup, FormFieldGroupHeader, Grid, GridItem,
  PageSection, Title,
} from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { intake } from '../api/client';
import type { components } from '../api/generated/intake';
import { ApiError, call, fieldErrors, ProblemAlert } from '../app/problems';
import { ENUMS, useEnumLabel } from '../app/enums';
import { PersonNameView, ShortId } from '../app/bits';
import { SelectField, TextField, splitList } from '../app/fields';

type S = components['schemas'];
type ClaimRequest = S['ClaimRequest'];
type Credibility = S['Credibility.Assessment'];

const SHOWN = [
  'applicantId', 'military.status', 'military.recruitingActor', 'military.recruitingCountry', 'military.callUp.date',
  'military.callUp.channel', 'military.unit.role', 'military.exclusionIndicators', 'military.objection.kind',
  'military.objection.basis', ...ENUMS.fact.map((f) => `credibility.${f}`),
];

export default function RecordClaim() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const applicantId = params.get('applicantId') ?? '';

  const applicant = useQuery({
    queryKey: ['applicant', applicantId, ''],
    enabled: !!applicantId,
    queryFn: () => call(intake.GET('/api/v1/applicants/{id}', { params: { path: { id: applicantId } } })),
  });

  const [status, setStatus] = useState<S['MilitaryProfile.MilitaryStatus'] | ''>('');
  const [actor, setActor] = useState<S['MilitaryProfile.RecruitingActor'] | ''>('');
  const [country, setCountry] = useState('');
  const [received, setReceived] = useState(false);
  const [callUpDate, setCallUpDate] = useState('');
  const [channel, setChannel] = useState<S['MilitaryProfile.CallUpChannel'] | ''>('');
  const [punitive, setPunitive] = useState(false);
  const [served, setServed] = useState(false);
  const [deserted, setDeserted] = useState(false);
  const [unitRole, setUnitRole] = useState('');
  const [implicated, setImplicated] = useState(false);
  const [objectionHeld, setObjectionHeld] = useState(false);
  const [objectionKind, setObjectionKind] = useState<S['MilitaryProfile.ObjectionKind'] | ''>('');
  const [objectionBasis, setObjectionBasis] = useState<S['MilitaryProfile.ObjectionBasis'] | ''>('');
  const [procedureUsed, setProcedureUsed] = useState(false);
  const [illTreatment, setIllTreatment] = useState<S['MilitaryProfile.IllTreatment'][]>([]);
  const [exclusion, setExclusion] = useState('');
  const [credibility, setCredibility] = useState<Record<string, Credibility | ''>>({});
  const [key, setKey] = useState(() => crypto.randomUUID());

  const save = useMutation({
    mutationFn: (body: ClaimRequest) =>
      call(intake.POST('/api/v1/claims', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: (claim) => navigate(`/claims/${claim.id}`),
    onError: (error) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setKey(crypto.randomUUID());
    },
  });
  const errors = fieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cred: Record<string, Credibility> = {};
    for (const [k, v] of Object.entries(credibility)) if (v) cred[k] = v;
    save.mutate({
      applicantId,
      military: {
        status: status as S['MilitaryProfile.MilitaryStatus'],
        recruitingActor: actor || null,
        recruitingCountry: country.trim().toUpperCase() || null,
        callUp: received || callUpDate || channel || punitive
          ? { received, date: callUpDate || null, channel: channel || null, punitive }
          : null,
        unit: unitRole.trim() || implicated ? { role: unitRole.trim() || null, implicatedInCrimes: implicated } : null,
        served,
        deserted,
        objection: objectionHeld
          ? { held: true, kind: objectionKind || null, basis: objectionBasis || null, procedureUsed }
          : null,
        illTreatmentSuffered: illTreatment.length ? illTreatment : null,
        exclusionIndicators: splitList(exclusion).length ? splitList(exclusion) : null,
      },
      credibility: cred,
    });
  };

  const opts = <K extends 'recruitingActor' | 'callUpChannel' | 'objectionKind' | 'objectionBasis' | 'militaryStatus'>(kind: K) =>
    (ENUMS[kind] as readonly string[]).map((v) => ({ value: v, label: label(kind, v) }));

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('recordClaim.title')}</Title>
        <Content component="p">
          {t('recordClaim.for')}{' '}
          {applicant.data ? <PersonNameView name={applicant.data.name} latin={applicant.data.latinName} /> : applicantId ? <ShortId id={applicantId} /> : null}
        </Content>
      </PageSection>
      <PageSection>
        {!applicantId && <Alert variant="warning" isInline title={t('recordClaim.noApplicant')} />}
        <ProblemAlert error={applicant.error} />
        <Form onSubmit={submit}>
          <ProblemAlert error={save.error} shownFields={SHOWN} />
          <FormFieldGroup header={<FormFieldGroupHeader titleText={{ text: t('claim.military'), id: 'g-military' }} />}>
            <Grid hasGutter md={4}>
              <GridItem>
                <SelectField field="military.status" label={t('military.status')} value={status} onChange={(v) => setStatus(v as typeof status)} isRequired emptyLabel={t('common.choose')} options={opts('militaryStatus')} error={errors['military.status']} />
              </GridItem>
              <GridItem>
                <SelectField field="military.recruitingActor" label={t('military.recruitingActor')} value={actor} onChange={(v) => setActor(v as typeof actor)} emptyLabel={t('common.notRecorded')} options={opts('recruitingActor')} error={errors['military.recruitingActor']} />
              </GridItem>
              <GridItem>
                <TextField field="military.recruitingCountry" label={t('military.recruitingCountry')} value={country} onChange={setCountry} error={errors['military.recruitingCountry']} helper={<Content component="small">{t('applicant.countryHelp')}</Content>} />
              </GridItem>
            </Grid>
            <fieldset>
              <legend>{t('military.callUp')}</legend>
              <Checkbox id="callup-received" label={t('military.callUp.received')} isChecked={received} onChange={(_e, v) => setReceived(v)} />
              <Grid hasGutter md={4}>
                <GridItem>
                  <TextField field="military.callUp.date" type="date" label={t('military.callUp.date')} value={callUpDate} onChange={setCallUpDate} error={errors['military.callUp.date']} />
                </GridItem>
                <GridItem>
                  <SelectField field="military.callUp.channel" label={t('military.callUp.channel')} value={channel} onChange={(v) => setChannel(v as typeof channel)} emptyLabel={t('common.notRecorded')} options={opts('callUpChannel')} error={errors['military.callUp.channel']} />
                </GridItem>
              </Grid>
              <Checkbox id="callup-punitive" label={t('military.callUp.punitive')} isChecked={punitive} onChange={(_e, v) => setPunitive(v)} />
            </fieldset>
            <fieldset>
              <legend>{t('military.service')}</legend>
              <Checkbox id="served" label={t('military.served')} isChecked={served} onChange={(_e, v) => setServed(v)} />
              <Checkbox id="deserted" label={t('military.deserted')} isChecked={deserted} onChange={(_e, v) => setDeserted(v)} />
              <Grid hasGutter md={4}>
                <GridItem>
                  <TextField field="military.unit.role" label={t('military.unit.role')} value={unitRole} onChange={setUnitRole} error={errors['military.unit.role']} />
                </GridItem>
              </Grid>
              <Checkbox id="unit-implicated" label={t('military.unit.implicated')} isChecked={implicated} onChange={(_e, v) => setImplicated(v)} />
            </fieldset>
            <fieldset>
              <legend>{t('military.objection')}</legend>
              <Checkbox id="objection-held" label={t('military.objection.held')} isChecked={objectionHeld} onChange={(_e, v) => setObjectionHeld(v)} />
              {objectionHeld && (
                <>
                  <Grid hasGutter md={4}>
                    <GridItem>
                      <SelectField field="military.objection.kind" label={t('military.objection.kind')} value={objectionKind} onChange={(v) => setObjectionKind(v as typeof objectionKind)} emptyLabel={t('common.notRecorded')} options={opts('objectionKind')} error={errors['military.objection.kind']} />
                    </GridItem>
                    <GridItem>
                      <SelectField field="military.objection.basis" label={t('military.objection.basis')} value={objectionBasis} onChange={(v) => setObjectionBasis(v as typeof objectionBasis)} emptyLabel={t('common.notRecorded')} options={opts('objectionBasis')} error={errors['military.objection.basis']} />
                    </GridItem>
                  </Grid>
                  <Checkbox id="objection-procedure" label={t('military.objection.procedureUsed')} isChecked={procedureUsed} onChange={(_e, v) => setProcedureUsed(v)} />
                </>
              )}
            </fieldset>
            <fieldset>
              <legend>{t('military.illTreatment')}</legend>
              {ENUMS.illTreatment.map((it) => (
                <Checkbox
                  key={it}
                  id={`ill-${it}`}
                  label={label('illTreatment', it)}
                  isChecked={illTreatment.includes(it)}
                  onChange={(_e, v) => setIllTreatment(v ? [...illTreatment, it] : illTreatment.filter((x) => x !== it))}
                />
              ))}
            </fieldset>
            <TextField field="military.exclusionIndicators" label={t('military.exclusionIndicators')} value={exclusion} onChange={setExclusion} error={errors['military.exclusionIndicators']} helper={<Content component="small">{t('military.exclusionIndicatorsHelp')}</Content>} />
          </FormFieldGroup>

          <FormFieldGroup header={<FormFieldGroupHeader titleText={{ text: t('claim.credibility'), id: 'g-cred' }} />}>
            <Content component="p">{t('recordClaim.credibilityHelp')}</Content>
            <Grid hasGutter md={4}>
              {ENUMS.fact.map((f) => (
                <GridItem key={f}>
                  <SelectField
                    field={`credibility.${f}`}
                    label={label('fact', f)}
                    value={credibility[f] ?? ''}
                    onChange={(v) => setCredibility({ ...credibility, [f]: v as Credibility | '' })}
                    emptyLabel={t('credibility.notAssessed')}
                    options={ENUMS.credibility.map((c) => ({ value: c, label: label('credibility', c) }))}
                    error={errors[`credibility.${f}`] ?? errors['credibility']}
                  />
                </GridItem>
              ))}
            </Grid>
          </FormFieldGroup>
          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={save.isPending} isDisabled={save.isPending || !applicantId}>
              {t('recordClaim.save')}
            </Button>
            <Button variant="link" onClick={() => navigate('/')}>
              {t('common.cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}
