import { drawerOutcome } from './shift-requests';

describe('drawerOutcome', () => {
  it('calls a drawer short when cash is missing, over when there is too much, exact when it matches', () => {
    expect(drawerOutcome({ overShortMinor: -1 })).toBe('short');
    expect(drawerOutcome({ overShortMinor: 250 })).toBe('over');
    expect(drawerOutcome({ overShortMinor: 0 })).toBe('exact');
  });

  it('says nothing of a shift still open', () => {
    expect(drawerOutcome({ overShortMinor: null })).toBeNull();
  });
});
