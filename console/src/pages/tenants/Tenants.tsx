import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionGroup, Alert, Button, ClipboardCopy, Content, Form, Grid, GridItem, PageSection, ProgressStep, ProgressStepper,
  Spinner, Title,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { tenants } from '../../api/client';
import type { components } from '../../api/generated/tenants';
import { call, fieldErrors, ProblemAlert } from '../../app/problems';
import { SelectField, TextField } from '../../app/fields';

export type Tenant = components['schemas']['Tenant'];
export type Step = components['schemas']['Provisioning.Step'];
type NewTenant = components['schemas']['TenantRegistry.NewTenant'];

/** The steps provisioning runs, in order (the tenants service: organization, first admin, data keys). */
export const PROVISIONING_STEPS = ['identity-provider-organization', 'first-policy-admin', 'data-keys'] as const;

export function useTenants() {
  return useQuery({ queryKey: ['tenants'], queryFn: () => call(tenants.GET('/api/v1/tenants')) });
}

/** The platform's tenants: list, and create with provisioning shown step by step. */
export default function Tenants() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const list = useTenants();
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('tenants.title')}</Title>
        <Content component="p">{t('tenants.intro')}</Content>
      </PageSection>
      <PageSection aria-labelledby="tenants-heading">
        <Title headingLevel="h2" id="tenants-heading">
          {t('tenants.list')}
        </Title>
        <ProblemAlert error={list.error} />
        {list.isPending && <Spinner aria-label={t('common.loading')} />}
        {list.data && (
          <Table variant="compact" aria-labelledby="tenants-heading">
            <Caption>{t('tenants.caption', { count: list.data.length })}</Caption>
            <Thead>
              <Tr>
                <Th>{t('tenants.col.id')}</Th>
                <Th>{t('tenants.col.name')}</Th>
                <Th>{t('tenants.col.kind')}</Th>
                <Th>{t('tenants.col.jurisdiction')}</Th>
                <Th>{t('tenants.col.status')}</Th>
                <Th>{t('tenants.col.provisioning')}</Th>
                <Th>{t('tenants.col.created')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {list.data.map((tenant) => (
                <Tr key={tenant.id}>
                  <Td dataLabel={t('tenants.col.id')}>
                    <Link to={`/tenants/${tenant.id}`}>
                      <code translate="no">{tenant.id}</code>
                    </Link>
                  </Td>
                  <Td dataLabel={t('tenants.col.name')}>
                    <span translate="no">{tenant.name}</span>
                  </Td>
                  <Td dataLabel={t('tenants.col.kind')}>{t(`tenants.kind.${tenant.kind}`)}</Td>
                  <Td dataLabel={t('tenants.col.jurisdiction')}>{tenant.jurisdiction}</Td>
                  <Td dataLabel={t('tenants.col.status')}>{t(`tenants.status.${tenant.status}`)}</Td>
                  <Td dataLabel={t('tenants.col.provisioning')}>
                    {tenant.provisioning.some((s) => s.status === 'FAILED') ? t('tenants.provisioning.failed') : t('tenants.provisioning.ok')}
                  </Td>
                  <Td dataLabel={t('tenants.col.created')}>
                    <FormattedDate value={tenant.createdAt} dateStyle="medium" />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
      <CreateTenant />
    </>
  );
}

const EMPTY: NewTenant = { id: '', name: '', kind: 'NGO', jurisdiction: '', locale: '', timezone: '', adminEmail: '' };

function CreateTenant() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const queries = useQueryClient();
  const [form, setForm] = useState<NewTenant>(EMPTY);
  const create = useMutation({
    mutationFn: (body: NewTenant) =>
      call(
        tenants.POST('/api/v1/tenants', {
          body: { ...body, locale: body.locale || undefined, timezone: body.timezone || undefined, adminEmail: body.adminEmail || undefined },
        }),
      ),
    onSuccess: () => {
      setForm(EMPTY);
      void queries.invalidateQueries({ queryKey: ['tenants'] });
    },
  });
  const errors = fieldErrors(create.error);
  const set = (patch: Partial<NewTenant>) => setForm({ ...form, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form);
  };
  return (
    <PageSection aria-labelledby="new-tenant-heading">
      <Title headingLevel="h2" id="new-tenant-heading">
        {t('tenants.new')}
      </Title>
      <Form onSubmit={submit} aria-labelledby="new-tenant-heading">
        <Grid hasGutter md={6}>
          <GridItem>
            <TextField field="id" label={t('tenants.field.id')} value={form.id} onChange={(v) => set({ id: v.trim() })} isRequired
              error={errors.id} helper={<Content component="small">{t('tenants.field.idHelp')}</Content>} />
          </GridItem>
          <GridItem>
            <TextField field="name" label={t('tenants.field.name')} value={form.name} onChange={(v) => set({ name: v })} isRequired
              error={errors.name} />
          </GridItem>
          <GridItem>
            <SelectField field="kind" label={t('tenants.field.kind')} value={form.kind} onChange={(v) => set({ kind: v as NewTenant['kind'] })}
              options={(['GOVERNMENT', 'NGO'] as const).map((k) => ({ value: k, label: t(`tenants.kind.${k}`) }))} error={errors.kind} />
          </GridItem>
          <GridItem>
            <TextField field="jurisdiction" label={t('tenants.field.jurisdiction')} value={form.jurisdiction}
              onChange={(v) => set({ jurisdiction: v.trim().toUpperCase() })} isRequired error={errors.jurisdiction}
              helper={<Content component="small">{t('tenants.field.jurisdictionHelp')}</Content>} />
          </GridItem>
          <GridItem>
            <TextField field="locale" label={t('tenants.field.locale')} value={form.locale ?? ''} onChange={(v) => set({ locale: v.trim() })}
              error={errors.locale} />
          </GridItem>
          <GridItem>
            <TextField field="timezone" label={t('tenants.field.timezone')} value={form.timezone ?? ''}
              onChange={(v) => set({ timezone: v.trim() })} error={errors.timezone} />
          </GridItem>
          <GridItem>
            <TextField field="adminEmail" type="email" label={t('tenants.field.adminEmail')} value={form.adminEmail ?? ''}
              onChange={(v) => set({ adminEmail: v.trim() })} error={errors.adminEmail}
              helper={<Content component="small">{t('tenants.field.adminEmailHelp')}</Content>} />
          </GridItem>
        </Grid>
        <ProblemAlert error={create.error} shownFields={['id', 'name', 'kind', 'jurisdiction', 'locale', 'timezone', 'adminEmail']} />
        <ActionGroup>
          <Button type="submit" variant="primary" isLoading={create.isPending} isDisabled={create.isPending}>
            {t('tenants.create')}
          </Button>
        </ActionGroup>
      </Form>
      {(create.isPending || create.data) && (
        <ProvisioningSteps steps={create.data?.provisioning} running={create.isPending} label={t('tenants.provisioning.title')} />
      )}
      {create.data && <FirstAdmin tenant={create.data} />}
    </PageSection>
  );
}

/**
 * The provisioning steps in order. They run in one request on the server: while it runs each step not yet
 * answered shows as in progress; the answer gives each step's outcome and detail.
 */
export function ProvisioningSteps({ steps, running, label }: { steps?: Step[]; running: boolean; label: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const names = steps?.length ? steps.map((s) => s.name) : [...PROVISIONING_STEPS];
  const variantOf = (step?: Step) =>
    !step ? 'pending' : step.status === 'DONE' ? 'success' : step.status === 'FAILED' ? 'danger' : 'default';
  return (
    <section aria-label={label} aria-busy={running}>
      <Title headingLevel="h3">{label}</Title>
      <ProgressStepper isVertical aria-label={label}>
        {names.map((name, i) => {
          const step = steps?.find((s) => s.name === name);
          const status = step ? t(`tenants.step.status.${step.status}`) : running ? t('tenants.step.status.RUNNING') : t('tenants.step.status.PENDING');
          return (
            <ProgressStep key={name} id={`step-${i}`} titleId={`step-${i}-title`} variant={variantOf(step)}
              isCurrent={!step && running && i === 0} description={step?.detail}
              aria-label={`${t(`tenants.step.${name}`)}: ${status}`}>
              {t(`tenants.step.${name}`)} — {status}
            </ProgressStep>
          );
        })}
      </ProgressStepper>
      {running && <Content component="p" aria-live="polite">{t('tenants.provisioning.running')}</Content>}
    </section>
  );
}

/** The first policy administrator's temporary password: shown in this answer only, never again. */
export function FirstAdmin({ tenant }: { tenant: Tenant }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  if (!tenant.firstAdmin) return null;
  return (
    <Alert variant="warning" isInline title={t('tenants.firstAdmin.title', { id: tenant.id })}>
      <p>{t('tenants.firstAdmin.body', { name: tenant.firstAdmin.username })}</p>
      <ClipboardCopy isReadOnly hoverTip={t('tenants.firstAdmin.copy')} clickTip={t('tenants.firstAdmin.copied')}
        aria-label={t('tenants.firstAdmin.password')} textAriaLabel={t('tenants.firstAdmin.password')}>
        {tenant.firstAdmin.temporaryPassword}
      </ClipboardCopy>
    </Alert>
  );
}
