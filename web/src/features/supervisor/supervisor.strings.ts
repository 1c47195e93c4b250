import { addStrings, type TStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ການສົ່ງຕໍ່ທີ່ຄ້າງ ແລະ ການກວດສອບ',
  tabs: { escalations: 'ການສົ່ງຕໍ່ທີ່ຄ້າງ', audit: 'ບັນທຶກການກວດສອບ' },
  escalations: {
    title: 'ການສົ່ງຕໍ່ທີ່ເກີນກຳນົດ ຫຼື ຖືກເລື່ອນຂັ້ນ',
    empty: 'ບໍ່ມີການສົ່ງຕໍ່ທີ່ເກີນກຳນົດ.',
    case: 'ກໍລະນີ',
    partner: 'ຄູ່ຮ່ວມງານ',
    needs: 'ຄວາມຕ້ອງການ',
    state: 'ສະຖານະ',
    level: 'ຂັ້ນ',
    due: 'ກຳນົດ',
    overdue: 'ເກີນກຳນົດ',
    levelN: 'ຂັ້ນທີ {{level}}',
    openCase: 'ເປີດກໍລະນີ {{code}}',
  },
  failed: {
    title: 'ການແຈ້ງຄູ່ຮ່ວມງານທີ່ສົ່ງບໍ່ສຳເລັດ',
    empty: 'ບໍ່ມີການແຈ້ງທີ່ລົ້ມເຫຼວ.',
    channel: 'ຊ່ອງທາງ',
    attempts: 'ຈຳນວນຄັ້ງທີ່ລອງ',
    failedAt: 'ລົ້ມເຫຼວເມື່ອ',
    resend: 'ສົ່ງຄືນໃໝ່',
    resent: 'ສົ່ງຄືນໃໝ່ແລ້ວ.',
  },
  timers: {
    acknowledge: 'ຮັບຊາບ',
    decide: 'ຕັດສິນໃຈ',
    update: 'ລາຍງານຄວາມຄືບໜ້າ',
    resolve: 'ແກ້ໄຂສຳເລັດ',
  },
  states: {
    pending: 'ລໍຖ້າຮັບຊາບ',
    acknowledged: 'ຮັບຊາບແລ້ວ',
    accepted: 'ຮັບເອົາແລ້ວ',
    declined: 'ປະຕິເສດແລ້ວ',
    in_progress: 'ກຳລັງດຳເນີນການ',
    on_hold: 'ໂຈະໄວ້',
    completed: 'ສຳເລັດແລ້ວ',
    withdrawn: 'ຖອນຄືນ',
  },
  channels: { portal: 'ໜ້າເວັບຄູ່ຮ່ວມງານ', webhook: 'ລະບົບຂອງຄູ່ຮ່ວມງານ', sms: 'SMS' },
  audit: {
    title: 'ໃຜເບິ່ງ ຫຼື ປ່ຽນແປງຫຍັງ',
    caseCode: 'ລະຫັດກໍລະນີ',
    actor: 'ຜູ້ດຳເນີນການ',
    anyone: 'ທຸກຄົນ',
    action: 'ການກະທຳ',
    anyAction: 'ທຸກການກະທຳ',
    from: 'ແຕ່ວັນທີ',
    to: 'ຫາວັນທີ',
    search: 'ຄົ້ນຫາ',
    more: 'ສະແດງເພີ່ມ',
    empty: 'ບໍ່ພົບລາຍການ.',
    at: 'ເວລາ',
    entity: 'ກ່ຽວກັບ',
    system: 'ລະບົບ',
    audited: 'ການເປີດເບິ່ງບັນທຶກນີ້ກໍຖືກບັນທຶກໄວ້ເຊັ່ນກັນ.',
  },
  families: {
    case: 'ກໍລະນີ (ທັງໝົດ)',
    contact: 'ການຕິດຕໍ່ (ທັງໝົດ)',
    person: 'ບຸກຄົນ (ທັງໝົດ)',
    ticket: 'ການສົ່ງຕໍ່ຂອງຄູ່ຮ່ວມງານ (ທັງໝົດ)',
    user: 'ບັນຊີຜູ້ໃຊ້ (ທັງໝົດ)',
  },
  actions: {
    case: {
      viewed: 'ເປີດເບິ່ງກໍລະນີ',
      created: 'ສ້າງກໍລະນີ',
      updated: 'ແກ້ໄຂກໍລະນີ',
      status_changed: 'ປ່ຽນສະຖານະກໍລະນີ',
      note_added: 'ເພີ່ມບັນທຶກໃນກໍລະນີ',
      person_linked: 'ເພີ່ມບຸກຄົນໃນກໍລະນີ',
    },
    contact: {
      created: 'ບັນທຶກການຕິດຕໍ່',
      viewed: 'ເປີດເບິ່ງການຕິດຕໍ່',
      updated: 'ແກ້ໄຂການຕິດຕໍ່',
    },
    person: {
      viewed: 'ເປີດເບິ່ງບຸກຄົນ',
      created: 'ບັນທຶກບຸກຄົນ',
      updated: 'ແກ້ໄຂບຸກຄົນ',
    },
    consent: {
      recorded: 'ບັນທຶກການຍິນຍອມ',
    },
    referral: {
      requested: 'ຂໍການສົ່ງຕໍ່',
    },
    auth: {
      signed_in: 'ເຂົ້າສູ່ລະບົບ',
    },
    audit: {
      viewed: 'ເປີດເບິ່ງບັນທຶກການກວດສອບ',
    },
    blocklist: {
      added: 'ເພີ່ມເບີທີ່ຖືກບລັອກ',
      removed: 'ຍົກເລີກການບລັອກເບີ',
    },
    hotline: {
      settings_changed: 'ປ່ຽນການຕັ້ງຄ່າສາຍດ່ວນ',
    },
    user: {
      updated: 'ແກ້ໄຂບັນຊີຜູ້ໃຊ້',
    },
    export: {
      downloaded: 'ດາວໂຫຼດລາຍງານ',
    },
  },
};

