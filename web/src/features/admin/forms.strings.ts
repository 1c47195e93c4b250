import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// Merged into the `admin` namespace: each hotline's versioned contact and victim forms.
// Section and field names come from the desk's own `profile` strings, so both screens agree.
const lo = {
  forms: {
    intro:
      'ພາກສ່ວນ ແລະ ຊ່ອງຂໍ້ມູນທີ່ແບບຟອມຂອງສາຍດ່ວນນີ້ສະແດງ. ການປ່ຽນແປງແມ່ນເຜີຍແຜ່ເປັນສະບັບໃໝ່; ບັນທຶກທີ່ມີແລ້ວຍັງຄົງໃຊ້ສະບັບທີ່ບັນທຶກໄວ້.',
    hotline: 'ສາຍດ່ວນ',
    versions: 'ສະບັບ',
    version: 'ສະບັບ {{version}}',
    current: 'ສະບັບທີ່ໃຊ້ຢູ່',
    publishedAt: 'ເຜີຍແຜ່ເມື່ອ',
    publishedBy: 'ໂດຍ',
    system: 'ລະບົບ',
    none: 'ຍັງບໍ່ມີສະບັບທີ່ບັນທຶກໄວ້: ໂຕະເຮັດວຽກສະແດງແບບຟອມເລີ່ມຕົ້ນ.',
    view: 'ເບິ່ງສະບັບ {{version}}',
    viewing: 'ຊ່ອງຂໍ້ມູນຂອງສະບັບ {{version}}',
    shipped: 'ແບບຟອມເລີ່ມຕົ້ນ',
    person: 'ແບບຟອມຜູ້ຖືກເຄາະຮ້າຍ',
    contact: 'ແບບຟອມການຕິດຕໍ່',
    noSections: 'ບໍ່ມີພາກສ່ວນເພີ່ມເຕີມ.',
    edit: 'ສະບັບໃໝ່',
    editIntro: 'ເລີ່ມຈາກສະບັບທີ່ໃຊ້ຢູ່. ໝາຍເອົາພາກສ່ວນ ແລະ ຊ່ອງຂໍ້ມູນທີ່ຈະສະແດງ.',
    showSection: 'ສະແດງພາກສ່ວນ «{{section}}»',
    publish: 'ເຜີຍແຜ່ສະບັບໃໝ່',
    published: 'ເຜີຍແຜ່ສະບັບ {{version}} ແລ້ວ. ແບບຟອມໃໝ່ຈະສະແດງໃນໂຕະເຮັດວຽກເມື່ອເປີດແບບຟອມຄັ້ງຕໍ່ໄປ.',
    unchanged: 'ບໍ່ມີຫຍັງປ່ຽນແປງຈາກສະບັບທີ່ໃຊ້ຢູ່.',
    emptySection: 'ພາກສ່ວນ «{{section}}» ບໍ່ມີຊ່ອງຂໍ້ມູນ: ໝາຍເອົາຢ່າງໜ້ອຍໜຶ່ງ ຫຼື ເຊື່ອງພາກສ່ວນນີ້.',
    twice: 'ຊ່ອງ «{{field}}» ຢູ່ໃນສອງພາກສ່ວນ: ເອົາອອກຈາກພາກສ່ວນໜຶ່ງ.',
  },
};

const en: TStrings<typeof lo> = {
  forms: {
    intro:
      "The sections and fields this hotline's forms show. A change is published as a new version; records already entered keep the version they were entered with.",
    hotline: 'Hotline',
    versions: 'Versions',
    version: 'Version {{version}}',
    current: 'current',
    publishedAt: 'Published',
    publishedBy: 'By',
    system: 'system',
    none: 'No version stored yet: the desk shows the form as shipped.',
    view: 'View version {{version}}',
    viewing: 'Fields of version {{version}}',
    shipped: 'Form as shipped',
    person: 'Victim form',
    contact: 'Contact form',
    noSections: 'No extra section.',
    edit: 'New version',
    editIntro: 'Starts from the current version. Tick the sections and fields to show.',
    showSection: 'Show the section “{{section}}”',
    publish: 'Publish new version',
    published: 'Version {{version}} published. The desk shows it the next time a form is opened.',
    unchanged: 'Nothing differs from the current version.',
    emptySection: 'The section “{{section}}” has no field: tick one or hide the section.',
    twice: 'The field “{{field}}” is in two sections: take it out of one.',
  },
};

addStrings('admin', { lo, en });
