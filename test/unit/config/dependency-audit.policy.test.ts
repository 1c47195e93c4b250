import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../../../scripts/dependency-audit.policy';

const audit = (vulnerabilities: object) => JSON.stringify({ vulnerabilities });
const advisory = 'https://github.com/advisories/GHSA-xxxx-yyyy-zzzz';
const high = {
  'some-lib': {
    severity: 'high',
    via: [{ source: 1, url: advisory, severity: 'high', title: 'Prototype pollution' }],
  },
  'uses-some-lib': { severity: 'high', via: ['some-lib'] },
  'minor-lib': { severity: 'low', via: [{ source: 2, url: 'x', severity: 'low' }] },
};

describe('dependency audit', () => {
  it('fails on a high advisory nobody recorded, naming it once', () => {
    const verdict = judgeAudit(audit(high), []);
    expect(verdict).toEqual({
      kind: 'unrecorded',
      findings: [`some-lib: high ${advisory} Prototype pollution`],
      recorded: [],
    });
  });

  it('passes when it is recorded with a reason, and not with an empty one', () => {
    const recorded = { advisory, package: 'some-lib', reason: 'only used in tests, no input' };
    expect(judgeAudit(audit(high), [recorded]).kind).toBe('clean');
    expect(judgeAudit(audit(high), [{ ...recorded, reason: ' ' }]).kind).toBe('unrecorded');
  });

  it('says the audit did not run when the advisory endpoint answers with an error', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed',
      statusCode: 405,
      error: {},
    });
    expect(judgeAudit(refused, [])).toEqual({
      kind: 'unreachable',
      detail: '405 Method Not Allowed',
    });
    expect(judgeAudit('', []).kind).toBe('unreachable');
  });
});
