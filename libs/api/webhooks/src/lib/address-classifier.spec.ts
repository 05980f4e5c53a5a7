import { isForbiddenAddress } from './address-classifier';

describe('the webhook address classifier', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    'ff02::1',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1'])('allows the public address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  describe('IPv6 addresses that embed an IPv4 address', () => {
    it.each([
      // IPv4-mapped ::ffff:0:0/96: judged by the IPv4 address inside.
      ['::ffff:127.0.0.1', true],
      ['::ffff:7f00:1', true],
      ['::ffff:10.0.0.1', true],
      ['::ffff:192.168.1.1', true],
      ['::ffff:169.254.169.254', true],
      ['::ffff:8.8.8.8', false],
      ['::ffff:93.184.215.14', false],
      // IPv4-compatible ::/96 (deprecated): refused whole.
      ['::127.0.0.1', true],
      ['::7f00:1', true],
      ['[::7f00:1]', true],
      ['::10.0.0.1', true],
      ['::169.254.169.254', true],
      ['::8.8.8.8', true],
      // SIIT IPv4-translated ::ffff:0:0:0/96: refused whole.
      ['::ffff:0:127.0.0.1', true],
      ['::ffff:0:7f00:1', true],
      ['::ffff:0:a9fe:a9fe', true],
      ['::ffff:0:8.8.8.8', true],
      // NAT64 well-known prefix 64:ff9b::/96: judged by the IPv4 address inside.
      ['64:ff9b::127.0.0.1', true],
      ['64:ff9b::7f00:1', true],
      ['64:ff9b::a00:1', true],
      ['64:ff9b::192.168.0.1', true],
      ['64:ff9b::169.254.169.254', true],
      ['64:ff9b::100.64.0.1', true],
      ['64:ff9b::8.8.8.8', false],
      ['64:ff9b::5db8:d70e', false],
      // NAT64 local-use 64:ff9b:1::/48 (where the IPv4 address sits is the operator's choice): refused whole.
      ['64:ff9b:1::7f00:1', true],
      ['64:ff9b:1:808:800::', true],
      // 6to4 2002::/16 (deprecated): refused whole.
      ['2002:7f00:1::', true],
      ['2002:a00:1::1', true],
      ['2002:808:808::1', true],
      // Teredo 2001::/32: refused whole.
      ['2001:0:7f00:1::', true],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ])('classifies %s as forbidden: %s', (address, forbidden) => {
      expect(isForbiddenAddress(address)).toBe(forbidden);
    });
  });

  it('refuses what is not an address at all', () => {
    expect(isForbiddenAddress('localhost')).toBe(true);
    expect(isForbiddenAddress('')).toBe(true);
  });
});
