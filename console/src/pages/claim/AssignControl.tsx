import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, FlexItem, Form, FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { intake } from '../../api/client';
import type { components } from '../../api/generated/intake';
import { call, ProblemAlert } from '../../app/problems';
import { Assignee } from '../../app/bits';
import { useMe } from '../../app/MeContext';
import { useWorkload } from '../../app/applicants';

type ClaimView = components['schemas']['ClaimView'];
const UNASSIGNED = '';
const OTHER = '__other__';

/** A supervisor assigns or reassigns the claim: nobody, himself, a caseworker of the team's workload, or any user id. */
export function AssignControl({ claim }: { claim: ClaimView }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const me = useMe();
  const client = useQueryClient();
  const workload = useWorkload(me.isSupervisor);
  const known = [
    ...new Set([me.sub, ...(workload.data ?? []).map((w) => w.caseworker).filter((s): s is string => !!s), claim.assignedCaseworker ?? '']),
  ].filter(Boolean);
  const current = claim.assignedCaseworker ?? UNASSIGNED;
  const [choice, setChoice] = useState<string>(current);
  const [other, setOther] = useState('');
  const [done, setDone] = useState(false);
  const assign = useMutation({
    mutationFn: (caseworker: string | null) =>
      call(intake.PUT('/api/v1/claims/{id}/assignee', { params: { path: { id: claim.id } }, body: { caseworker } })),
    onSuccess: (updated) => {
      client.setQueryData(['claim', claim.id], updated);
      void client.invalidateQueries({ queryKey: ['claims'] });
      void client.invalidateQueries({ queryKey: ['workload'] });
      setChoice(updated.assignedCaseworker ?? UNASSIGNED);
      setOther('');
      setDone(true);
    },
  });
  if (!me.isSupervisor) return null;
  const target = choice === OTHER ? other.trim() : choice;
  return (
    <Form
      aria-label={t('assign.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (choice === OTHER && !target) return;
        setDone(false);
        assign.mutate(target || null);
      }}
      style={{ marginTop: '1rem' }}
    >
      <Flex alignItems={{ default: 'alignItemsFlexEnd' }} spaceItems={{ default: 'spaceItemsMd' }}>
        <FlexItem>
          <FormGroup label={t('assign.to')} fieldId="assign-to">
            <FormSelect id="assign-to" value={choice} onChange={(_e, v) => setChoice(v)}>
              <FormSelectOption value={UNASSIGNED} label={t('claim.unassigned')} />
              {known.map((sub) => (
                <FormSelectOption key={sub} value={sub} label={sub === me.sub ? t('claim.me') : sub} />
              ))}
              <FormSelectOption value={OTHER} label={t('assign.other')} />
            </FormSelect>
          </FormGroup>
        </FlexItem>
        {choice === OTHER && (
          <FlexItem>
            <FormGroup label={t('assign.otherId')} fieldId="assign-other" isRequired>
              <TextInput id="assign-other" value={other} onChange={(_e, v) => setOther(v)} isRequired translate="no" />
            </FormGroup>
          </FlexItem>
        )}
        <FlexItem>
          <Button
            type="submit"
            variant="secondary"
            isLoading={assign.isPending}
            isDisabled={assign.isPending || (choice === OTHER ? !target : target === current)}
          >
            {t('assign.submit')}
          </Button>
        </FlexItem>
      </Flex>
      <ProblemAlert error={assign.error ?? workload.error} />
      <div aria-live="polite">
        {done && !assign.isPending && !assign.error && (
          <Alert variant="success" isInline isPlain title={<>{t('assign.done')} <Assignee sub={claim.assignedCaseworker} /></>} />
        )}
      </div>
    </Form>
  );
}