const en: TStrings<typeof lo> = {
  title: 'Escalations and audit',
  tabs: { escalations: 'Escalated referrals', audit: 'Audit log' },
  escalations: {
    title: 'Referrals past their due time or escalated',
    empty: 'No referral is overdue.',
    case: 'Case',
    partner: 'Partner',
    needs: 'Needs',
    state: 'State',
    level: 'Level',
    due: 'Due',
    overdue: 'Overdue',
    levelN: 'Level {{level}}',
    openCase: 'Open case {{code}}',
  },
  failed: {
    title: 'Partner notifications that could not be delivered',
    empty: 'No failed notification.',
    channel: 'Channel',
    attempts: 'Attempts',
    failedAt: 'Failed at',
    resend: 'Send again',
    resent: 'Sent again.',
  },
  timers: {
    acknowledge: 'acknowledge',
    decide: 'decide',
    update: 'progress update',
    resolve: 'resolve',
  },
  states: {
    pending: 'Waiting for acknowledgement',
    acknowledged: 'Acknowledged',
    accepted: 'Accepted',
    declined: 'Declined',
    in_progress: 'In progress',
    on_hold: 'On hold',
    completed: 'Completed',
    withdrawn: 'Withdrawn',
  },
  channels: { portal: 'Partner portal', webhook: "Partner's own system", sms: 'SMS' },
  audit: {
    title: 'Who viewed or changed what',
    caseCode: 'Case code',
    actor: 'Done by',
    anyone: 'Anyone',
    action: 'Action',
    anyAction: 'Any action',
    from: 'From',
    to: 'To',
    search: 'Search',
    more: 'Show more',
    empty: 'Nothing found.',
    at: 'Time',
    entity: 'About',
    system: 'System',
    audited: 'Opening this log is recorded in it too.',
  },
  families: {
    case: 'Cases (all)',
    contact: 'Contacts (all)',
    person: 'People (all)',
    ticket: 'Partner tickets (all)',
    user: 'User accounts (all)',
  },
  actions: {
    case: {
      viewed: 'Viewed case',
      created: 'Created case',
      updated: 'Changed case',
      status_changed: 'Changed case status',
      note_added: 'Added case note',
      person_linked: 'Added person to case',
    },
    contact: {
      created: 'Recorded contact',
      viewed: 'Viewed contact',
      updated: 'Changed contact',
    },
    person: {
      viewed: 'Viewed person',
      created: 'Recorded person',
      updated: 'Changed person',
    },
    consent: {
      recorded: 'Recorded consent',
    },
    referral: {
      requested: 'Requested referral',
    },
    auth: {
      signed_in: 'Signed in',
    },
    audit: {
      viewed: 'Opened the audit log',
    },
    blocklist: {
      added: 'Blocked a number',
      removed: 'Lifted a block',
    },
    hotline: {
      settings_changed: 'Changed hotline settings',
    },
    user: {
      updated: 'Changed user account',
    },
    export: {
      downloaded: 'Downloaded report',
    },
  },
};

addStrings('supervisor', { lo, en });
