import { formDefinitions } from '../schema/form-definitions';
import { initialFormDefinitions } from '../../src/contracts/victim-profile';
import { sql } from 'drizzle-orm';
import type { TDatabase } from '../../src/infra/database';
import { hashPassword } from '../../src/modules/auth/password';
import { encryptField } from '../../src/modules/crypto/field-cipher';
import type { TKeyring } from '../../src/modules/crypto/keyring';
import { simChatService } from '../../src/simulator/sim-chat-services';
import {
  chatChannelConfigs,
  hotlines,
  staffUsers,
  type TChatTemplate,
  type TOpeningHours,
  type TStaffRole,
} from '../schema/index';

const allDay: Array<[string, string]> = [['00:00', '24:00']];
const officeDay: Array<[string, string]> = [['08:00', '17:00']];
// Lao public holidays for the demo year; administrators maintain the real calendar.
const holidays2026 = [
  '2026-01-01',
  '2026-03-08',
  '2026-04-14',
  '2026-04-15',
  '2026-04-16',
  '2026-05-01',
  '2026-12-02',
];

const demoHotlines: Array<typeof hotlines.$inferInsert> = [
  {
    number: '1362',
    nameLo: 'ສາຍດ່ວນ 1362 ສະຫະພັນແມ່ຍິງລາວ',
    nameEn: "1362 Lao Women's Union hotline",
    organisationKey: 'lwu-cwpc',
    phoneNumber: '+85621136200',
    languages: ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'],
    openingHours: weekly(allDay, []),
    afterHours: 'forward',
    dutyMobile: '+8562055501362',
  },
  {
    number: '1554',
    nameLo: 'ສາຍດ່ວນ 1554 ຊາວໜຸ່ມ',
    nameEn: '1554 Lao Youth Union hotline',
    organisationKey: 'lyu',
    phoneNumber: '+85621155400',
    languages: ['lo', 'hmn', 'kjg', 'en'],
    openingHours: weekly([['08:00', '20:00']], holidays2026, [1, 2, 3, 4, 5, 6]),
    afterHours: 'voicemail',
  },
  {
    number: '1512',
    nameLo: 'ສາຍດ່ວນ 1512 ກຳມະບານ',
    nameEn: '1512 Lao Federation of Trade Unions labour line',
    organisationKey: 'lftu',
    phoneNumber: '+85621151200',
    languages: ['lo', 'en', 'th', 'vi', 'zh'],
    openingHours: weekly(officeDay, holidays2026, [1, 2, 3, 4, 5]),
    afterHours: 'voicemail',
  },
];

function weekly(
  hours: Array<[string, string]>,
  holidays: string[],
  days = [1, 2, 3, 4, 5, 6, 7],
): TOpeningHours {
  const week: TOpeningHours['weekly'] = {};
  for (const d of days) week[String(d) as keyof TOpeningHours['weekly']] = hours;
  return { weekly: week, holidays };
}

export type TDemoLogin = {
  username: string;
  role: TStaffRole;
  password: string;
  /** Base32 TOTP secret (every staff role needs a second factor; add it to an authenticator app). */
  totpSecret?: string;
};

export type TDemoTotp = { keyring: TKeyring; secretFor: (username: string) => string };

const demoStaff: Array<Omit<typeof staffUsers.$inferInsert, 'passwordHash'>> = [
  {
    username: 'counsellor',
    displayName: 'Counsellor Noy',
    role: 'counsellor',
    hotlines: ['1362', '1554'],
    languages: ['lo', 'en'],
  },
  {
    username: 'counsellor2',
    displayName: 'Counsellor Kham',
    role: 'counsellor',
    hotlines: ['1362', '1512'],
    languages: ['lo', 'hmn', 'th'],
  },
  {
    username: 'supervisor',
    displayName: 'Supervisor Vanh',
    role: 'supervisor',
    hotlines: ['1362', '1554', '1512'],
    languages: ['lo', 'en'],
  },
  {
    username: 'partner',
    displayName: 'Shelter agent Dao',
    role: 'partner_agent',
    organisationKey: 'lwu-cwpc',
    provinceCode: 'LA-VT',
  },
  {
    username: 'partnermanager',
    displayName: 'Shelter manager Phet',
    role: 'partner_manager',
    organisationKey: 'lwu-cwpc',
    provinceCode: 'LA-VT',
  },
  {
    username: 'statistician',
    displayName: 'Statistician Souk',
    role: 'statistician',
    hotlines: ['1362', '1554', '1512'],
  },
  {
    username: 'admin',
    displayName: 'Administrator Keo',
    role: 'administrator',
    hotlines: ['1362', '1554', '1512'],
  },
];

/**
 * Demo hotlines and one user per role. Passwords and TOTP secrets come from the caller (generated
 * at first start and kept outside the repository), so the demo users can really sign in.
 */
export async function seedDemo(
  db: TDatabase,
  passwordFor: (username: string) => string,
  totp?: TDemoTotp,
): Promise<TDemoLogin[]> {
  await db.insert(hotlines).values(demoHotlines).onConflictDoNothing();
  await db.insert(chatChannelConfigs).values(demoChatChannels()).onConflictDoNothing();
  // Version 1 of each hotline's forms; an administrator publishes the next ones.
  await db
    .insert(formDefinitions)
    .values(
      demoHotlines.flatMap((h) => {
        const definition = initialFormDefinitions[h.number];
        return definition ? [{ hotline: h.number, version: 1, definition }] : [];
      }),
    )
    .onConflictDoNothing();
  const logins: TDemoLogin[] = [];
  for (const user of demoStaff) {
    const password = passwordFor(user.username);
    const [row] = await db
      .insert(staffUsers)
      .values({ ...user, passwordHash: await hashPassword(password) })
      .onConflictDoUpdate({
        target: staffUsers.username,
        set: { passwordHash: sql`excluded.password_hash` },
      })
      .returning({ id: staffUsers.id });
    const login: TDemoLogin = { username: user.username, role: user.role, password };
    if (totp && row) {
      login.totpSecret = totp.secretFor(user.username);
      const ctx = { table: 'staff_users', column: 'totp_secret_enc', rowId: row.id };
      await db
        .update(staffUsers)
        .set({ totpSecretEnc: encryptField(totp.keyring, ctx, login.totpSecret) })
        .where(sql`${staffUsers.id} = ${row.id}`);
    }
    logins.push(login);
  }
  return logins;
}

/** Each demo hotline answers WhatsApp, Messenger and SMS through the simulator's services. */
function demoChatChannels(): Array<typeof chatChannelConfigs.$inferInsert> {
  return demoHotlines.flatMap((h) => {
    const service = simChatService(h.number, h.phoneNumber);
    const templates: Record<string, TChatTemplate> = {
      checkin: {
        contentSid: `HX${'0'.repeat(31)}1`,
        textLo: 'ສະບາຍດີ, ທ່ານຍັງຕ້ອງການລົມກັນບໍ່?',
        textEn: 'Hello, would you still like to talk?',
      },
    };
    return (['whatsapp', 'messenger', 'sms'] as const).map((channel) => ({
      hotline: h.number,
      channel,
      address: service.addresses[channel],
      conversationServiceSid: service.serviceSid,
      templates: channel === 'whatsapp' ? templates : {},
    }));
  });
}
