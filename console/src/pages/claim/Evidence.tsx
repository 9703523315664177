import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionGroup, Alert, Button, Content, Form, FormGroup, PageSection, Progress, Title,
} from '@patternfly/react-core';
import { Table, Caption, Thead, Tr, Th, Tbody, Td } from '@patternfly/react-table';
import { DownloadIcon, UploadIcon } from '@patternfly/react-icons';
import { FormattedDate, FormattedNumber, useIntl } from 'react-intl';
import { bearerToken, documents } from '../../api/client';
import type { components, operations } from '../../api/generated/documents';
import { ApiError, call, fieldErrors, problemFromBody, ProblemAlert } from '../../app/problems';
import { ENUMS, useEnumLabel } from '../../app/enums';
import { SelectField, TextField } from '../../app/fields';

type Document = components['schemas']['Document'];
type Category = components['schemas']['Category'];
type UploadQuery = operations['upload']['parameters']['query'];

/** A raw-body upload (docs/documents.md) through XMLHttpRequest, for its upload progress events. */
function upload(query: UploadQuery, file: File, onProgress: (fraction: number) => void): Promise<Document> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/documents?${params}`);
    const token = bearerToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as Document);
      else reject(problemFromBody(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

/** Downloads with the bearer token (no cookie carries it), then hands the browser a blob. */
async function download(doc: Document) {
  const response = await fetch(`/api/v1/documents/${doc.id}/content`, {
    headers: { Authorization: `Bearer ${bearerToken() ?? ''}` },
  });
  if (!response.ok) throw problemFromBody(response.status, await response.text(), response.headers.get('Retry-After'));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function Evidence({ claimId }: { claimId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never);
  const label = useEnumLabel();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['documents', claimId],
    queryFn: () => call(documents.GET('/api/v1/documents', { params: { query: { claimId } } })),
  });
  const [category, setCategory] = useState<Category | ''>('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Document | null>(null);
  const [dragging, setDragging] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !category) return;
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      const doc = await upload({ claimId, category, filename: file.name, description: description || undefined }, file, setProgress);
      setDone(doc);
      setFile(null);
      setDescription('');
      if (input.current) input.current.value = '';
      void client.invalidateQueries({ queryKey: ['documents', claimId] });
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files?.[0];
    if (dropped) setFile(dropped);
  };
  const errors = fieldErrors(error);
  const status = error instanceof ApiError ? error.status : undefined;

  return (
    <PageSection aria-labelledby="evidence-heading">
      <Title headingLevel="h2" id="evidence-heading">
        {t('evidence.title')}
      </Title>
      <ProblemAlert error={list.error} />
      {list.data && list.data.length === 0 && <Content component="p">{t('evidence.none')}</Content>}
      {list.data && list.data.length > 0 && (
        <Table variant="compact" aria-label={t('evidence.title')}>
          <Caption>{t('evidence.caption')}</Caption>
          <Thead>
            <Tr>
              <Th>{t('evidence.filename')}</Th>
              <Th>{t('evidence.category')}</Th>
              <Th>{t('evidence.size')}</Th>
              <Th>{t('evidence.sha256')}</Th>
              <Th>{t('evidence.uploaded')}</Th>
              <Th screenReaderText={t('evidence.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {list.data.map((d) => (
              <Tr key={d.id}>
                <Td dataLabel={t('evidence.filename')}>
                  <span translate="no">{d.filename}</span>
                </Td>
                <Td dataLabel={t('evidence.category')}>{label('category', d.category)}</Td>
                <Td dataLabel={t('evidence.size')}>
                  <FormattedNumber value={d.sizeBytes / 1024} maximumFractionDigits={1} /> {t('evidence.kb')}
                </Td>
                <Td dataLabel={t('evidence.sha256')}>
                  <code style={{ wordBreak: 'break-all', fontSize: '0.8em' }}>{d.sha256}</code>
                </Td>
                <Td dataLabel={t('evidence.uploaded')}>
                  <FormattedDate value={d.createdAt} dateStyle="medium" timeStyle="short" />
                </Td>
                <Td>
                  {d.status === 'AVAILABLE' ? (
                    <Button
                      variant="link"
                      icon={<DownloadIcon />}
                      onClick={() => download(d).then(() => setDownloadError(null), setDownloadError)}
                      aria-label={t('evidence.downloadFile', { name: d.filename })}
                    >
                      {t('evidence.download')}
                    </Button>
                  ) : (
                    t('evidence.deleted')
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <ProblemAlert error={downloadError} />

      <Title headingLevel="h3" style={{ marginTop: '1rem' }}>
        {t('evidence.add')}
      </Title>
      <Form onSubmit={submit}>
        <SelectField
          field="category"
          label={t('evidence.category')}
          value={category}
          onChange={(v) => setCategory(v as Category)}
          isRequired
          emptyLabel={t('common.choose')}
          options={ENUMS.category.filter((c) => c !== 'DECISION_NOTICE').map((c) => ({ value: c, label: label('category', c) }))}
          error={errors['category']}
        />
        <FormGroup label={t('evidence.file')} fieldId="evidence-file" isRequired>
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            style={{
              border: `2px dashed var(--pf-t--global--border--color--${dragging ? 'clicked' : 'default'})`,
              borderRadius: 8,
              padding: '1rem',
            }}
          >
            <Content component="p" id="evidence-drop-help">
              <UploadIcon aria-hidden="true" /> {t('evidence.dropHelp')}
            </Content>
            <input
              ref={input}
              id="evidence-file"
              type="file"
              aria-describedby="evidence-drop-help"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {file && (
              <Content component="p" aria-live="polite">
                {t('evidence.chosen', { name: file.name })}
              </Content>
            )}
          </div>
        </FormGroup>
        <TextField field="description" label={t('evidence.description')} value={description} onChange={setDescription} error={errors['description']} />
        {progress !== null && (
          <Progress value={Math.round(progress * 100)} title={t('evidence.uploading')} aria-label={t('evidence.uploading')} />
        )}
        {status === 413 && <Alert variant="warning" isInline title={t('evidence.tooLarge')} />}
        {status === 415 && <Alert variant="warning" isInline title={t('evidence.wrongType')} />}
        <ProblemAlert error={error} shownFields={['category', 'description']} />
        {done && (
          <Alert variant="success" isInline title={t('evidence.uploaded.ok', { name: done.filename })} aria-live="polite">
            {t('evidence.sha256')}: <code style={{ wordBreak: 'break-all' }}>{done.sha256}</code>
          </Alert>
        )}
        <ActionGroup>
          <Button type="submit" icon={<UploadIcon />} isDisabled={!file || !category || progress !== null} isLoading={progress !== null}>
            {t('evidence.upload')}
          </Button>
        </ActionGroup>
      </Form>
    </PageSection>
  );
}
