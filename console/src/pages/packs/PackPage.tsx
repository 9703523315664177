import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionGroup, Alert, Button, Content, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalBody, ModalFooter,
  ModalHeader, PageSection, Spinner, Stack, TextArea, Title, ToggleGroup, ToggleGroupItem,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { tenants } from '../../api/client';
import { ApiError, call, ProblemAlert } from '../../app/problems';
import { TextField } from '../../app/fields';
import { IsoDate, PassFail } from '../../app/bits';
import { useMe } from '../../app/MeContext';
import { NoTenant } from './Packs';
import ImpactSection from './Impact';
import { changes, inForce, todayUtc, usePack, usePacks, usePolicySchema, type Change, type Json, type PolicyPack, type SampleCaseRun } from './packs';
import { PackEditor } from './PackEditor';
import { errorSchemaOf } from './schemaForm';

const MAX_CHANGES_NAMED = 12;

/** One version: its document (editable while a draft), what it changes, its sample cases, and publishing. */
export default function PackPage() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const me = useMe();
  const version = Number(useParams().version);
  const tenantId = me.tenant ?? '';
  const queries = useQueryClient();
  const packs = usePacks(tenantId);
  const pack = usePack(tenantId, version);
  const current = packs.data ? inForce(packs.data, todayUtc()) : undefined;
  const others = (packs.data ?? []).filter((p) => p.version !== version).sort((a, b) => b.version - a.version);
  const [compareWith, setCompareWith] = useState<number | undefined>();
  const base = compareWith ?? (current && current.version !== version ? current.version : others[0]?.version);

  const heading = useRef<HTMLHeadingElement>(null);
  if (!me.tenant) return <NoTenant />;
  if (pack.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (!pack.data) {
    return (
      <PageSection>
        <Title headingLevel="h1">{t('packs.version', { version })}</Title>
        <ProblemAlert error={pack.error} />
      </PageSection>
    );
  }
  const draft = pack.data.status === 'DRAFT';
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['packs', tenantId] });
    void queries.invalidateQueries({ queryKey: ['pack-changes', tenantId] }); // what a saved draft changes, read again
  };
  return (
    <>
      <PageSection>
        <Content component="p">
          <Link to="/packs">{t('packs.back')}</Link>
        </Content>
        <Title headingLevel="h1" ref={heading} tabIndex={-1}>{t('packs.version', { version })}</Title>
        <Content component="p" aria-live="polite">
          {t(`packs.status.${pack.data.status}`)}
          {pack.data.effectiveFrom && (
            <>
              {' — '}
              {t('packs.effectiveFrom')} <IsoDate value={pack.data.effectiveFrom} long />
            </>
          )}
          {current?.version === version && <> — {t('packs.inForceLabel')}</>}
        </Content>
      </PageSection>
      <PageSection aria-labelledby="diff-heading">
        <Title headingLevel="h2" id="diff-heading">
          {t('packs.diff.title')}
        </Title>
        {others.length === 0 ? (
          <Content component="p">{t('packs.diff.none')}</Content>
        ) : (
          <>
            <Form onSubmit={(e) => e.preventDefault()}>
              <FormGroup label={t('packs.diff.compareWith')} fieldId="compare-with">
                <FormSelect id="compare-with" value={String(base)} onChange={(_e, v) => setCompareWith(Number(v))}>
                  {others.map((p) => (
                    <FormSelectOption key={p.version} value={String(p.version)}
                      label={`${t('packs.version', { version: p.version })}${current?.version === p.version ? ` (${t('packs.inForceLabel')})` : ''}`} />
                  ))}
                </FormSelect>
              </FormGroup>
            </Form>
            {base !== undefined && <Changes tenantId={tenantId} from={base} to={version} />}
          </>
        )}
      </PageSection>
      <DocumentSection tenantId={tenantId} version={version} document={pack.data.document as Json} editable={draft} onSaved={refresh} />
      <SampleCases tenantId={tenantId} version={version} />
      {draft && <ImpactSection version={version} inForce={current?.version} />}
      {draft && (
        <Publish tenantId={tenantId} version={version} packs={packs.data ?? []}
          onPublished={() => {
            refresh();
            heading.current?.focus(); // the section with the focused button is gone: the page's heading says what it is now
          }} />
      )}
    </>
  );
}

