import { describe, expect, it } from 'vitest';
import { telephonyError } from '../../../src/modules/telephony/telephony-error';

describe('telephony errors in logs', () => {
  it('keeps name, message and status but never the request with its credentials', () => {
    const err = Object.assign(new Error('socket hang up'), {
      status: 503,
      config: { headers: { Authorization: 'Basic QUM6c2VjcmV0' }, data: 'To=%2B8562055512345' },
    });
    const logged = JSON.stringify(telephonyError(err));
    expect(JSON.parse(logged)).toEqual({ name: 'Error', message: 'socket hang up', status: 503 });
    expect(logged).not.toContain('Basic');
    expect(logged).not.toContain('8562055512345');
  });
});
