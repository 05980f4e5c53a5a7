import { settleTenders } from './tenders';

describe('settleTenders', () => {
  it('gives change from cash handed over beyond the total', () => {
    expect(settleTenders(1250, [{ type: 'cash', amountMinor: 2000 }])).toEqual({
      tenderedMinor: 2000,
      changeDueMinor: 750,
      short: false,
      overpaidWithoutCash: false,
    });
  });

  it('accepts a split payment that meets the total exactly', () => {
    expect(
      settleTenders(1250, [
        { type: 'card', amountMinor: 1000 },
        { type: 'cash', amountMinor: 250 },
      ]),
    ).toMatchObject({ changeDueMinor: 0, short: false });
  });

  it('says when the tenders fall short of the total', () => {
    expect(settleTenders(1250, [{ type: 'card', amountMinor: 1249 }]).short).toBe(true);
  });

  it('refuses change on a card that paid more than the total', () => {
    expect(settleTenders(1250, [{ type: 'card', amountMinor: 1300 }]).overpaidWithoutCash).toBe(true);
    expect(
      settleTenders(1250, [
        { type: 'card', amountMinor: 1000 },
        { type: 'cash', amountMinor: 500 },
      ]).overpaidWithoutCash,
    ).toBe(false);
  });
});
