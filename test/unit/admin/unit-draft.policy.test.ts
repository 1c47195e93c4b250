import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/shared/api/api-error';
import {
  checkDraft,
  emptyDraft,
  fieldsOfError,
} from '../../../web/src/features/admin/components/unit-draft.policy';

const filled = {
  ...emptyDraft,
  organisationKey: 'lwu-provincial',
  nameLo: 'ບ້ານພັກເຊົາ',
  nameEn: 'Safe house',
  services: ['shelter', 'follow_up'],
  nationalities: 'la, th',
  minAge: '',
  maxAge: '17',
  smsNumbers: '+8562055512345',
};

describe('new partner unit form', () => {
  it('sends lists, ages and empty optional fields as the API expects', () => {
    const checked = checkDraft(filled);
    expect(checked).toMatchObject({
      ok: true,
      input: {
        services: ['shelter', 'follow_up'],
        intake: { minAge: null, maxAge: 17, nationalities: ['LA', 'TH'] },
        smsNumbers: ['+8562055512345'],
        webhookUrl: null,
        webhookSecret: null,
      },
    });
  });

  it('names, in screen order, every field the API would refuse', () => {
    const checked = checkDraft({
      ...filled,
      nameEn: ' ',
      minAge: '18',
      maxAge: '10',
      smsNumbers: '020 5551 2345',
      webhookUrl: 'http://partner.example.la',
      webhookSecret: 'short',
    });
    expect(checked).toEqual({
      ok: false,
      fields: ['nameEn', 'maxAge', 'smsNumbers', 'webhookUrl', 'webhookSecret'],
    });
  });

  it("maps the server's validation paths onto the same fields", () => {
    const refused = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { path: '/organisationKey', message: 'unknown organisation' },
      { path: '/intake/nationalities/0', message: 'bad' },
    ]);
    expect(fieldsOfError(refused)).toEqual(['organisationKey', 'nationalities']);
    expect(fieldsOfError(new ApiError(403, 'FORBIDDEN', 'no'))).toEqual([]);
  });
});
