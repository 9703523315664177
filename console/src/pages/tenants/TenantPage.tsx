import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Button, Content, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Flex,
  Form, Modal, ModalBody, ModalFooter, ModalHeader, PageSection, Spinner, Title,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, FormattedNumber, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { tenants } from '../../api/client';
import type { components } from '../../api/generated/tenants';
import { call, ProblemAlert } from '../../app/problems';
import { TextField } from '../../app/fields';
import { FirstAdmin, ProvisioningSteps, type Tenant } from './Tenants';

type Offboarded = components['schemas']['TenantController.Offboarded'];

/** One tenant: its provisioning, retry, suspend or reactivate, and offboarding behind a typed confirmation. */
export default function TenantPage() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const { id = '' } = useParams();
  const queries = useQueryClient();
  const tenant = useQuery({ queryKey: ['tenants', id], queryFn: () => call(tenants.GET('/api/v1/tenants/{id}', { params: { path: { id } } })) });
  const [confirming, setConfirming] = useState(false);
  const status_ = useRef<HTMLElement>(null);
  const updated = (next: Tenant) => {
    // the first admin's temporary password is shown from the answer, never kept in the cache
    queries.setQueryData(['tenants', id], { ...next, firstAdmin: undefined });
    void queries.invalidateQueries({ queryKey: ['tenants'], exact: true });
  };
  const provision = useMutation({
    mutationFn: () => call(tenants.POST('/api/v1/tenants/{id}/provision', { params: { path: { id } } })),
    onSuccess: updated,
  });
  const status = useMutation({
    mutationFn: (to: 'suspend' | 'reactivate') =>
      call(
        to === 'suspend'
          ? tenants.POST('/api/v1/tenants/{id}/suspend', { params: { path: { id } } })
          : tenants.POST('/api/v1/tenants/{id}/reactivate', { params: { path: { id } } }),
      ),
    onSuccess: (next: Tenant) => {
      updated(next);
      status_.current?.focus(); // the button pressed is replaced by its opposite: focus where the new status is said
    },
  });
  const offboard = useMutation({
    mutationFn: () => call(tenants.POST('/api/v1/tenants/{id}/offboard', { params: { path: { id } } })),
    onSuccess: (answer) => {
      setConfirming(false);
      updated(answer.tenant);
      status_.current?.focus();
    },
  });

  // one action's outcome at a time: starting one clears what the others said
  const only = (keep: { reset: () => void }) => [provision, status, offboard].filter((m) => m !== keep).forEach((m) => m.reset());

  if (tenant.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (!tenant.data) {
    return (
      <PageSection>
        <Title headingLevel="h1">{t('tenant.title', { id })}</Title>
        <ProblemAlert error={tenant.error} />
      </PageSection>
    );
  }
  const current = tenant.data;
  const failed = current.provisioning.some((s) => s.status === 'FAILED');
  const offboarded = current.status === 'OFFBOARDED';
  return (
    <>
      <PageSection>
        <Content component="p">
          <Link to="/tenants">{t('tenant.back')}</Link>
        </Content>
        <Title headingLevel="h1">{t('tenant.title', { id: current.id })}</Title>
        <DescriptionList isHorizontal isCompact>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('tenants.col.name')}</DescriptionListTerm>
            <DescriptionListDescription><span translate="no">{current.name}</span></DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('tenants.col.kind')}</DescriptionListTerm>
            <DescriptionListDescription>{t(`tenants.kind.${current.kind}`)}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('tenants.col.jurisdiction')}</DescriptionListTerm>
            <DescriptionListDescription>{current.jurisdiction}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('tenants.col.status')}</DescriptionListTerm>
            <DescriptionListDescription>
              <strong ref={status_} tabIndex={-1} aria-live="polite">{t(`tenants.status.${current.status}`)}</strong>
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('tenants.col.created')}</DescriptionListTerm>
            <DescriptionListDescription>
              <FormattedDate value={current.createdAt} dateStyle="medium" timeStyle="short" />
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </PageSection>
      <PageSection aria-labelledby="tenant-actions">
        <Title headingLevel="h2" id="tenant-actions">
          {t('tenant.actions')}
        </Title>
        <ProblemAlert error={provision.error ?? status.error ?? (confirming ? undefined : offboard.error)} />
        {!offboarded && (
          <Flex>
            {failed && (
              <Button variant="primary" onClick={() => { only(provision); provision.mutate(); }} isLoading={provision.isPending} isDisabled={provision.isPending}>
                {t('tenant.retry')}
              </Button>
            )}
            {current.status === 'ACTIVE' && (
              <Button variant="secondary" onClick={() => { only(status); status.mutate('suspend'); }} isLoading={status.isPending} isDisabled={status.isPending}>
                {t('tenant.suspend')}
              </Button>
            )}
            {current.status === 'SUSPENDED' && (
              <Button variant="secondary" onClick={() => { only(status); status.mutate('reactivate'); }} isLoading={status.isPending} isDisabled={status.isPending}>
                {t('tenant.reactivate')}
              </Button>
            )}
            <Button variant="danger" onClick={() => { offboard.reset(); setConfirming(true); }}>
              {t('tenant.offboard')}
            </Button>
          </Flex>
        )}
        {offboarded && <Content component="p">{t('tenant.offboardedNote')}</Content>}
        {provision.data && <FirstAdmin tenant={provision.data} />}
      </PageSection>
      <PageSection>
        <ProvisioningSteps steps={current.provisioning} running={provision.isPending} label={t('tenants.provisioning.title')} />
      </PageSection>
      {offboard.data && <ShreddingReport report={offboard.data} />}
      {/* keyed by each opening: the typed id and any earlier error never carry over */}
      <OffboardConfirmation key={String(confirming)} id={current.id} open={confirming} pending={offboard.isPending} error={offboard.error}
        onCancel={() => setConfirming(false)} onConfirm={() => { only(offboard); offboard.mutate(); }} />
    </>
  );
}

