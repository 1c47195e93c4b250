import { describe, expect, it } from 'vitest';
import { isWebhookUrlShape } from '../../../src/contracts/partner-directory';
import {
  isPublicAddress,
  parseAllowHosts,
  webhookTargetProblem,
} from '../../../src/modules/referrals/delivery/webhook-target.policy';

const none = parseAllowHosts([]);
const local = parseAllowHosts(['127.0.0.1']);

describe('webhook targets', () => {
  it('compares the host exactly: a name that starts with 127.0.0.1 is not 127.0.0.1', () => {
    expect(isWebhookUrlShape('http://127.0.0.1.attacker.example/hook')).toBe(false);
    expect(isWebhookUrlShape('http://127.0.0.1:8080/hook')).toBe(true);
    expect(isWebhookUrlShape('https://partner.example.la/hook')).toBe(true);
    expect(isWebhookUrlShape('https://user:pw@partner.example.la/hook')).toBe(false);
    expect(webhookTargetProblem('http://127.0.0.1.attacker.example/', local)).toBe('scheme');
  });

  it('refuses loopback, private, link-local and metadata addresses however they are written', () => {
    for (const url of [
      'https://169.254.169.254/latest/meta-data/',
      'https://10.1.2.3/',
      'https://172.20.0.1/',
      'https://192.168.1.1/',
      'https://127.0.0.1/',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[fd00:ec2::254]/',
      'https://[fe80::1]/',
      'https://localhost/',
      'https://localhost./',
      'https://intranet/',
    ])
      expect([url, webhookTargetProblem(url, none)]).toEqual([url, 'address_refused']);
  });

  it('takes https to public hosts, and internal http only for an allow-listed host', () => {
    expect(webhookTargetProblem('https://partner.example.la/saiduan', none)).toBeNull();
    expect(webhookTargetProblem('https://8.8.8.8/hook', none)).toBeNull();
    expect(webhookTargetProblem('http://partner.example.la/hook', none)).toBe('scheme');
    expect(webhookTargetProblem('http://127.0.0.1:9000/hook', none)).toBe('scheme');
    expect(webhookTargetProblem('http://127.0.0.1:9000/hook', local)).toBeNull();
    expect(webhookTargetProblem('not a url', none)).toBe('invalid_url');
  });

  it('knows public from internal addresses', () => {
    expect(['1.1.1.1', '2606:4700::1111'].map(isPublicAddress)).toEqual([true, true]);
    expect(['100.64.0.1', '0.0.0.0', '::', 'fc00::1', 'not-an-ip'].map(isPublicAddress)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
