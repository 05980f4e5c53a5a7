'use client';
import { callApi, useApiAccess } from '@kassa/web/data-access';
import { ExportDialog, saveFile, type ExportFormat } from '@kassa/web/export-import';
import { ledgerExportColumns, levelExportColumns } from './export-columns';

/** The levels view as a file: its store and its visible columns. */
export function LevelsExportDialog({ storeId, columns, onClose }: { storeId: string | undefined; columns: readonly string[]; onClose(): void }) {
  const access = useApiAccess();
  const download = async (format: ExportFormat) => {
    const file = await callApi(access, (http) =>
      http.GET('/api/v1/inventory/levels/export', {
        params: { query: { format, storeId, columns: levelExportColumns(columns), ...(format === 'csv' ? { bom: true } : {}) } },
        parseAs: 'blob',
      }),
    );
    saveFile(file as Blob, `stock-levels.${format}`);
  };
  return (
    <ExportDialog
      title="Export stock levels"
      description="The levels of the chosen store (or every store you can see), with the columns shown."
      onClose={onClose}
      download={download}
    />
  );
}

/** The ledger view as a file: its store and its visible columns, oldest first. */
export function LedgerExportDialog({ storeId, columns, onClose }: { storeId: string | undefined; columns: readonly string[]; onClose(): void }) {
  const access = useApiAccess();
  const download = async (format: ExportFormat) => {
    const file = await callApi(access, (http) =>
      http.GET('/api/v1/inventory/ledger/export', {
        params: { query: { format, storeId, columns: ledgerExportColumns(columns), ...(format === 'csv' ? { bom: true } : {}) } },
        parseAs: 'blob',
      }),
    );
    saveFile(file as Blob, `stock-ledger.${format}`);
  };
  return (
    <ExportDialog
      title="Export the ledger"
      description="Every movement of the chosen store (or every store you can see), oldest first, with the columns shown."
      onClose={onClose}
      download={download}
    />
  );
}
