import { salesListQuery, type DayRangeInstants } from './sales-list-query';

const asInstants: DayRangeInstants = (from, to) => ({ from: `${from}T00:00`, to: `${to}T24:00` });

describe('salesListQuery', () => {
  it('sends a range of days as the instants the shop zone gives them', () => {
    expect(salesListQuery({ from: '2026-03-28', to: '2026-03-29' }, asInstants)).toMatchObject({ from: '2026-03-28T00:00', to: '2026-03-29T24:00' });
  });

  it('reads a lone from day as that one day', () => {
    expect(salesListQuery({ from: '2026-01-10' }, asInstants)).toMatchObject({ from: '2026-01-10T00:00', to: '2026-01-10T24:00' });
  });

  it('sends the register only with its store, and only the statuses the API knows', () => {
    expect(salesListQuery({ registerId: 'r', status: 'lost' }, asInstants)).toEqual({
      q: undefined,
      storeId: undefined,
      registerId: undefined,
      status: undefined,
      from: undefined,
      to: undefined,
    });
    expect(salesListQuery({ storeId: 's', registerId: 'r', status: 'voided', q: '17' }, asInstants)).toMatchObject({
      storeId: 's',
      registerId: 'r',
      status: 'voided',
      q: '17',
    });
  });

  it('sends the offline / flagged filter as the API knows it, and nothing for an unknown one', () => {
    expect(salesListQuery({ review: 'offline' }, asInstants)).toMatchObject({ offline: true });
    expect(salesListQuery({ review: 'flagged' }, asInstants)).toMatchObject({ flagged: true });
    expect(salesListQuery({ review: 'online' }, asInstants)).toMatchObject({ offline: false });
    const unknown = salesListQuery({ review: 'toString' }, asInstants);
    expect([unknown.offline, unknown.flagged]).toEqual([undefined, undefined]);
  });
});
