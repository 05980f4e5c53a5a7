import { fieldChanges, REDACTED, redactSecrets } from './field-changes';

describe('fieldChanges', () => {
  it('lists only the fields that changed, as [before, after]', () => {
    const sut = fieldChanges({ name: 'Ana', role: 'cashier', active: true }, { name: 'Ana', role: 'manager', active: true });
    expect(sut).toEqual({ role: ['cashier', 'manager'] });
  });

  it('shows a create as nulls before and a delete as nulls after', () => {
    expect(fieldChanges(undefined, { name: 'Main' })).toEqual({ name: [null, 'Main'] });
    expect(fieldChanges({ name: 'Main' }, undefined)).toEqual({ name: ['Main', null] });
  });

  it('compares nested values by content', () => {
    expect(fieldChanges({ storeIds: ['a', 'b'] }, { storeIds: ['a', 'b'] })).toEqual({});
    expect(fieldChanges({ storeIds: ['a'] }, { storeIds: ['a', 'b'] })).toEqual({ storeIds: [['a'], ['a', 'b']] });
  });

  it('redacts passwords, hashes, tokens and secrets but still records that they changed', () => {
    const sut = fieldChanges({ passwordHash: '$argon2id$old' }, { passwordHash: '$argon2id$new', refreshToken: 'krt_x' });
    expect(sut).toEqual({ passwordHash: [REDACTED, REDACTED], refreshToken: [null, REDACTED] });
    expect(JSON.stringify(sut)).not.toMatch(/argon2|krt_/);
  });
});

describe('redactSecrets', () => {
  it('masks secret-looking metadata', () => {
    expect(redactSecrets({ email: 'a@b.test', password: 'hunter2!!' })).toEqual({ email: 'a@b.test', password: REDACTED });
  });
});
