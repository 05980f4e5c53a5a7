'use client';
import { useState } from 'react';
import { Button, Dialog, RadioGroup } from '@kassa/web/ui';

export type ExportFormat = 'xlsx' | 'csv';

const FORMATS = [
  { value: 'xlsx', label: 'Excel workbook (.xlsx)', description: 'Typed cells: numbers, money and dates as such.' },
  { value: 'csv', label: 'CSV (.csv)', description: 'Plain text with machine values, for other systems.' },
];

/** The browser saves a downloaded file under this name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Asks which format a DataTable view is exported in and runs the download (the caller passes the
 * view's filters and visible columns to the API's export route); a failure stays in the dialog.
 */
export function ExportDialog({
  title,
  description,
  onClose,
  download,
}: {
  title: string;
  description: string;
  onClose(): void;
  download(format: ExportFormat): Promise<void>;
}) {
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function run() {
    setBusy(true);
    setProblem(undefined);
    try {
      await download(format);
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} onClick={() => void run()}>
            Download
          </Button>
        </>
      }
    >
      <RadioGroup legend="Format" options={FORMATS} value={format} onChange={(value) => setFormat(value as ExportFormat)} />
      {problem && <p role="alert">The export could not be downloaded: {problem}</p>}
    </Dialog>
  );
}
