'use client';
import { useRef, useState, type ReactNode } from 'react';
import { FormProvider, get, useFormContext, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useShortcut } from '@kassa/web/shortcuts';
import { Button } from '../button/button';
import { cx } from '../class-names';
import { AlertIcon } from '../icons';
import { useUnsavedChangesGuard } from '../navigation/navigation-guard';
import { Dialog } from '../overlay/dialog';
import styles from './form.module.css';
import { readSubmitFailure } from './submit-failure';

export interface FormSubmitContext {
  /** True when the person chose to overwrite someone else's change: send it without If-Match. */
  overwrite: boolean;
}

export interface FormProps<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** Saves; throw the API's error on failure. Answer the saved values to start clean from them (a new version). */
  onSubmit(values: V, context: FormSubmitContext): Promise<V | void>;
  /** After a 412, "Reload" fetches the latest version and resets the form with it. */
  onReload?(): void | Promise<void>;
  /** Names the form for screen readers. */
  label: string;
  children: ReactNode;
  className?: string;
}

/**
 * A form on react-hook-form with the house behaviour: the API's field errors land on their fields
 * and its `detail` above them, a 412 asks whether to reload or overwrite, leaving with unsaved
 * changes asks first, and Ctrl/Cmd+S saves.
 */
export function Form<V extends FieldValues>({ form, onSubmit, onReload, label, children, className }: FormProps<V>) {
  const element = useRef<HTMLFormElement>(null);
  const [message, setMessage] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const { isDirty, isSubmitting } = form.formState;
  useUnsavedChangesGuard(isDirty && !isSubmitting);
  useShortcut({
    id: 'form.save',
    combo: { key: 's', mod: true },
    description: 'Save the form',
    group: 'Forms',
    allowInInputs: true,
    run: () => element.current?.requestSubmit(),
  });

  const save = (overwrite: boolean) =>
    form.handleSubmit(async (values) => {
      setMessage(undefined);
      try {
        const saved = await onSubmit(values, { overwrite });
        form.reset(saved ?? values);
      } catch (error) {
        const outcome = readSubmitFailure(error, (name) => get(values, name) !== undefined);
        if (outcome.kind === 'changed') {
          setConflict(true);
          return;
        }
        setMessage(outcome.message);
        Object.entries(outcome.fields).forEach(([name, text], index) =>
          form.setError(name as Path<V>, { type: 'server', message: text }, { shouldFocus: index === 0 }),
        );
      }
    });

  return (
    <FormProvider {...form}>
      <form ref={element} aria-label={label} className={cx(styles.form, className)} noValidate onSubmit={(event) => void save(false)(event)}>
        {message && (
          <div role="alert" className={styles.alert}>
            <AlertIcon />
            <p>{message}</p>
          </div>
        )}
        {children}
      </form>
      <Dialog
        open={conflict}
        onOpenChange={setConflict}
        role="alertdialog"
        title="Changed by someone else"
        description="Someone saved this while you were editing. Reload to see their version (your changes here are dropped), or overwrite it with yours."
        footer={
          <>
            {onReload && (
              <Button
                loading={reloading}
                data-autofocus
                onClick={async () => {
                  setReloading(true);
                  try {
                    await onReload();
                    setConflict(false);
                  } finally {
                    setReloading(false);
                  }
                }}
              >
                Reload
              </Button>
            )}
            <Button
              variant="danger"
              loading={isSubmitting}
              onClick={() => {
                setConflict(false);
                void save(true)();
              }}
            >
              Overwrite with mine
            </Button>
          </>
        }
      />
    </FormProvider>
  );
}

/** The form's buttons: Save (busy while saving, Ctrl/Cmd+S) and anything else. */
export function FormActions({ submitLabel = 'Save', children }: { submitLabel?: string; children?: ReactNode }) {
  return (
    <div className={styles.actions}>
      <FormSubmit label={submitLabel} />
      {children}
    </div>
  );
}

function FormSubmit({ label }: { label: string }) {
  const { formState } = useFormContext();
  return (
    <Button type="submit" variant="primary" loading={formState.isSubmitting} aria-keyshortcuts="Control+S Meta+S">
      {label}
    </Button>
  );
}

/** Fields side by side, wrapping on narrow screens. */
export function FormRow({ children }: { children: ReactNode }) {
  return <div className={styles.row}>{children}</div>;
}
