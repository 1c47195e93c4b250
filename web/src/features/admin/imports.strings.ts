import { addStrings, type TStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ນຳເຂົ້າຂໍ້ມູນເກົ່າ',
  kind: 'ປະເພດຂໍ້ມູນ',
  kinds: {
    cases: 'ກໍລະນີ',
    people: 'ບຸກຄົນ',
    contacts: 'ການໃຫ້ຄຳປຶກສາ',
    referrals: 'ການສົ່ງຕໍ່',
    service_events: 'ການໃຫ້ບໍລິການ',
  },
  order: 'ລຳດັບການນຳເຂົ້າ: ກໍລະນີ, ບຸກຄົນ, ແລ້ວ ການໃຫ້ຄຳປຶກສາ, ການສົ່ງຕໍ່ ແລະ ການໃຫ້ບໍລິການ (ອ້າງອີງລະຫັດໃນລະບົບເກົ່າ).',
  hotline: 'ສາຍດ່ວນ',
  template: 'ດາວໂຫຼດແບບຟອມ',
  file: 'ເລືອກໄຟລ໌ (CSV ຫຼື XLSX)',
  dryRun: 'ກວດກ່ອນ (ບໍ່ບັນທຶກ)',
  run: 'ນຳເຂົ້າ',
  undo: 'ຍົກເລີກການນຳເຂົ້ານີ້',
  progress: 'ດຳເນີນແລ້ວ {{done}} / {{total}} ແຖວ',
  result: 'ຖືກຕ້ອງ {{good}}, ມີແລ້ວ {{dup}}, ຂ້າມ {{bad}}',
  status: {
    uploaded: 'ອັບໂຫຼດແລ້ວ',
    checking: 'ກຳລັງກວດ…',
    checked: 'ກວດແລ້ວ',
    importing: 'ກຳລັງນຳເຂົ້າ…',
    imported: 'ນຳເຂົ້າແລ້ວ',
    undone: 'ຍົກເລີກແລ້ວ',
    failed: 'ບໍ່ສຳເລັດ',
  },
  row: 'ແຖວ',
  column: 'ຖັນ',
  reason: 'ເຫດຜົນ',
};
const en: TStrings<typeof lo> = {
  title: 'Import historical records',
  kind: 'Record type',
  kinds: {
    cases: 'Cases',
    people: 'People',
    contacts: 'Counselling sessions',
    referrals: 'Referrals',
    service_events: 'Service events',
  },
  order:
    'Import in this order: cases, people, then counselling sessions, referrals and service events (they refer to the earlier ones by external id).',
  hotline: 'Hotline',
  template: 'Download template',
  file: 'Choose a file (CSV or XLSX)',
  dryRun: 'Check first (writes nothing)',
  run: 'Import',
  undo: 'Undo this import',
  progress: '{{done}} of {{total}} rows done',
  result: '{{good}} good, {{dup}} already imported, {{bad}} skipped',
  status: {
    uploaded: 'Uploaded',
    checking: 'Checking…',
    checked: 'Checked',
    importing: 'Importing…',
    imported: 'Imported',
    undone: 'Undone',
    failed: 'Failed',
  },
  row: 'Row',
  column: 'Column',
  reason: 'Reason',
};

addStrings('imports', { lo, en });
