import { Spinner } from '@kassa/web/ui';
import styles from './export-import.module.css';

/** What the import is doing now: reading the file in this browser, sending it for the dry run, or writing it. */
export type ImportStage = 'reading' | 'checking' | 'writing';

const STEPS: readonly { stage: ImportStage; label: string; busy: string }[] = [
  { stage: 'reading', label: 'Read here', busy: 'Reading the file in this browser…' },
  { stage: 'checking', label: 'Uploaded and checked', busy: 'Uploading the file and checking every row…' },
  { stage: 'writing', label: 'Written', busy: 'Writing every row, all or nothing…' },
];

/**
 * The import's steps in order (read in the browser → upload and check → write), the current one marked
 * and announced; `done` is how far the file has come.
 */
export function ImportProgress({ stage, done }: { stage: ImportStage | undefined; done: number }) {
  const current = STEPS.find((step) => step.stage === stage);
  return (
    <div className={styles.progress}>
      <ol className={styles.steps} aria-label="Import progress">
        {STEPS.map((step, index) => (
          <li
            key={step.stage}
            aria-current={step.stage === stage ? 'step' : undefined}
            data-state={step.stage === stage ? 'active' : index < done ? 'done' : 'pending'}
          >
            {step.label}
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className={styles.muted}>
        {current && (
          <>
            <Spinner /> {current.busy}
          </>
        )}
      </p>
    </div>
  );
}
