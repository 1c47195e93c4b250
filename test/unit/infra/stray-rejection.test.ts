import { describe, expect, it } from 'vitest';
import { strayRejection } from '../../../src/infra/stray-rejections';

describe('strayRejection', () => {
  it('keeps the kind, code and stack frames of an error, not its message or properties', () => {
    const err = Object.assign(new TypeError('no such number +8562055512345'), {
      code: 'E_NUMBER',
      detail: 'Nang Phonsavanh',
    });
    const logged = strayRejection(err);
    expect(logged).toMatchObject({ type: 'TypeError', errorCode: 'E_NUMBER' });
    expect(logged.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(logged)).not.toMatch(/8562055512345|Phonsavanh/);
  });

  it('says only the type of a reason that is not an error', () => {
    expect(strayRejection('+8562055512345')).toEqual({ type: 'string' });
    expect(strayRejection(undefined)).toEqual({ type: 'undefined' });
  });
});
