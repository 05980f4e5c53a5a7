'use client';
import { useForm, useWatch } from 'react-hook-form';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { useApiMutation } from '@kassa/web/data-access';
import { OFFLINE_MAX_HOURS, TILL_IDLE_LOCK_SECONDS } from '@kassa/contracts';
import {
  DetailList,
  Form,
  FormActions,
  FormCheckbox,
  FormInput,
  FormMoneyInput,
  FormNumberInput,
  FormRow,
  FormSelect,
  PageHeader,
  Skeleton,
  useShopFormat,
  useToasts,
} from '@kassa/web/ui';
import { localeOptions, timeZoneOptions } from './locale-options';
import { SettingsNav } from './settings-nav';

type Tenant = Schemas['TenantDto'];
type SettingsValues = Pick<
  Tenant,
  | 'name'
  | 'locale'
  | 'currency'
  | 'timeZone'
  | 'pricesIncludeTax'
  | 'allowNegativeStock'
  | 'tillIdleLockSeconds'
  | 'offlineCardAllowed'
  | 'offlineMaxSaleMinor'
  | 'offlineMaxHours'
>;

const valuesOf = (tenant: Tenant): SettingsValues => ({
  name: tenant.name,
  locale: tenant.locale,
  currency: tenant.currency,
  timeZone: tenant.timeZone,
  pricesIncludeTax: tenant.pricesIncludeTax,
  allowNegativeStock: tenant.allowNegativeStock,
  tillIdleLockSeconds: tenant.tillIdleLockSeconds,
  offlineCardAllowed: tenant.offlineCardAllowed,
  offlineMaxSaleMinor: tenant.offlineMaxSaleMinor,
  offlineMaxHours: tenant.offlineMaxHours,
});

function SettingsForm({ tenant }: { tenant: Tenant }) {
  const toasts = useToasts();
  // The shop's name, locale and currency reach every screen through /me.
  const save = useApiMutation((http, changes: Partial<SettingsValues>) => http.PATCH('/api/v1/tenant', { body: changes }), { invalidates: [['me']] });
  const form = useForm<SettingsValues>({ defaultValues: valuesOf(tenant) });
  const currency = useWatch({ control: form.control, name: 'currency' });
  return (
    <Form
      form={form}
      label="Shop settings"
      onSubmit={async (values) => {
        const dirty = form.formState.dirtyFields;
        const changes = Object.fromEntries(Object.entries(values).filter(([field]) => dirty[field as keyof SettingsValues]));
        const saved = await save.mutateAsync(changes);
        toasts.show({ message: 'Settings saved.', tone: 'success' });
        return valuesOf(saved);
      }}
    >
      <FormInput name="name" label="Shop name" required autoComplete="organization" />
      <FormRow>
        <FormSelect
          name="locale"
          label="Language and formats"
          options={localeOptions(tenant.locale, /^[A-Z]{3}$/.test(currency) ? currency : tenant.currency)}
          hint="How money, numbers and dates are written and typed."
        />
        <FormSelect name="timeZone" label="Time zone" options={timeZoneOptions(tenant.timeZone)} hint="Days and daily figures are counted in it." />
      </FormRow>
      <FormRow>
        <FormInput name="currency" label="Currency" hint="ISO 4217 code, such as EUR." autoComplete="off" spellCheck={false} maxLength={3} />
      </FormRow>
      <FormCheckbox name="pricesIncludeTax" label="Prices include tax" />
      <FormCheckbox name="allowNegativeStock" label="Allow selling below zero stock" />
      <FormRow>
        <FormNumberInput
          name="tillIdleLockSeconds"
          label="Lock the till after"
          unit="seconds"
          required
          min={TILL_IDLE_LOCK_SECONDS.min}
          max={TILL_IDLE_LOCK_SECONDS.max}
          hint={`A till left untouched this long shows the lock screen (${TILL_IDLE_LOCK_SECONDS.min} to ${TILL_IDLE_LOCK_SECONDS.max}).`}
        />
      </FormRow>
      <FormCheckbox
        name="offlineCardAllowed"
        label="Take card payments while a till is offline"
        description="For card terminals that approve on their own. Such payments are marked for review; without this, offline tills take cash only."
      />
      <FormRow>
        <FormMoneyInput name="offlineMaxSaleMinor" label="Largest offline sale" hint="Empty: no limit. A bigger sale waits for the network." />
        <FormNumberInput
          name="offlineMaxHours"
          label="Stop selling after offline for"
          unit="hours"
          required
          min={OFFLINE_MAX_HOURS.min}
          max={OFFLINE_MAX_HOURS.max}
          hint={`Then the till asks for the network (${OFFLINE_MAX_HOURS.min} to ${OFFLINE_MAX_HOURS.max}).`}
        />
      </FormRow>
      <FormActions />
    </Form>
  );
}

/** The shop's settings; owners change them, everyone else reads them. */
export function SettingsView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const tenant = me?.tenant;
  return (
    <>
      <PageHeader title="Settings" description="How your shop works and how Kassa writes its numbers." />
      <SettingsNav />
      {!tenant ? (
        <Skeleton lines={4} label="Loading the settings" />
      ) : can('tenant:manage') ? (
        <SettingsForm key={tenant.id} tenant={tenant} />
      ) : (
        <DetailList
          items={[
            ['Shop address', tenant.slug],
            ['Language and formats', tenant.locale],
            ['Currency', tenant.currency],
            ['Time zone', tenant.timeZone],
            ['Prices', tenant.pricesIncludeTax ? 'Include tax' : 'Exclude tax'],
            ['Till locks after', `${tenant.tillIdleLockSeconds} seconds untouched`],
            [
              'Offline tills',
              `${tenant.offlineCardAllowed ? 'Cash and card' : 'Cash only'}; stop after ${tenant.offlineMaxHours} h${tenant.offlineMaxSaleMinor === null ? '' : `; sales up to ${format.money(tenant.offlineMaxSaleMinor)}`}`,
            ],
          ]}
        />
      )}
    </>
  );
}
