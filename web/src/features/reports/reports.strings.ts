import { addStrings, type TStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ລາຍງານ',
  kinds: {
    national: 'ສະຖິຕິລະດັບຊາດ',
    agencies: 'ແຍກຕາມພາກສ່ວນ',
    operations: 'ການດຳເນີນງານສາຍດ່ວນ',
    referrals: 'ການສົ່ງຕໍ່',
  },
  filters: {
    legend: 'ຕົວກອງ',
    period: 'ໄລຍະ',
    month: 'ເດືອນ',
    quarter: 'ໄຕມາດ',
    year: 'ປີ',
    custom: 'ກຳນົດເອງ',
    from: 'ແຕ່ວັນທີ',
    to: 'ຫາວັນທີ',
    hotline: 'ສາຍດ່ວນ',
    province: 'ແຂວງ',
    organisation: 'ອົງການ',
    all: 'ທັງໝົດ',
    show: 'ສະແດງ',
  },
  export: {
    legend: 'ສົ່ງອອກ',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    external: 'ສຳລັບພາຍນອກ (ເຊື່ອງຕົວເລກນ້ອຍກວ່າ 3)',
    internal: 'ສຳລັບພາຍໃນອົງການ',
  },
  loading: 'ກຳລັງໂຫຼດ…',
  countUnit: 'ຫົວໜ່ວຍນັບ',
  notes: 'ວິທີນັບ',
  chartOf: 'ແຜນວາດ: {{title}}',
  chartEmpty: '{{title}}: ບໍ່ມີຂໍ້ມູນໃນໄລຍະນີ້, ຈຶ່ງບໍ່ມີແຜນວາດ.',
};

const en: TStrings<typeof lo> = {
  title: 'Reports',
  kinds: {
    national: 'National statistics',
    agencies: 'By agency',
    operations: 'Hotline operations',
    referrals: 'Referrals',
  },
  filters: {
    legend: 'Filters',
    period: 'Period',
    month: 'Month',
    quarter: 'Quarter',
    year: 'Year',
    custom: 'Custom',
    from: 'From',
    to: 'To',
    hotline: 'Hotline',
    province: 'Province',
    organisation: 'Organisation',
    all: 'All',
    show: 'Show',
  },
  export: {
    legend: 'Export',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    external: 'To leave the organisation (counts under 3 hidden)',
    internal: 'Inside the organisation',
  },
  loading: 'Loading…',
  countUnit: 'Count unit',
  notes: 'How things are counted',
  chartOf: 'Chart: {{title}}',
  chartEmpty: '{{title}}: no data for this period, so there is no chart.',
};

addStrings('reports', { lo, en });
