import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';
import { assertPinPolicy } from './pins';

describe('assertPinPolicy', () => {
  const codeOf = (pin: string) => {
    try {
      assertPinPolicy(pin);
      return undefined;
    } catch (error) {
      return error instanceof ApiException ? error.code : error;
    }
  };

  it.each(['1111', '00000000', '1234', '0123', '4321', '98765', '23456789'])('refuses %s as too weak', (pin) => {
    expect(codeOf(pin)).toBe(ErrorCode.PinTooWeak);
  });

  it.each(['1357', '2580', '1243', '8901', '90210', '11112'])('accepts %s', (pin) => {
    expect(codeOf(pin)).toBeUndefined();
  });
});
