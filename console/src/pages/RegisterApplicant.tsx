import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ActionGroup, Alert, Button, Card, CardBody, CardFooter, CardTitle, Checkbox, Content, Form, FormFieldGroup,
  FormFieldGroupHeader, Gallery, Grid, GridItem, PageSection, Title, Flex, FlexItem,
} from '@patternfly/react-core';
import { LockIcon, TrashIcon, PlusCircleIcon } from '@patternfly/react-icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { intake } from '../api/client';
import type { components } from '../api/generated/intake';
import { ApiError, call, fieldErrors, ProblemAlert } from '../app/problems';
import { ENUMS, useEnumLabel } from '../app/enums';
import { formatName, IsoDate, PersonNameView } from '../app/bits';
import { SelectField, TextField, domId, splitList } from '../app/fields';
import { FieldError } from '../app/problems';

type ApplicantRequest = components['schemas']['ApplicantRequest'];
type Sex = components['schemas']['Sex'];
type Nationality = components['schemas']['Nationality'];

const SHOWN = [
  'name.given', 'name.family', 'name.patronymic', 'nationalities', 'birthDate', 'sex', 'languages',
  'regionOfOrigin.country', 'regionOfOrigin.region', 'special.ethnicity', 'special.religion',
  'special.politicalActivity', 'special.health', 'special.ethnicMinority', 'special.lgbtqi',
];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export default function RegisterApplicant() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const navigate = useNavigate();

  const [given, setGiven] = useState('');
  const [family, setFamily] = useState('');
  const [patronymic, setPatronymic] = useState('');
  const [nationalities, setNationalities] = useState<Nationality[]>([{ country: '', imposed: false }]);
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<Sex | ''>('');
  const [languages, setLanguages] = useState('');
  const [regionCountry, setRegionCountry] = useState('');
  const [region, setRegion] = useState('');
  const [ethnicity, setEthnicity] = useState('');
  const [ethnicMinority, setEthnicMinority] = useState(false);
  const [religion, setReligion] = useState('');
  const [lgbtqi, setLgbtqi] = useState(false);
  const [politicalActivity, setPoliticalActivity] = useState('');
  const [health, setHealth] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [confirmedNewFor, setConfirmedNewFor] = useState<string | null>(null);
  const [mustChoose, setMustChoose] = useState(false);
  const duplicatesRef = useRef<HTMLElement>(null);

  // duplicate candidates across scripts and spellings, once both names are there
  const searchName = useDebounced(given.trim() && family.trim() ? `${given.trim()} ${family.trim()}` : '', 400);
  const duplicates = useQuery({
    queryKey: ['applicants', searchName],
    enabled: searchName.length > 0,
    queryFn: () => call(intake.GET('/api/v1/applicants', { params: { query: { name: searchName, limit: 10 } } })),
  });
  const candidates = searchName ? (duplicates.data?.items ?? []) : [];
  const choiceMade = confirmedNewFor === searchName;

  // the Latin (ICAO) reading as it would be stored, while the name is typed (its variant follows the nationalities)
  const readingKey = useDebounced(
    JSON.stringify({
      given: given.trim(),
      family: family.trim(),
      patronymic: patronymic.trim(),
      nationality: nationalities.map((n) => n.country.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)),
    }),
    300,
  );
  const readingOf = JSON.parse(readingKey) as { given: string; family: string; patronymic: string; nationality: string[] };
  const reading = useQuery({
    queryKey: ['latin-reading', readingKey],
    enabled: readingOf.given.length > 0 && readingOf.family.length > 0,
    staleTime: Infinity,
    queryFn: () =>
      call(
        intake.GET('/api/v1/applicants/latin-reading', {
          params: {
            query: {
              given: readingOf.given,
              family: readingOf.family,
              patronymic: readingOf.patronymic || undefined,
              nationality: readingOf.nationality.length ? readingOf.nationality : undefined,
            },
          },
        }),
      ),
  });
  const readingShown = given.trim() && family.trim() && reading.data ? formatName(reading.data) : '';

  const save = useMutation({
    mutationFn: (body: ApplicantRequest) =>
      call(intake.POST('/api/v1/applicants', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: (applicant) => navigate(`/claims/new?applicantId=${applicant.id}`),
    onError: (error) => {
      // a refused request stored nothing: the next attempt is a new request with a new key
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setIdempotencyKey(crypto.randomUUID());
    },
  });
  const errors = fieldErrors(save.error);
  const nationalityError = Object.entries(errors)
    .filter(([k]) => k.startsWith('nationalities'))
    .map(([, v]) => v)
    .join('; ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (candidates.length > 0 && !choiceMade) {
      setMustChoose(true);
      duplicatesRef.current?.focus();
      return;
    }
    const special = {
      ethnicity: ethnicity.trim() || null,
      ethnicMinority: ethnicMinority || null,
      religion: religion.trim() || null,
      lgbtqi: lgbtqi || null,
      politicalActivity: splitList(politicalActivity).length ? splitList(politicalActivity) : null,
      health: health.trim() || null,
    };
    const hasSpecial = Object.values(special).some((v) => v !== null);
    save.mutate({
      name: { given: given.trim(), family: family.trim(), patronymic: patronymic.trim() || null },
      nationalities: nationalities
        .filter((n) => n.country.trim())
        .map((n) => ({ country: n.country.trim().toUpperCase(), imposed: n.imposed })),
      birthDate: birthDate || null,
      sex: (sex || 'UNKNOWN') as Sex,
      languages: splitList(languages),
      regionOfOrigin: regionCountry.trim()
        ? { country: regionCountry.trim().toUpperCase(), region: region.trim() || null }
        : null,
      special: hasSpecial ? special : null,
    });
  };

  const setNat = (i: number, patch: Partial<Nationality>) =>
    setNationalities(nationalities.map((n, j) => (j === i ? { ...n, ...patch } : n)));

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('register.title')}</Title>
        <Content component="p">{t('register.intro')}</Content>
      </PageSection>
      <PageSection>
        <Form onSubmit={submit} aria-label={t('register.title')}>
          <ProblemAlert error={save.error} shownFields={[...SHOWN, ...Object.keys(errors).filter((k) => k.startsWith('nationalities'))]} />
          <FormFieldGroup header={<FormFieldGroupHeader titleText={{ text: t('register.nameGroup'), id: 'g-name' }} />}>
            <Grid hasGutter md={4}>
              <GridItem>
                <TextField field="name.given" label={t('applicant.given')} value={given} onChange={setGiven} isRequired error={errors['name.given']} />
              </GridItem>
              <GridItem>
                <TextField field="name.family" label={t('applicant.family')} value={family} onChange={setFamily} isRequired error={errors['name.family']} />
              </GridItem>
              <GridItem>
                <TextField field="name.patronymic" label={t('applicant.patronymic')} value={patronymic} onChange={setPatronymic} error={errors['name.patronymic']} />
              </GridItem>
            </Grid>
            <Content component="small">{t('register.anyScript')}</Content>
            <Content component="p" id="latin-reading" aria-live="polite">
              {readingShown && (
                <>
                  {t('register.latinReading')}{' '}
                  <strong translate="no">{readingShown}</strong>
                </>
              )}
            </Content>
          </FormFieldGroup>

          <section aria-labelledby={candidates.length > 0 ? 'dup-heading' : undefined} ref={duplicatesRef} tabIndex={-1}>
            {candidates.length > 0 && (
              <>
                <Title headingLevel="h2" id="dup-heading">
                  {t('register.duplicates', { count: candidates.length })}
                </Title>
                {mustChoose && !choiceMade && (
                  <Alert variant="warning" isInline title={t('register.chooseFirst')} role="alert" />
                )}
                {choiceMade && <Alert variant="info" isInline title={t('register.confirmedNew')} />}
                <Gallery hasGutter minWidths={{ default: '240px' }}>
                  {candidates.map((c) => (
                    <Card key={c.id} isCompact>
                      <CardTitle>
                        <PersonNameView name={c.name} />
                      </CardTitle>
                      <CardBody>
                        <dl>
                          <dt>{t('applicant.latinName')}</dt>
                          <dd translate="no">{[c.latinName.family, c.latinName.given, c.latinName.patronymic].filter(Boolean).join(' ')}</dd>
                          <dt>{t('applicant.birthDate')}</dt>
                          <dd>
                            <IsoDate value={c.birthDate} />
                          </dd>
                          <dt>{t('applicant.nationality')}</dt>
                          <dd>{c.nationalities.map((n) => n.country).join(', ') || t('common.none')}</dd>
                        </dl>
                      </CardBody>
                      <CardFooter>
                        <Button variant="secondary" onClick={() => navigate(`/?applicantId=${c.id}`)}>
                          {t('register.openExisting')}
                        </Button>
                      </CardFooter>
                    </Card>
                  ))}
                </Gallery>
                <Button variant="primary" onClick={() => { setConfirmedNewFor(searchName); setMustChoose(false); }} isDisabled={choiceMade}>
                  {t('register.newPerson')}
                </Button>
              </>
            )}
          </section>

          <FormFieldGroup header={<FormFieldGroupHeader titleText={{ text: t('register.identityGroup'), id: 'g-identity' }} />}>
            <fieldset aria-describedby={nationalityError ? `${domId('nationalities')}-error` : undefined}>
              <legend>{t('applicant.nationalities')}</legend>
              {nationalities.map((n, i) => (
                <Flex key={i} alignItems={{ default: 'alignItemsFlexEnd' }}>
                  <FlexItem>
                    <TextField
                      field={`nationalities[${i}].country`}
                      label={t('applicant.nationality')}
                      value={n.country}
                      onChange={(v) => setNat(i, { country: v })}
                      isRequired={i === 0}
                      error={errors[`nationalities[${i}].country`]}
                      helper={<Content component="small">{t('applicant.countryHelp')}</Content>}
                    />
                  </FlexItem>
                  <FlexItem>
                    <Checkbox
                      id={`nat-imposed-${i}`}
                      label={t('applicant.imposed')}
                      description={t('applicant.imposedHelp')}
                      isChecked={n.imposed}
                      onChange={(_e, v) => setNat(i, { imposed: v })}
                    />
                  </FlexItem>
                  {nationalities.length > 1 && (
                    <FlexItem>
                      <Button
                        variant="plain"
                        aria-label={t('applicant.removeNationality', { n: i + 1 })}
                        onClick={() => setNationalities(nationalities.filter((_, j) => j !== i))}
                        icon={<TrashIcon />}
                      />
                    </FlexItem>
                  )}
                </Flex>
              ))}
              <Button variant="link" icon={<PlusCircleIcon />} onClick={() => setNationalities([...nationalities, { country: '', imposed: false }])}>
                {t('applicant.addNationality')}
              </Button>
              <FieldError id={`${domId('nationalities')}-error`} message={nationalityError} />
            </fieldset>
            <Grid hasGutter md={4}>
              <GridItem>
                <TextField field="birthDate" type="date" label={t('applicant.birthDate')} value={birthDate} onChange={setBirthDate} error={errors['birthDate']} />
              </GridItem>
              <GridItem>
                <SelectField
                  field="sex"
                  label={t('applicant.sex')}
                  value={sex}
                  onChange={(v) => setSex(v as Sex)}
                  isRequired
                  emptyLabel={t('common.choose')}
                  options={ENUMS.sex.map((s) => ({ value: s, label: label('sex', s) }))}
                  error={errors['sex']}
                />
              </GridItem>
              <GridItem>
                <TextField
                  field="languages"
                  label={t('applicant.languages')}
                  value={languages}
                  onChange={setLanguages}
                  error={errors['languages']}
                  helper={<Content component="small">{t('applicant.languagesHelp')}</Content>}
                />
              </GridItem>
              <GridItem>
                <TextField field="regionOfOrigin.country" label={t('applicant.regionCountry')} value={regionCountry} onChange={setRegionCountry} error={errors['regionOfOrigin.country']} helper={<Content component="small">{t('applicant.countryHelp')}</Content>} />
              </GridItem>
              <GridItem>
                <TextField field="regionOfOrigin.region" label={t('applicant.region')} value={region} onChange={setRegion} error={errors['regionOfOrigin.region']} />
              </GridItem>
            </Grid>
          </FormFieldGroup>

          <fieldset className="special-fieldset" aria-describedby="special-note" style={{ border: '1px solid var(--pf-t--global--border--color--default)', padding: '1rem', borderRadius: '8px' }}>
            <legend>
              <LockIcon aria-hidden="true" /> {t('special.legend')}
            </legend>
            <Content component="p" id="special-note">
              {t('special.note')}
            </Content>
            <Grid hasGutter md={6}>
              <GridItem>
                <TextField field="special.ethnicity" label={t('special.ethnicity')} value={ethnicity} onChange={setEthnicity} error={errors['special.ethnicity']} />
              </GridItem>
              <GridItem>
                <Checkbox id="special-ethnicMinority" label={t('special.ethnicMinority')} isChecked={ethnicMinority} onChange={(_e, v) => setEthnicMinority(v)} />
              </GridItem>
              <GridItem>
                <TextField field="special.religion" label={t('special.religion')} value={religion} onChange={setReligion} error={errors['special.religion']} />
              </GridItem>
              <GridItem>
                <Checkbox id="special-lgbtqi" label={t('special.lgbtqi')} description={t('special.lgbtqiHelp')} isChecked={lgbtqi} onChange={(_e, v) => setLgbtqi(v)} />
              </GridItem>
              <GridItem>
                <TextField field="special.politicalActivity" label={t('special.politicalActivity')} value={politicalActivity} onChange={setPoliticalActivity} error={errors['special.politicalActivity']} helper={<Content component="small">{t('special.politicalActivityHelp')}</Content>} />
              </GridItem>
              <GridItem>
                <TextField field="special.health" label={t('special.health')} value={health} onChange={setHealth} error={errors['special.health']} />
              </GridItem>
            </Grid>
          </fieldset>

          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={save.isPending} isDisabled={save.isPending}>
              {t('register.save')}
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
