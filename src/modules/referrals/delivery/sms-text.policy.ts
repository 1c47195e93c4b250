/**
 * The partner SMS: no name, no case detail, only that something waits, how urgent, and the link.
 * Lao unless the unit's first working language is English (a foreign NGO or embassy desk).
 */
export type TSmsLanguage = 'lo' | 'en';

const texts = {
  lo: {
    brand: 'ສາຍດ່ວນ',
    new: 'ມີການສົ່ງຕໍ່ໃໝ່',
    overdue: 'ການສົ່ງຕໍ່ເກີນກຳນົດ',
    open: 'ເປີດ',
    priorities: { emergency: 'ສຸກເສີນ', urgent: 'ຮີບດ່ວນ', routine: 'ປົກກະຕິ' },
  },
  en: {
    brand: 'Saiduan',
    new: 'new referral',
    overdue: 'overdue referral',
    open: 'Open',
    priorities: { emergency: 'emergency', urgent: 'urgent', routine: 'routine' },
  },
} as const;

export function smsLanguage(unitLanguages: readonly string[]): TSmsLanguage {
  return unitLanguages[0] === 'en' ? 'en' : 'lo';
}

export function partnerSmsBody(input: {
  language: TSmsLanguage;
  overdue: boolean;
  priority: string;
  link: string;
}): string {
  const text = texts[input.language];
  const priority =
    text.priorities[input.priority as keyof typeof text.priorities] ?? text.priorities.routine;
  return `${text.brand}: ${input.overdue ? text.overdue : text.new} (${priority}). ${text.open}: ${input.link}`;
}
