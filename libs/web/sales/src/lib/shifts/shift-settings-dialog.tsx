'use client';
import { useForm } from 'react-hook-form';
import type { Schemas } from '@kassa/api-client';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Dialog, Form, FormActions, FormMoneyInput, FormSwitch, useToasts } from '@kassa/web/ui';
import { shiftKeys } from './shift-requests';

type ShiftSettings = Schemas['ShiftSettingsDto'];
type ShiftSettingsValues = Omit<ShiftSettings, 'version'>;

/** The shop's cash rules (owners): sell only with an open shift, blind counts, the discrepancy worth an alert. */
export function ShiftSettingsDialog({ onClose }: { onClose(): void }) {
  const settings = useApiQuery(shiftKeys.settings, (http, signal) => http.GET('/api/v1/shift-settings', { signal }));
  return (
    <Dialog open onOpenChange={(next) => !next && onClose()} title="Cash rules">
      {settings.data ? (
        <ShiftSettingsForm settings={settings.data} onSaved={onClose} onReload={async () => (await settings.refetch()).data} />
      ) : (
        <p role={settings.isError ? 'alert' : 'status'}>{settings.isError ? 'The cash rules could not be loaded.' : 'Loading…'}</p>
      )}
    </Dialog>
  );
}

function ShiftSettingsForm({ settings, onSaved, onReload }: { settings: ShiftSettings; onSaved(): void; onReload(): Promise<ShiftSettings | undefined> }) {
  const toasts = useToasts();
  const form = useForm<ShiftSettingsValues>({ defaultValues: valuesOf(settings) });
  const save = useApiMutation(
    (http, { values, version }: { values: ShiftSettingsValues; version: number | undefined }) =>
      http.PATCH('/api/v1/shift-settings', { params: { header: version === undefined ? undefined : { 'If-Match': `"${version}"` } }, body: values }),
    { invalidates: [shiftKeys.settings] },
  );
  return (
    <Form
      form={form}
      label="Cash rules"
      onReload={async () => {
        const fresh = await onReload();
        if (fresh) form.reset(valuesOf(fresh));
      }}
      onSubmit={async (values, { overwrite }) => {
        const saved = await save.mutateAsync({ values, version: overwrite ? undefined : settings.version });
        toasts.show({ message: 'Cash rules saved.', tone: 'success' });
        onSaved();
        return valuesOf(saved);
      }}
    >
      <FormSwitch
        name="requireOpenShift"
        label="Sell only with an open shift"
        description="A till refuses to take payment until its register's shift is open."
      />
      <FormSwitch name="blindCount" label="Blind count" description="Cashiers count the drawer without seeing the expected amount; it shows on the Z-report." />
      <FormMoneyInput
        name="discrepancyThresholdMinor"
        label="Alert when over or short by more than"
        hint="A close beyond this records a cash discrepancy event (webhooks, live updates). 0: every difference."
        required
      />
      <FormActions />
    </Form>
  );
}

const valuesOf = ({ requireOpenShift, blindCount, discrepancyThresholdMinor }: ShiftSettings): ShiftSettingsValues => ({
  requireOpenShift,
  blindCount,
  discrepancyThresholdMinor,
});
