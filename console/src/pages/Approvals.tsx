import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionGroup, Alert, Button, Content, Drawer, DrawerActions, DrawerCloseButton, DrawerContent, DrawerContentBody,
  DrawerHead, DrawerPanelBody, DrawerPanelContent, EmptyState, Form, Grid, GridItem, Label, PageSection, Spinner, Title,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { FormattedDate, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { assessment } from '../api/client';
import type { components } from '../api/generated/assessment';
import { ApiError, call, fieldErrors, ProblemAlert } from '../app/problems';
import { useEnumLabel } from '../app/enums';
import { ShortId } from '../app/bits';
import { TextAreaField } from '../app/fields';
import { AssessmentView } from './claim/AssessmentSection';

type Decision = components['schemas']['Decision'];

export default function Approvals() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const [open, setOpen] = useState<Decision | null>(null);
  // every pending decision of the organization drafted by someone else (GET /api/v1/decisions?status=PENDING_APPROVAL)
  const pending = useQuery({
    queryKey: ['decisions', 'pending'],
    queryFn: () =>
      call(
        assessment.GET('/api/v1/decisions', {
          params: { query: { status: 'PENDING_APPROVAL' } },
        }),
      ),
  });

  const panel = open && (
    <DrawerPanelContent widths={{ default: 'width_66' }}>
      <DrawerHead>
        <Title headingLevel="h2">{t('approvals.review')}</Title>
        <DrawerActions>
          <DrawerCloseButton onClick={() => setOpen(null)} aria-label={t('common.close')} />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody>
        <Review decision={open} onDone={() => setOpen(null)} />
      </DrawerPanelBody>
    </DrawerPanelContent>
  );

  return (
    <Drawer isExpanded={!!open} isInline>
      <DrawerContent panelContent={panel ?? <DrawerPanelContent />}>
        <DrawerContentBody>
          <PageSection>
            <Title headingLevel="h1">{t('approvals.title')}</Title>
            <Content component="p">{t('approvals.intro')}</Content>
          </PageSection>
          <PageSection>
            <ProblemAlert error={pending.error} />
            {pending.isPending && <Spinner aria-label={t('common.loading')} />}
            {pending.data && pending.data.length === 0 && <EmptyState titleText={t('approvals.empty')} headingLevel="h2" />}
            {pending.data && pending.data.length > 0 && (
              <Table variant="compact" aria-label={t('approvals.title')}>
                <Caption>{t('approvals.caption', { count: pending.data.length })}</Caption>
                <Thead>
                  <Tr>
                    <Th>{t('col.claim')}</Th>
                    <Th>{t('decision.outcome')}</Th>
                    <Th>{t('decision.recommendation')}</Th>
                    <Th>{t('decision.departs')}</Th>
                    <Th>{t('decision.author')}</Th>
                    <Th>{t('decision.created')}</Th>
                    <Th screenReaderText={t('evidence.actions')} />
                  </Tr>
                </Thead>
                <Tbody>
                  {pending.data.map((d) => (
                    <Tr key={d.id} isRowSelected={open?.id === d.id}>
                      <Td dataLabel={t('col.claim')}>
                        <Link to={`/claims/${d.claimId}`}>
                          <ShortId id={d.claimId} />
                        </Link>
                      </Td>
                      <Td dataLabel={t('decision.outcome')}>{label('outcome', d.outcome)}</Td>
                      <Td dataLabel={t('decision.recommendation')}>{label('recommendation', d.recommendation)}</Td>
                      <Td dataLabel={t('decision.departs')}>
                        {d.departs ? <Label color="orange">{t('common.yes')}</Label> : t('common.no')}
                      </Td>
                      <Td dataLabel={t('decision.author')}>
                        <ShortId id={d.author} />
                      </Td>
                      <Td dataLabel={t('decision.created')}>
                        <FormattedDate value={d.createdAt} dateStyle="medium" timeStyle="short" />
                      </Td>
                      <Td>
                        <Button variant="secondary" onClick={() => setOpen(d)}>
                          {t('approvals.open')}
                        </Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </PageSection>
        </DrawerContentBody>
      </DrawerContent>
    </Drawer>
  );
}

function Review({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const client = useQueryClient();
  const [comments, setComments] = useState('');
  const { locale } = intl;
  const stored = useQuery({
    queryKey: ['assessment', decision.assessmentId, locale],
    queryFn: () => call(assessment.GET('/api/v1/assessments/{id}', { params: { path: { id: decision.assessmentId } } })),
  });
  const review = useMutation({
    mutationFn: (verdict: 'approve' | 'return') =>
      verdict === 'approve'
        ? call(assessment.POST('/api/v1/decisions/{id}/approve', { params: { path: { id: decision.id } }, body: { comments: comments.trim() || null } }))
        : call(assessment.POST('/api/v1/decisions/{id}/return', { params: { path: { id: decision.id } }, body: { comments: comments.trim() } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['decisions'] });
      onDone();
    },
  });
  const errors = fieldErrors(review.error);
  const fourEyes = review.error instanceof ApiError && review.error.status === 403;
  return (
    <Grid hasGutter lg={6}>
      <GridItem>
        <Title headingLevel="h3">{t('approvals.draft')}</Title>
        <dl>
          <dt>{t('decision.outcome')}</dt>
          <dd>{label('outcome', decision.outcome)}</dd>
          <dt>{t('decision.recommendation')}</dt>
          <dd>{label('recommendation', decision.recommendation)}</dd>
          <dt>{t('decision.reasons')}</dt>
          <dd>{decision.reasons || t('common.none')}</dd>
        </dl>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            review.mutate('approve');
          }}
        >
          {fourEyes ? (
            <Alert variant="danger" isInline title={t('approvals.fourEyes')} role="alert" />
          ) : (
            <ProblemAlert error={review.error} shownFields={['comments']} />
          )}
          <TextAreaField field="comments" label={t('approvals.comments')} value={comments} onChange={setComments} error={errors['comments']} helper={<Content component="small">{t('approvals.commentsHelp')}</Content>} />
          <ActionGroup>
            <Button type="submit" isLoading={review.isPending && review.variables === 'approve'} isDisabled={review.isPending}>
              {t('approvals.approve')}
            </Button>
            <Button variant="secondary" isDisabled={review.isPending || !comments.trim()} onClick={() => review.mutate('return')}>
              {t('approvals.return')}
            </Button>
          </ActionGroup>
        </Form>
      </GridItem>
      <GridItem>
        <Title headingLevel="h3">{t('assessment.title')}</Title>
        <ProblemAlert error={stored.error} />
        {stored.data && <AssessmentView stored={stored.data} />}
      </GridItem>
    </Grid>
  );
}
