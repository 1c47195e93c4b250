import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// Merged into the `admin` namespace.
const lo = {
  blocklist: {
    add: 'ບລັອກເບີໂທ',
    phone: 'ເບີໂທ',
    phoneHint: 'ເບີເຕັມ, ເຊັ່ນ +8562055512345. ລະບົບເກັບໄວ້ແບບເຂົ້າລະຫັດ, ສະແດງແຕ່ 3 ຕົວສຸດທ້າຍ.',
    hotline: 'ສາຍດ່ວນ',
    allHotlines: 'ທຸກສາຍດ່ວນ',
    reason: 'ເຫດຜົນ',
    reasons: {
      abusive: 'ໃຊ້ຄຳຫຍາບ / ລ່ວງລະເມີດ',
      hoax: 'ໂທຫຼອກ',
      harassing_staff: 'ລົບກວນພະນັກງານ',
      other: 'ອື່ນໆ',
    },
    until: 'ບລັອກຈົນຮອດ',
    untilHint: 'ປ່ອຍຫວ່າງໄວ້ = ຈົນກວ່າຈະຍົກເລີກ',
    untilLifted: 'ຈົນກວ່າຈະຍົກເລີກ',
    since: 'ເພີ່ມເມື່ອ',
    number: 'ເບີ',
    block: 'ບລັອກເບີນີ້',
    privacy: 'ຜູ້ໂທທີ່ຖືກບລັອກຈະໄດ້ຍິນຂໍ້ຄວາມທົ່ວໄປ ແລະ ບໍ່ເຂົ້າແຖວລໍຖ້າ. ທຸກການປ່ຽນແປງຖືກບັນທຶກໄວ້.',
    added: 'ບລັອກເບີ …{{last}} ແລ້ວ. ສາຍຕໍ່ໄປຈາກເບີນີ້ຈະບໍ່ເຂົ້າແຖວ.',
    removed: 'ຍົກເລີກການບລັອກ …{{last}} ແລ້ວ.',
    lift: 'ຍົກເລີກ',
    liftNumber: 'ຍົກເລີກການບລັອກ …{{last}}',
    empty: 'ບໍ່ມີເບີທີ່ຖືກບລັອກ.',
  },
};

const en: TStrings<typeof lo> = {
  blocklist: {
    add: 'Block a number',
    phone: 'Phone number',
    phoneHint:
      'Full number, e.g. +8562055512345. Stored encrypted; only the last 3 digits are shown.',
    hotline: 'Hotline',
    allHotlines: 'All hotlines',
    reason: 'Reason',
    reasons: {
      abusive: 'Abusive',
      hoax: 'Hoax calls',
      harassing_staff: 'Harassing staff',
      other: 'Other',
    },
    until: 'Blocked until',
    untilHint: 'Leave empty to block until lifted',
    untilLifted: 'Until lifted',
    since: 'Added',
    number: 'Number',
    block: 'Block this number',
    privacy: 'A blocked caller hears a neutral message and is not queued. Every change is audited.',
    added: 'Number …{{last}} blocked. Its next call will not be queued.',
    removed: 'Block on …{{last}} lifted.',
    lift: 'Lift',
    liftNumber: 'Lift block on …{{last}}',
    empty: 'No number is blocked.',
  },
};

addStrings('admin', { lo, en });