function useChanges(tenantId: string, from: number | undefined, to: number) {
  return useQuery({
    queryKey: ['pack-changes', tenantId, from, to],
    enabled: from !== undefined,
    queryFn: async () => {
      const path = { tenantId, version: from! };
      const [source, patch] = await Promise.all([
        call(tenants.GET('/api/v1/tenants/{tenantId}/policy-packs/{version}', { params: { path } })),
        call(tenants.GET('/api/v1/tenants/{tenantId}/policy-packs/{version}/diff', { params: { path, query: { to } } })),
      ]);
      return changes(patch, source.document as Json);
    },
  });
}

/** A value as a lawyer reads it: words for yes and no, lists joined, objects as compact JSON; absent as a dash. */
function Value({ value }: { value?: Json }) {
  const intl = useIntl();
  if (value === undefined || value === null) return <>{intl.formatMessage({ id: 'common.none' })}</>;
  if (typeof value === 'boolean') return <>{intl.formatMessage({ id: value ? 'common.yes' : 'common.no' })}</>;
  if (typeof value === 'string' || typeof value === 'number') return <span translate="no">{String(value)}</span>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return <span translate="no">{value.join(', ')}</span>;
  return <code translate="no" style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 1)}</code>;
}

/** The changes between two versions side by side: where (the pack's own keys, as a path), before, after. */
function Changes({ tenantId, from, to }: { tenantId: string; from: number; to: number }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const diff = useChanges(tenantId, from, to);
  if (diff.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (diff.error) return <ProblemAlert error={diff.error} />;
  const list: Change[] = diff.data ?? [];
  if (list.length === 0) return <Content component="p">{t('packs.diff.same', { from, to })}</Content>;
  return (
    <Table variant="compact" aria-label={t('packs.diff.caption', { from, to, count: list.length })}>
      <Caption>{t('packs.diff.caption', { from, to, count: list.length })}</Caption>
      <Thead>
        <Tr>
          <Th>{t('packs.diff.where')}</Th>
          <Th>{t('packs.version', { version: from })}</Th>
          <Th>{t('packs.version', { version: to })}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {list.map((c, i) => (
          <Tr key={i}>
            <Th scope="row">
              <span translate="no">{c.where.join(' › ')}</span>
            </Th>
            <Td dataLabel={t('packs.version', { version: from })}>
              <Value value={c.before} />
            </Td>
            <Td dataLabel={t('packs.version', { version: to })}>
              <Value value={c.after} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/**
 * The document in two views of one draft, saved with PUT while a draft: a form generated from the pack's schema (the
 * server's violations shown at their fields) and the JSON (the violations listed with their paths). A draft opens as
 * the form, where it is edited; a published version as JSON, the whole of it at a glance (its form is read-only).
 */
export function DocumentSection({ tenantId, version, document, editable, onSaved }: {
  tenantId: string; version: number; document: Json; editable: boolean; onSaved: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const queries = useQueryClient();
  const schema = usePolicySchema();
  const [view, setView] = useState<'form' | 'json'>(editable ? 'form' : 'json');
  const [draft, setDraft] = useState<Json>(document);
  const [text, setText] = useState(() => JSON.stringify(document, null, 2));
  useEffect(() => {
    setDraft(document);
    setText(JSON.stringify(document, null, 2));
  }, [document]);
  const [syntax, setSyntax] = useState<{ message: string; toForm?: boolean }>();
  const [edited, setEdited] = useState(false); // "saved" says so of what is on screen only
  const save = useMutation({
    mutationFn: (body: string) =>
      call(tenants.PUT('/api/v1/tenants/{tenantId}/policy-packs/{version}', {
        params: { path: { tenantId, version } }, body: JSON.parse(body) as Record<string, unknown>, // checked before: parsed()
      })),
    onMutate: () => setEdited(false),
    onSuccess: (saved) => {
      queries.setQueryData(['packs', tenantId, version], saved);
      onSaved();
    },
  });
  // the last save's violations stay at their fields while they are corrected, until the next save
  const { errorSchema, placed } = useMemo(
    () => errorSchemaOf(save.error instanceof ApiError ? save.error.problem.violations ?? [] : []), [save.error]);
  const formSchema = view === 'form' ? schema.data : undefined; // the JSON view stands in when the schema cannot be read
  const shown = formSchema ? 'form' : view === 'form' && schema.isPending ? 'pending' : 'json';
  const editText = (value: string) => {
    setText(value);
    setEdited(true);
  };
  const editForm = (next: Json) => {
    setDraft(next);
    setEdited(true);
  };
  /** The JSON as a document, or undefined with the browser's words for where it breaks. */
  const parsed = (toForm?: boolean): Json | undefined => {
    try {
      const value = JSON.parse(text) as Json;
      setSyntax(undefined);
      return value;
    } catch (error) {
      setSyntax({ message: error instanceof Error ? error.message : String(error), toForm });
      return undefined;
    }
  };
  const show = (next: 'form' | 'json') => {
    if (next === shown) return;
    if (next === 'json') {
      setText(JSON.stringify(draft, null, 2));
      setSyntax(undefined);
      setView('json');
      return;
    }
    const value = parsed(true); // JSON that does not parse has no form: the JSON stays, and says why
    if (value === undefined) return;
    setDraft(value);
    setView('form');
  };
  const submitText = (e: FormEvent) => {
    e.preventDefault();
    if (parsed() !== undefined) save.mutate(text);
  };
  const footer = (
    <>
      <ProblemAlert error={save.error} shownFields={shown === 'form' ? placed : []} />
      <div aria-live="polite">{save.isSuccess && !edited && <Alert variant="success" isInline title={t('packs.document.saved')} />}</div>
      {editable && (
        <ActionGroup>
          <Button type="submit" variant="primary" isLoading={save.isPending} isDisabled={save.isPending}>
            {t('packs.document.save')}
          </Button>
        </ActionGroup>
      )}
    </>
  );
  const intro = shown === 'json' ? (editable ? 'packs.document.editIntro' : 'packs.document.readIntro') : editable ? 'packs.editor.formIntro' : 'packs.editor.formReadIntro';
  return (
    <PageSection aria-labelledby="document-heading">
      <Stack hasGutter>
        <Title headingLevel="h2" id="document-heading">
          {t('packs.document.title')}
        </Title>
        <Content component="p">{t(intro)}</Content>
        <ToggleGroup aria-label={t('packs.editor.view')}>
          <ToggleGroupItem buttonId="pack-view-form" text={t('packs.editor.form')} isSelected={shown !== 'json'} isDisabled={schema.isError}
            onChange={() => show('form')} />
          <ToggleGroupItem buttonId="pack-view-json" text={t('packs.editor.json')} isSelected={shown === 'json'} onChange={() => show('json')} />
        </ToggleGroup>
        {schema.isError && <Alert variant="warning" isInline title={t('packs.editor.schemaMissing')} />}
        {shown === 'pending' && <Spinner aria-label={t('common.loading')} />}
        {formSchema && (
          <PackEditor schema={formSchema} document={draft} onChange={editForm} errorSchema={errorSchema} readonly={!editable}
            onSubmit={(value) => save.mutate(JSON.stringify(value, null, 2))}>
            {footer}
          </PackEditor>
        )}
        {shown === 'json' && (
          <Form onSubmit={submitText}>
            <FormGroup label={t('packs.document.json')} fieldId="pack-json">
              <TextArea id="pack-json" value={text} onChange={(_e, v) => editText(v)} readOnlyVariant={editable ? undefined : 'default'}
                rows={24} resizeOrientation="vertical" spellCheck={false} style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
                validated={syntax ? 'error' : 'default'} aria-describedby={syntax ? 'pack-json-syntax' : undefined} />
            </FormGroup>
            <div aria-live="polite">
              {syntax && (
                <Alert id="pack-json-syntax" variant="danger" isInline title={t('packs.document.syntax')}>
                  {/* the browser's own words for where the JSON breaks */}
                  <span lang="en">{syntax.message}</span>
                  {syntax.toForm && <p>{t('packs.editor.jsonFirst')}</p>}
                </Alert>
              )}
            </div>
            {footer}
          </Form>
        )}
      </Stack>
    </PageSection>
  );
}

/** Runs the version's own sample cases through the assessment: each passes, or says what the engine gave instead. */
function SampleCases({ tenantId, version }: { tenantId: string; version: number }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const run = useMutation({
    mutationFn: () => call(tenants.POST('/api/v1/tenants/{tenantId}/policy-packs/{version}/sample-cases', { params: { path: { tenantId, version } } })),
  });
  const result: SampleCaseRun | undefined = run.data;
  return (
    <PageSection aria-labelledby="cases-heading">
      <Title headingLevel="h2" id="cases-heading">
        {t('packs.cases.title')}
      </Title>
      <Content component="p">{t('packs.cases.intro')}</Content>
      <Button variant="secondary" onClick={() => run.mutate()} isLoading={run.isPending} isDisabled={run.isPending}>
        {t('packs.cases.run')}
      </Button>
      <div aria-live="polite">
        {run.isPending && <Content component="p">{t('packs.cases.running')}</Content>}
        {result && <Content component="p">{t('packs.cases.summary', { passed: result.passed, failed: result.failed })}</Content>}
      </div>
      <ProblemAlert error={run.error} />
      {result && (
        <>
          {result.cases.length > 0 && (
            <Table variant="compact" aria-labelledby="cases-heading">
              <Caption>{t('packs.cases.caption')}</Caption>
              <Thead>
                <Tr>
                  <Th>{t('packs.cases.col.case')}</Th>
                  <Th>{t('packs.cases.col.result')}</Th>
                  <Th>{t('packs.cases.col.why')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {result.cases.map((c) => (
                  <Tr key={c.index}>
                    <Th scope="row">
                      <code translate="no">{c.id}</code>
                    </Th>
                    <Td dataLabel={t('packs.cases.col.result')}>
                      <PassFail passed={c.passed}>{t(c.passed ? 'packs.cases.passed' : 'packs.cases.failed')}</PassFail>
                    </Td>
                    <Td dataLabel={t('packs.cases.col.why')}>
                      {c.problems.length > 0 && (
                        <ul>
                          {c.problems.map((p) => (
                            <li key={p} translate="no">{p}</li>
                          ))}
                        </ul>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </>
      )}
    </PageSection>
  );
}

/** Publishing from an effective date, after a confirmation that names what changes against the version in force. */
function Publish({ tenantId, version, packs, onPublished }: {
  tenantId: string; version: number; packs: PolicyPack[]; onPublished: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const queries = useQueryClient();
  const [date, setDate] = useState(todayUtc());
  const [confirming, setConfirming] = useState(false);
  // what it replaces on its effective date: the version in force then
  const against = inForce(packs.filter((p) => p.version !== version), date)?.version;
  const diff = useChanges(tenantId, confirming ? against : undefined, version);
  const publish = useMutation({
    mutationFn: () =>
      call(tenants.POST('/api/v1/tenants/{tenantId}/policy-packs/{version}/publish', {
        params: { path: { tenantId, version } }, body: { effectiveFrom: date },
      })),
    onSuccess: (published) => {
      setConfirming(false);
      queries.setQueryData(['packs', tenantId, version], published);
      onPublished();
    },
  });
  const named = (diff.data ?? []).slice(0, MAX_CHANGES_NAMED);
  return (
    <PageSection aria-labelledby="publish-heading">
      <Title headingLevel="h2" id="publish-heading">
        {t('packs.publish.title')}
      </Title>
      <Content component="p">{t('packs.publish.intro')}</Content>
      <Form onSubmit={(e) => { e.preventDefault(); setConfirming(true); }}>
        <TextField field="effectiveFrom" type="date" label={t('packs.publish.effectiveFrom')} value={date} onChange={setDate} isRequired />
        <ActionGroup>
          <Button type="submit" variant="primary">
            {t('packs.publish.open')}
          </Button>
        </ActionGroup>
      </Form>
      {!confirming && <ProblemAlert error={publish.error} />}
      <Modal isOpen={confirming} onClose={() => setConfirming(false)} variant="medium" aria-labelledby="publish-title" aria-describedby="publish-body">
        <ModalHeader title={t('packs.publish.confirmTitle', { version })} labelId="publish-title" />
        <ModalBody>
          <div id="publish-body">
            <Content component="p">{t('packs.publish.when', { version, date: intl.formatDate(`${date}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) })}</Content>
            {against === undefined ? (
              <Content component="p">{t('packs.publish.first')}</Content>
            ) : diff.isPending ? (
              <Spinner aria-label={t('common.loading')} />
            ) : diff.error ? (
              <ProblemAlert error={diff.error} />
            ) : (
              <>
                <Content component="p">{t('packs.publish.changes', { count: diff.data?.length ?? 0, against })}</Content>
                <ul>
                  {named.map((c, i) => (
                    <li key={i} translate="no">{c.where.join(' › ')}</li>
                  ))}
                </ul>
                {(diff.data?.length ?? 0) > named.length && (
                  <Content component="p">{t('packs.publish.more', { count: (diff.data?.length ?? 0) - named.length })}</Content>
                )}
              </>
            )}
            <Content component="p">{t('packs.publish.cases')}</Content>
          </div>
          <ProblemAlert error={publish.error} />
        </ModalBody>
        <ModalFooter>
          <Button variant="primary" onClick={() => publish.mutate()} isLoading={publish.isPending} isDisabled={publish.isPending}>
            {t('packs.publish.confirm')}
          </Button>
          <Button variant="link" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </PageSection>
  );
}
