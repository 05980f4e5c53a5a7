'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportKind } from '@kassa/spreadsheet-core';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import { Badge, Button, EmptyState, PageHeader, Select, useShopLocale, useToasts } from '@kassa/web/ui';
import { confirmedMapping, fieldLabel, fieldsMappedTwice, importFields, proposeMapping, type ColumnMapping, type MappedColumn } from './column-mapping';
import type { FilePreview } from './import-preview';
import { ImportProgress, type ImportStage } from './import-progress';
import { startPreviewWorker, type PreviewClient } from './preview-client';
import { importForm } from './import-request';
import { canCommit, summarizeImport, type ImportResult, type ImportSummary } from './import-summary';
import styles from './export-import.module.css';
import { countOf } from '@kassa/contracts';

interface PickedFile {
  file: File;
  bytes: Uint8Array;
  columns: MappedColumn[];
  local: FilePreview;
}

const IMPORT_PATH = { products: '/api/v1/products/import', counts: '/api/v1/inventory/counts/import' } as const;

/**
 * A spreadsheet into the shop, all or nothing: pick a file (read here, by libs/spreadsheet-core),
 * confirm which column feeds which field, see the API's dry run, then commit.
 */
export function ImportView({
  kind,
  title,
  back,
  extraFields = {},
}: {
  kind: ImportKind;
  title: string;
  back: { href: string; label: string };
  extraFields?: Record<string, string>;
}) {
  const { can } = useSession();
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const shop = useShopLocale();
  const [picked, setPicked] = useState<PickedFile>();
  const [summary, setSummary] = useState<ImportSummary>();
  const [stage, setStage] = useState<ImportStage>();
  const reader = useRef<PreviewClient | null>(null);
  // Only the newest reading may land: a file picked again (or a column remapped) while one is read wins.
  const reading = useRef(0);
  useEffect(() => () => reader.current?.close(), []);
  const remembered = useApiQuery(['import-mapping', kind], (http, signal) =>
    http.GET('/api/v1/import-mappings/{kind}', { params: { path: { kind } }, signal }),
  );

  const send = async (dryRun: boolean, mapping: ColumnMapping): Promise<ImportResult> => {
    if (!picked) throw new Error('no file picked');
    const form = importForm(picked.file, picked.file.name, mapping, dryRun, extraFields);
    // The route takes a multipart form; openapi-fetch sends FormData as it is with this serializer.
    return callApi(access, (http) =>
      http.POST(IMPORT_PATH[kind], { body: form as never, bodySerializer: (body: unknown) => body as FormData }),
    ) as Promise<ImportResult>;
  };

  /** Reads the file in the worker (the same reading the API does); undefined when a newer reading started meanwhile. */
  const read = async (bytes: Uint8Array, fileName: string, mapping?: ColumnMapping): Promise<FilePreview | undefined> => {
    const ticket = ++reading.current;
    setStage('reading');
    try {
      reader.current ??= startPreviewWorker();
      const preview = await reader.current.preview({ bytes, fileName, kind, shop: { locale: shop.locale, currency: shop.currency }, mapping });
      return ticket === reading.current ? preview : undefined;
    } finally {
      if (ticket === reading.current) setStage(undefined);
    }
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setSummary(undefined);
    if (!file) return setPicked(undefined);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const headers = await read(bytes, file.name);
      if (!headers) return;
      const columns = headers.readable ? proposeMapping(headers.headers, kind, remembered.data?.mapping) : [];
      const local = headers.readable ? await read(bytes, file.name, confirmedMapping(columns)) : headers;
      if (local) setPicked({ file, bytes, columns, local });
    } catch {
      toasts.show({ message: 'The file could not be read here. Try again.', tone: 'error' });
    }
  };

  const remap = async (header: string, field: string) => {
    if (!picked) return;
    const columns = picked.columns.map((column) => (column.header === header ? { ...column, field: field || null } : column));
    setSummary(undefined);
    setPicked({ ...picked, columns });
    try {
      const local = await read(picked.bytes, picked.file.name, confirmedMapping(columns));
      if (local) setPicked({ ...picked, columns, local });
    } catch {
      toasts.show({ message: 'The file could not be read here. Try again.', tone: 'error' });
    }
  };

  const check = async () => {
    if (!picked) return;
    const mapping = confirmedMapping(picked.columns);
    setStage('checking');
    try {
      await callApi(access, (http) => http.PUT('/api/v1/import-mappings/{kind}', { params: { path: { kind } }, body: { mapping } }));
      setSummary(summarizeImport(await send(true, mapping)));
    } catch {
      toasts.show({ message: 'The file could not be checked. Try again.', tone: 'error' });
    } finally {
      setStage(undefined);
    }
  };

  const commit = async () => {
    if (!picked) return;
    setStage('writing');
    try {
      const result = await send(false, confirmedMapping(picked.columns));
      await queryClient.invalidateQueries();
      toasts.show({
        message:
          'counted' in result
            ? `Count posted: ${countOf(result.changed, 'product', 'products')} changed on hand.`
            : `Imported: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged.`,
        tone: 'success',
      });
      setPicked(undefined);
      setSummary(undefined);
    } catch {
      toasts.show({ message: 'Nothing was imported: the file changed or the shop did. Check it again.', tone: 'error' });
    } finally {
      setStage(undefined);
    }
  };

  if (!can(kind === 'products' ? 'catalog:manage' : 'inventory:manage')) {
    return <EmptyState title="Imports are for managers" description="Ask an owner or a manager to import this file." />;
  }
  const twice = picked ? fieldsMappedTwice(picked.columns) : [];
  const fieldOptions = importFields(kind).map((field) => ({ value: field, label: fieldLabel(field) }));

  return (
    <>
      <PageHeader title={title} back={back} description="CSV, TSV, xlsx, xls or ods, read in the shop's number format. Nothing is written until you commit." />
      <ImportProgress stage={stage} done={summary ? 2 : picked?.local.readable ? 1 : 0} />
      <section className={styles.step} aria-labelledby="import-file">
        <h2 id="import-file">1. File</h2>
        <label className={styles.file}>
          <span className={styles.fileButton}>Choose a spreadsheet</span>
          {/* Ready once the shop's remembered mapping is known: the columns step is proposed from it. */}
          <input
            className={styles.fileInput}
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.xls,.ods"
            disabled={remembered.isPending}
            onChange={(event) => void pick(event)}
          />
          <span className={styles.muted}>{picked ? picked.file.name : 'No file chosen yet.'}</span>
        </label>
        {picked && !picked.local.readable && (
          <p className={styles.notice} role="alert">
            {picked.local.message}
          </p>
        )}
      </section>

      {picked && picked.columns.length > 0 && (
        <section className={styles.step} aria-labelledby="import-columns">
          <h2 id="import-columns">2. Columns</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Column in the file</th>
                <th scope="col">Imported as</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {picked.columns
                .filter((column) => column.header.trim() !== '')
                .map((column) => (
                  <tr key={column.header}>
                    <th scope="row">{column.header}</th>
                    <td>
                      <Select
                        label={`Field for ${column.header}`}
                        hideLabel
                        placeholder="Ignore this column"
                        options={fieldOptions}
                        value={column.field ?? ''}
                        error={column.field && twice.includes(column.field) ? 'Another column gives this field' : undefined}
                        onChange={(event) => void remap(column.header, event.target.value)}
                      />
                    </td>
                    <td>{column.source === 'remembered' ? <Badge tone="ok">Remembered</Badge> : column.source === 'synonym' ? 'Header' : '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {picked.local.readable && (
            <p className={styles.muted}>
              {countOf(picked.local.rows, 'row', 'rows')} read here; {countOf(picked.local.problems.length, 'cell', 'cells')} that cannot be read;{' '}
              {countOf(picked.local.notes.length, 'value', 'values')} to look at.
            </p>
          )}
          <Button onClick={() => void check()} disabled={twice.length > 0 || !picked.local.readable || stage === 'reading'} loading={stage === 'checking'}>
            Check the file
          </Button>
        </section>
      )}

      {summary && (
        <section className={styles.step} aria-labelledby="import-check">
          <h2 id="import-check">3. Check</h2>
          <p className={styles.counts}>
            {kind === 'products' ? (
              <>
                <Badge tone="ok">{summary.create} new</Badge>
                <Badge tone="ok">{summary.update} changed</Badge>
                <Badge tone="neutral">{summary.unchanged} unchanged</Badge>
              </>
            ) : (
              <>
                <Badge tone="ok">{summary.update} to change on hand</Badge>
                <Badge tone="neutral">{summary.unchanged} already right</Badge>
              </>
            )}
            <Badge tone={summary.failing ? 'error' : 'neutral'}>{summary.failing} with errors</Badge>
          </p>
          {[
            ['Errors', summary.errors],
            ['Values read with a change', summary.notes],
          ].map(([caption, issues]) =>
            (issues as ImportSummary['errors']).length === 0 ? null : (
              <table key={caption as string} className={styles.table}>
                <caption>{caption as string}</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Field</th>
                    <th scope="col">What</th>
                  </tr>
                </thead>
                <tbody>
                  {(issues as ImportSummary['errors']).map((issue) => (
                    <tr key={`${issue.row}-${issue.field}-${issue.message}`}>
                      <td>{issue.line ?? issue.row}</td>
                      <td>{fieldLabel(issue.field)}</td>
                      <td>{issue.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
          <Button onClick={() => void commit()} disabled={!canCommit(summary)} loading={stage === 'writing'}>
            Import all rows
          </Button>
        </section>
      )}
    </>
  );
}
