import { readSubmitFailure } from './submit-failure';

const fieldsOfForm = new Set(['sku', 'name', 'priceMinor']);
const hasField = (name: string) => fieldsOfForm.has(name);
const problem = (status: number, extra: object) => ({
  kind: status === 412 ? 'changed' : 'invalid',
  status,
  problem: { type: 'about:blank', title: 'Bad Request', status, ...extra },
});

describe('readSubmitFailure', () => {
  it("puts the API's field messages on the fields they name, the first per field", () => {
    const outcome = readSubmitFailure(
      problem(400, {
        detail: 'The request has invalid fields.',
        errors: [
          { field: 'sku', message: 'sku must be 1-64 letters' },
          { field: 'sku', message: 'a second complaint' },
          { field: 'priceMinor', message: 'priceMinor must not be less than 0' },
        ],
      }),
      hasField,
    );
    expect(outcome).toEqual({
      kind: 'rejected',
      fields: { sku: 'sku must be 1-64 letters', priceMinor: 'priceMinor must not be less than 0' },
      message: 'The request has invalid fields.',
    });
  });

  it('tells the form what concerns fields it does not show', () => {
    const outcome = readSubmitFailure(problem(422, { errors: [{ field: 'categoryId', message: 'no such category' }] }), hasField);
    expect(outcome).toEqual({ kind: 'rejected', fields: {}, message: 'Bad Request no such category' });
  });

  it('recognises a 412 as a change by someone else', () => {
    expect(readSubmitFailure(problem(412, { detail: 'version mismatch' }), hasField)).toEqual({ kind: 'changed' });
  });

  it('says nothing was saved when the server could not be reached', () => {
    expect(readSubmitFailure({ kind: 'offline' }, hasField)).toMatchObject({ kind: 'rejected', message: expect.stringContaining('could not be reached') });
    expect(readSubmitFailure(new TypeError('boom'), hasField)).toMatchObject({ kind: 'rejected', message: expect.stringContaining('Saving failed') });
  });
});
