import type { TStrings } from './i18n';

const lo = {
  appName: 'ສາຍດ່ວນ',
  language: { label: 'ພາສາ', lo: 'ລາວ', en: 'English' },
  nav: {
    desk: 'ໂຕະໃຫ້ຄຳປຶກສາ',
    callbacks: 'ໂທກັບ ແລະ ສາຍທີ່ພາດ',
    cases: 'ກໍລະນີ',
    wallboard: 'ກະດານຕິດຕາມ',
    partner: 'ການສົ່ງຕໍ່',
    admin: 'ການຄຸ້ມຄອງ',
    reports: 'ລາຍງານ',
    skip: 'ຂ້າມໄປເນື້ອຫາ',
  },
  actions: {
    save: 'ບັນທຶກ',
    cancel: 'ຍົກເລີກ',
    close: 'ປິດ',
    retry: 'ລອງໃໝ່',
    signOut: 'ອອກຈາກລະບົບ',
    back: 'ກັບຄືນ',
  },
  status: {
    loading: 'ກຳລັງໂຫຼດ…',
    saving: 'ກຳລັງບັນທຶກ…',
    saved: 'ບັນທຶກແລ້ວ',
    savedLocally: 'ບັນທຶກໄວ້ໃນເຄື່ອງນີ້ແລ້ວ',
    empty: 'ບໍ່ມີຂໍ້ມູນ',
    notFound: 'ບໍ່ພົບໜ້ານີ້',
  },
  connection: {
    online: 'ເຊື່ອມຕໍ່ແລ້ວ',
    reconnecting: 'ຂາດການເຊື່ອມຕໍ່ — ກຳລັງເຊື່ອມຕໍ່ຄືນ…',
    resynced: 'ເຊື່ອມຕໍ່ຄືນແລ້ວ ແລະ ອັບເດດຂໍ້ມູນແລ້ວ',
  },
  session: {
    expiredTitle: 'ໝົດເວລາເຂົ້າໃຊ້',
    expiredBody: 'ກະລຸນາເຂົ້າສູ່ລະບົບອີກຄັ້ງ. ສິ່ງທີ່ທ່ານພິມໄວ້ຍັງຢູ່ຄືເກົ່າ.',
  },
  errors: {
    VALIDATION_FAILED: 'ຂໍ້ມູນບໍ່ຖືກຕ້ອງ, ກະລຸນາກວດຄືນ.',
    BAD_REQUEST: 'ຄຳຮ້ອງຂໍບໍ່ຖືກຕ້ອງ.',
    UNAUTHENTICATED: 'ກະລຸນາເຂົ້າສູ່ລະບົບ.',
    SECOND_FACTOR_REQUIRED: 'ຕ້ອງໃສ່ລະຫັດຢືນຢັນ.',
    INVALID_CREDENTIALS: 'ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ.',
    FORBIDDEN: 'ທ່ານບໍ່ມີສິດເຮັດສິ່ງນີ້.',
    NOT_FOUND: 'ບໍ່ພົບຂໍ້ມູນ.',
    CONFLICT: 'ມີຄົນອື່ນແກ້ໄຂຂໍ້ມູນນີ້ແລ້ວ, ກະລຸນາໂຫຼດຄືນ.',
    RATE_LIMITED: 'ຄຳຮ້ອງຫຼາຍເກີນໄປ, ກະລຸນາລໍຖ້າຈັກໜ້ອຍ.',
    NETWORK: 'ບໍ່ສາມາດເຊື່ອມຕໍ່ເຊີບເວີໄດ້. ກະລຸນາລອງໃໝ່.',
    UNKNOWN: 'ເກີດຂໍ້ຜິດພາດ. ກະລຸນາລອງໃໝ່.',
  },
};

const en: TStrings<typeof lo> = {
  appName: 'Saiduan',
  language: { label: 'Language', lo: 'ລາວ', en: 'English' },
  nav: {
    desk: 'Counsellor desk',
    callbacks: 'Call-backs and missed calls',
    cases: 'Cases',
    wallboard: 'Wallboard',
    partner: 'Referrals',
    admin: 'Administration',
    reports: 'Reports',
    skip: 'Skip to content',
  },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    signOut: 'Sign out',
    back: 'Back',
  },
  status: {
    loading: 'Loading…',
    saving: 'Saving…',
    saved: 'Saved',
    savedLocally: 'Saved on this computer',
    empty: 'Nothing here',
    notFound: 'Page not found',
  },
  connection: {
    online: 'Connected',
    reconnecting: 'Connection lost — reconnecting…',
    resynced: 'Reconnected and up to date',
  },
  session: {
    expiredTitle: 'Your session has ended',
    expiredBody: 'Please sign in again. What you typed is still here.',
  },
  errors: {
    VALIDATION_FAILED: 'Some fields are not valid; please check them.',
    BAD_REQUEST: 'The request was not valid.',
    UNAUTHENTICATED: 'Please sign in.',
    SECOND_FACTOR_REQUIRED: 'Enter your verification code.',
    INVALID_CREDENTIALS: 'The user name or password is wrong.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'Someone else changed this record; please reload it.',
    RATE_LIMITED: 'Too many requests; please wait a moment.',
    NETWORK: 'Cannot reach the server. Please try again.',
    UNKNOWN: 'Something went wrong. Please try again.',
  },
};

export const commonStrings = { lo, en };
