import { firstRunSteps } from './first-run-steps';

describe('firstRunSteps', () => {
  const none = { stores: 0, tillRegisters: 0, products: 0, pairedTills: 0, users: 1 };

  it('has nothing done for a shop that has only its owner', () => {
    expect(firstRunSteps(none).filter((step) => step.done)).toEqual([]);
  });

  it('marks each step done from the data alone, the owner not counting as staff', () => {
    const steps = firstRunSteps({ stores: 1, tillRegisters: 1, products: 0, pairedTills: 0, users: 2 });
    expect(steps.filter((step) => step.done).map((step) => step.id)).toEqual(['stores', 'tillRegisters', 'users']);
  });
});
