import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// Merged into the `admin` namespace.
const lo = {
  sections: { recording: 'ສາຍບັນທຶກສຽງ' },
  recordingLine: {
    linesTitle: 'ເບີໂທບັນທຶກສຽງປະກາດ',
    linesIntro: 'ຜູ້ດູແລລະບົບໂທເບີນີ້, ກົດລະຫັດ PIN ຂອງຕົນ, ແລ້ວບັນທຶກສຽງປະກາດທີ່ຍັງຂາດຢູ່ເທື່ອລະອັນ.',
    number: 'ເບີໂທ',
    hotline: 'ສາຍດ່ວນ',
    everyHotline: 'ທຸກສາຍດ່ວນ',
    noLines: 'ຍັງບໍ່ມີເບີບັນທຶກສຽງ.',
    addLine: 'ເພີ່ມເບີບັນທຶກສຽງ',
    added: 'ເພີ່ມເບີແລ້ວ.',
    recordersTitle: 'ຜູ້ບັນທຶກສຽງ ແລະ ລະຫັດ PIN',
    recordersIntro: 'ລະຫັດ PIN ໃໝ່ສະແດງພຽງຄັ້ງດຽວ. ລະບົບເກັບໄວ້ແບບເຂົ້າລະຫັດເທົ່ານັ້ນ ແລະ ບໍ່ສາມາດສະແດງອີກ.',
    name: 'ຊື່',
    pin: 'ລະຫັດ PIN',
    pinSetAt: 'ຕັ້ງເມື່ອ {{time}}',
    noPin: 'ຍັງບໍ່ມີລະຫັດ PIN',
    setPin: 'ຕັ້ງລະຫັດ PIN',
    resetPin: 'ຕັ້ງລະຫັດ PIN ໃໝ່',
    resetPinFor: 'ຕັ້ງລະຫັດ PIN ໃໝ່ໃຫ້ {{name}}',
    newPinFor: 'ລະຫັດ PIN ໃໝ່ຂອງ {{name}}',
    newPinHint: 'ຈົດໄວ້ ຫຼື ແຈ້ງໃຫ້ເຈົ້າຂອງໂດຍກົງດຽວນີ້: ມັນຈະບໍ່ສະແດງອີກ. ລະຫັດເກົ່າໃຊ້ບໍ່ໄດ້ແລ້ວ.',
    hide: 'ຈົດແລ້ວ, ເຊື່ອງໄວ້',
    placeholdersTitle: 'ສຽງປະກາດທີ່ຍັງເປັນສຽງຊົ່ວຄາວ',
    placeholdersIntro: 'ຕາມສາຍດ່ວນ ແລະ ພາສາ: ຜູ້ໂທຍັງໄດ້ຍິນສຽງຊົ່ວຄາວແທນສຽງທີ່ບັນທຶກ.',
    allRecorded: 'ບັນທຶກຄົບແລ້ວ',
    count: '{{count}} ອັນ',
  },
};

const en: TStrings<typeof lo> = {
  sections: { recording: 'Recording line' },
  recordingLine: {
    linesTitle: 'Numbers of the prompt recording line',
    linesIntro:
      'An administrator calls this number, keys her PIN, and records the missing prompts one by one.',
    number: 'Number',
    hotline: 'Hotline',
    everyHotline: 'Every hotline',
    noLines: 'No recording line number yet.',
    addLine: 'Add a recording number',
    added: 'Number added.',
    recordersTitle: 'Who records, and their PINs',
    recordersIntro:
      'A new PIN is shown once. The system keeps only a hash of it and can never show it again.',
    name: 'Name',
    pin: 'PIN',
    pinSetAt: 'Set {{time}}',
    noPin: 'No PIN yet',
    setPin: 'Set a PIN',
    resetPin: 'Set a new PIN',
    resetPinFor: 'Set a new PIN for {{name}}',
    newPinFor: 'New PIN for {{name}}',
    newPinHint:
      'Write it down or tell its owner in person now: it will not be shown again. Any earlier PIN no longer works.',
    hide: 'Noted, hide it',
    placeholdersTitle: 'Prompts still on their placeholder',
    placeholdersIntro:
      'Per hotline and language: callers still hear a placeholder instead of a recording.',
    allRecorded: 'All recorded',
    count: '{{count}} prompts',
  },
};

addStrings('admin', { lo, en });

// The API's refusals on this screen, in the reader's language.
addStrings('common', {
  lo: { errors: { RECORDING_LINE_TAKEN: 'ເບີນີ້ເປັນເບີບັນທຶກສຽງຢູ່ແລ້ວ.' } },
  en: { errors: { RECORDING_LINE_TAKEN: 'This number is already a recording line.' } },
});
