import { TenantBatcher } from './tenant-batcher';

describe('TenantBatcher', () => {
  it('runs what concurrent callers submit as one batch per tenant and answers each its own result', async () => {
    const batches: [string, number[]][] = [];
    const batcher = new TenantBatcher<number, number>(async (tenantId, items) => {
      batches.push([tenantId, items]);
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([batcher.submit('a', 1), batcher.submit('b', 2), batcher.submit('a', 3)]);
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('caps a batch at maxItems and the batches of a tenant running at once at maxRunning', async () => {
    let running = 0;
    let mostRunning = 0;
    const sizes: number[] = [];
    const batcher = new TenantBatcher<number, number>(
      async (_, items) => {
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return items;
      },
      3,
      2,
    );
    const items = Array.from({ length: 10 }, (_, index) => index);
    expect(await Promise.all(items.map((item) => batcher.submit('a', item)))).toEqual(items);
    expect(sizes.every((size) => size <= 3)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(10);
    expect(mostRunning).toBe(2);
  });

  it('fails every item of a batch whose call fails, and leaves the next batch alone', async () => {
    let calls = 0;
    const batcher = new TenantBatcher<number, number>(async (_, items) => {
      calls += 1;
      if (calls === 1) throw new Error('deadlock');
      return items;
    });
    const failed = [batcher.submit('a', 1), batcher.submit('a', 2)];
    await expect(Promise.all(failed)).rejects.toThrow('deadlock');
    await expect(failed[1]).rejects.toThrow('deadlock');
    expect(await batcher.submit('a', 3)).toBe(3);
  });
});
