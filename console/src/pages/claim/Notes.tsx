import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionGroup, Button, Content, Form, FormHelperText, HelperText, HelperTextItem, List, ListItem, PageSection, Spinner, Title,
} from '@patternfly/react-core';
import { FormattedDate, useIntl } from 'react-intl';
import { intake } from '../../api/client';
import type { components } from '../../api/generated/intake';
import { call, fieldErrors, ProblemAlert } from '../../app/problems';
import { TextAreaField } from '../../app/fields';
import { Assignee } from '../../app/bits';
import { useMe } from '../../app/MeContext';

type Note = components['schemas']['ClaimNotes.Note'];

/** The claim's notes, oldest first, and a new one; append-only (caseworkers and supervisors). */
export function Notes({ claimId }: { claimId: string }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const me = useMe();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const allowed = me.isCaseworker || me.isSupervisor;
  const notes = useQuery({
    queryKey: ['notes', claimId],
    enabled: allowed,
    queryFn: () => call(intake.GET('/api/v1/claims/{id}/notes', { params: { path: { id: claimId } } })),
  });
  const add = useMutation({
    mutationFn: (body: { text: string }) => call(intake.POST('/api/v1/claims/{id}/notes', { params: { path: { id: claimId } }, body })),
    onSuccess: (note) => {
      client.setQueryData<Note[]>(['notes', claimId], (old) => [...(old ?? []), note]);
      setText('');
    },
  });
  if (!allowed) return null;
  const errors = fieldErrors(add.error);
  return (
    <PageSection aria-labelledby="notes-heading">
      <Title headingLevel="h2" id="notes-heading">
        {t('notes.title')}
      </Title>
      <ProblemAlert error={notes.error} />
      {notes.isPending && <Spinner size="md" aria-label={t('common.loading')} />}
      {notes.isSuccess &&
        (notes.data.length === 0 ? (
          <Content component="p">{t('notes.empty')}</Content>
        ) : (
          <List isPlain isBordered aria-label={t('notes.list')}>
            {notes.data.map((n) => (
              <ListItem key={n.id}>
                <Content component="small">
                  <strong>
                    <Assignee sub={n.author} />
                  </strong>{' '}
                  — <FormattedDate value={n.createdAt} dateStyle="medium" timeStyle="short" />
                </Content>
                <p style={{ whiteSpace: 'pre-wrap' }}>{n.text}</p>
              </ListItem>
            ))}
          </List>
        ))}
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) add.mutate({ text: text.trim() });
        }}
        style={{ marginTop: '1rem' }}
      >
        <ProblemAlert error={add.error} shownFields={['text']} />
        <TextAreaField
          field="text"
          label={t('notes.new')}
          value={text}
          onChange={setText}
          error={errors['text']}
          helperId="notes-append-only"
          helper={
            <FormHelperText>
              <HelperText id="notes-append-only">
                <HelperTextItem>{t('notes.appendOnly')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          }
        />
        <ActionGroup>
          <Button type="submit" isDisabled={!text.trim() || add.isPending} isLoading={add.isPending}>
            {t('notes.add')}
          </Button>
        </ActionGroup>
      </Form>
    </PageSection>
  );
}
