import { describe, expect, it } from 'vitest';
import { classifyFailure } from './transports.ts';

const refusal = (responseCode: number, response: string, command = 'RCPT TO') =>
  Object.assign(new Error(response), { responseCode, response, command, code: 'EENVELOPE' });

describe('what a failed send means', () => {
  it('marks an address undeliverable only when the mailbox does not exist', () => {
    expect(
      classifyFailure(refusal(550, '550 5.1.1 <x@exemple.org>: Recipient address rejected: User unknown')).permanence,
    ).toBe('address');
    expect(classifyFailure(refusal(553, '553 5.1.3 Bad recipient address syntax')).permanence).toBe('address');
  });

  it('does not blame the address for a refusal of our own configuration or of the message', () => {
    expect(classifyFailure(refusal(554, '554 5.7.1 <x@exemple.org>: Relay access denied')).permanence).toBe('message');
    expect(classifyFailure(refusal(550, '550 5.7.1 Sender rejected by policy')).permanence).toBe('message');
    expect(classifyFailure(refusal(552, '552 Message size exceeds fixed limit', 'DATA')).permanence).toBe('message');
  });

  it('tries again after a 4xx, a closed port, a timeout or a bad login', () => {
    expect(classifyFailure(refusal(451, '451 4.3.0 Try again later')).permanence).toBe('temporary');
    expect(
      classifyFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' })).permanence,
    ).toBe('temporary');
    expect(
      classifyFailure(Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535 })).permanence,
    ).toBe('temporary');
  });
});
