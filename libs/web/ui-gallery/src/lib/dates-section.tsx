'use client';
import { useState } from 'react';
import { DatePicker, DateRangePicker, dayRangeInstants, useShopFormat, useShopLocale, type DayRange, type IsoDay } from '@kassa/web/ui';
import { GallerySection, Specimen, galleryStyles as styles } from './gallery-section';

export function DatesSection() {
  const { timeZone } = useShopLocale();
  const format = useShopFormat();
  const [day, setDay] = useState<IsoDay | null>(() => format.today());
  const [range, setRange] = useState<DayRange | null>(null);
  const instants = range ? dayRangeInstants(range.from, range.to, timeZone) : undefined;
  return (
    <GallerySection id="dates" title="Dates" description={`Days are the shop's days, in ${timeZone}.`}>
      <Specimen title="DatePicker">
        <DatePicker label="Delivery day" value={day} onChange={setDay} />
        <DatePicker label="Count on" value={null} onChange={() => undefined} error="Pick a day." />
      </Specimen>
      <Specimen title="DateRangePicker" wide>
        <DateRangePicker legend="Sales between" value={range} onChange={setRange} />
        <p className={styles.readout}>
          Asks the API for: <strong>{instants ? `${instants.from} – ${instants.to}` : 'no range'}</strong>
        </p>
      </Specimen>
    </GallerySection>
  );
}
