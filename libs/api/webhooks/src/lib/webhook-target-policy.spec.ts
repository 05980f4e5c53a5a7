import { HostResolver } from './host-resolver';
import { WebhookTargetPolicy, WebhookTargetRefused } from './webhook-target-policy';
import type { WebhookSettings } from './webhook-settings';

function policyResolvingTo(addresses: string[], allowPrivateTargets = false): WebhookTargetPolicy {
  const resolver = { resolve: async () => addresses } as unknown as HostResolver;
  return new WebhookTargetPolicy(resolver, { allowPrivateTargets } as WebhookSettings);
}

describe('the webhook target policy at connect time', () => {
  it.each(['::7f00:1', '::ffff:0:7f00:1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1', '2001:0:7f00:1::1'])(
    'refuses a name when one of its addresses, %s, embeds a non-public IPv4 address',
    async (embedded) => {
      const sut = policyResolvingTo(['93.184.215.14', embedded]);
      await expect(sut.addressesOf('receiver.example')).rejects.toThrow(WebhookTargetRefused);
    },
  );

  it('connects to a receiver reached through NAT64 at its public IPv4 address', async () => {
    const sut = policyResolvingTo(['64:ff9b::5db8:d70e']);
    await expect(sut.addressesOf('receiver.example')).resolves.toEqual(['64:ff9b::5db8:d70e']);
  });

  it('lets tests reach private addresses when private targets are allowed', async () => {
    const sut = policyResolvingTo(['::7f00:1'], true);
    await expect(sut.addressesOf('receiver.example')).resolves.toEqual(['::7f00:1']);
  });
});