/** Offboarding destroys the tenant's data keys: the administrator types the tenant's id to go on. */
function OffboardConfirmation({ id, open, pending, error, onCancel, onConfirm }: {
  id: string; open: boolean; pending: boolean; error: unknown; onCancel: () => void; onConfirm: () => void;
}) {
  const intl = useIntl();
  const t = (key: string, values?: Record<string, unknown>) => intl.formatMessage({ id: key }, values as never);
  const [typed, setTyped] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed === id) onConfirm();
  };
  return (
    <Modal isOpen={open} onClose={onCancel} variant="small" aria-labelledby="offboard-title" aria-describedby="offboard-body"
      elementToFocus="#f-confirm-id">
      <ModalHeader title={t('tenant.offboard.title', { id })} labelId="offboard-title" titleIconVariant="danger" />
      <ModalBody>
        <Content id="offboard-body" component="p">{t('tenant.offboard.body', { id })}</Content>
        <Form id="offboard-form" onSubmit={submit}>
          <TextField field="confirm-id" label={t('tenant.offboard.type', { id })} value={typed} onChange={setTyped} />
        </Form>
        <ProblemAlert error={error} />
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" type="submit" form="offboard-form" isDisabled={typed !== id || pending} isLoading={pending}>
          {t('tenant.offboard.confirm')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

/** After offboarding: what was destroyed in each data service, and where the tenant's rows lie, now unreadable. */
function ShreddingReport({ report }: { report: Offboarded }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const step = report.steps[0];
  return (
    <PageSection aria-labelledby="shredding-heading">
      <Title headingLevel="h2" id="shredding-heading">
        {t('tenant.shredding.title')}
      </Title>
      {step && (
        <Alert variant={step.status === 'DONE' ? 'success' : step.status === 'FAILED' ? 'danger' : 'info'} isInline
          title={t(`tenant.shredding.${step.status}`)}>
          <p>{step.detail}</p>
        </Alert>
      )}
      <Table variant="compact" aria-labelledby="shredding-heading">
        <Caption>{t('tenant.shredding.caption')}</Caption>
        <Thead>
          <Tr>
            <Th>{t('audit.col.service')}</Th>
            <Th>{t('tenant.shredding.col.key')}</Th>
            <Th>{t('tenant.shredding.col.table')}</Th>
            <Th>{t('tenant.shredding.col.rows')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {report.dataLocations.flatMap((service) =>
            (service.locations.length ? service.locations : [undefined]).map((location, i) => (
              <Tr key={`${service.service}-${location?.table ?? i}`}>
                <Td dataLabel={t('audit.col.service')}>{t(`audit.service.${service.service}`)}</Td>
                <Td dataLabel={t('tenant.shredding.col.key')}>
                  {service.destroyed ? t('tenant.shredding.destroyed') : t('tenant.shredding.alreadyDestroyed')}
                </Td>
                <Td dataLabel={t('tenant.shredding.col.table')}>{location ? <code translate="no">{location.table}</code> : '—'}</Td>
                <Td dataLabel={t('tenant.shredding.col.rows')}>{location ? <FormattedNumber value={location.rows} /> : '—'}</Td>
              </Tr>
            )),
          )}
        </Tbody>
      </Table>
    </PageSection>
  );
}
