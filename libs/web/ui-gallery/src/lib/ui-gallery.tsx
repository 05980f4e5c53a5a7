'use client';
import { useState } from 'react';
import { ThemeSwitcher } from '@kassa/web/theme';
import { PageHeader, Select, ShopLocaleProvider, type ShopLocale } from '@kassa/web/ui';
import { ActionsSection } from './actions-section';
import { ChoicesSection } from './choices-section';
import { DatesSection } from './dates-section';
import { FieldsSection } from './fields-section';
import { FormSection } from './form-section';
import styles from './gallery.module.css';
import { LayoutSection } from './layout-section';
import { OverlaysSection } from './overlays-section';
import { StatesSection } from './states-section';
import { TableSection } from './table-section';

const SHOPS: Record<string, ShopLocale> = {
  'en-US': { locale: 'en-US', currency: 'USD', timeZone: 'America/New_York' },
  'de-DE': { locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' },
  'fr-CH': { locale: 'fr-CH', currency: 'CHF', timeZone: 'Europe/Zurich' },
  'ja-JP': { locale: 'ja-JP', currency: 'JPY', timeZone: 'Asia/Tokyo' },
};

const SECTIONS = [
  ['actions', 'Buttons'],
  ['fields', 'Fields'],
  ['choices', 'Choices'],
  ['dates', 'Dates'],
  ['overlays', 'Dialogs'],
  ['layout', 'Layout'],
  ['states', 'States'],
  ['table', 'DataTable'],
  ['form', 'Form'],
] as const;

/** Every component of libs/web/ui in its states: the reference for new screens and the visual test page. */
export function UiGallery() {
  const [shop, setShop] = useState('de-DE');
  return (
    <main className={styles.page}>
      <PageHeader title="Kassa UI" description="The component set every screen is built from (development builds only)." />
      <div className={styles.controls}>
        <Select
          label="Shop locale"
          value={shop}
          onChange={(event) => setShop(event.target.value)}
          options={Object.values(SHOPS).map((option) => ({ value: option.locale, label: `${option.locale} · ${option.currency} · ${option.timeZone}` }))}
        />
        <div>
          <ThemeSwitcher />
        </div>
      </div>
      <nav aria-label="Sections">
        <ul className={styles.contents}>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ShopLocaleProvider value={SHOPS[shop]}>
        <ActionsSection />
        <FieldsSection />
        <ChoicesSection />
        <DatesSection />
        <OverlaysSection />
        <LayoutSection />
        <StatesSection />
        <TableSection />
        <FormSection />
      </ShopLocaleProvider>
    </main>
  );
}
