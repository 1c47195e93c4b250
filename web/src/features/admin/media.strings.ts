import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// Merged into the `admin` namespace: prompt recordings and retention settings.
const lo = {
  prompts: {
    upload: 'ອັບໂຫຼດສຽງປະກາດ',
    hotline: 'ສາຍດ່ວນ',
    language: 'ພາສາ',
    prompt: 'ສຽງປະກາດ',
    file: 'ໄຟລ໌ສຽງ',
    fileHint: 'WAV ຫຼື MP3, ບໍ່ເກີນ 2 MB',
    preview: 'ຟັງກ່ອນອັບໂຫຼດ:',
    send: 'ອັບໂຫຼດ',
    live: 'ຜູ້ໂທຈະໄດ້ຍິນສຽງໃໝ່ທັນທີ. ທຸກການປ່ຽນແປງຖືກບັນທຶກໄວ້.',
    done: 'ອັບໂຫຼດແລ້ວ. ຜູ້ໂທຄົນຕໍ່ໄປຈະໄດ້ຍິນສຽງໃໝ່.',
    updated: 'ປ່ຽນແປງລ່າສຸດ',
    listen: 'ຟັງສິ່ງທີ່ຜູ້ໂທໄດ້ຍິນ',
    none: 'ຍັງບໍ່ມີສຽງທີ່ອັດໄວ້: ຜູ້ໂທໄດ້ຍິນສຽງສັນຍານແທນ.',
  },
  retention: {
    hint: 'ບັນທຶກທີ່ສຳເລັດແລ້ວຈະຖືກລຶບຫຼັງຈາກຈຳນວນມື້ນີ້. ກໍລະນີທີ່ຖືກລະງັບທາງກົດໝາຍຈະບໍ່ຖືກລຶບ.',
    record: 'ປະເພດບັນທຶກ',
    keep: 'ເກັບຮັກສາໄວ້',
    forever: 'ຕະຫຼອດໄປ',
    days: 'ມື້',
    daysFor: 'ຈຳນວນມື້ສຳລັບ {{type}}',
    saveFor: 'ບັນທຶກ {{type}}',
    saved: 'ບັນທຶກແລ້ວ. ການລຶບຄັ້ງຕໍ່ໄປຈະໃຊ້ການຕັ້ງຄ່ານີ້.',
    types: {
      case: 'ກໍລະນີ',
      contact_without_case: 'ການຕິດຕໍ່ທີ່ບໍ່ມີກໍລະນີ',
      person: 'ບຸກຄົນ',
    },
    after: {
      case: 'ນັບແຕ່ປິດກໍລະນີ',
      contact_without_case: 'ນັບແຕ່ວັນຕິດຕໍ່',
      person: 'ນັບແຕ່ບໍ່ມີກໍລະນີໃດເຊື່ອມໂຍງ',
    },
  },
};

const en: TStrings<typeof lo> = {
  prompts: {
    upload: 'Upload a prompt recording',
    hotline: 'Hotline',
    language: 'Language',
    prompt: 'Prompt',
    file: 'Audio file',
    fileHint: 'WAV or MP3, up to 2 MB',
    preview: 'Listen before uploading:',
    send: 'Upload',
    live: 'Callers hear the new recording at once. Every change is audited.',
    done: 'Uploaded. The next caller hears the new recording.',
    updated: 'Last changed',
    listen: 'Listen to what callers hear',
    none: 'No recording yet: callers hear a tone instead.',
  },
  retention: {
    hint: 'Finished records are deleted after this many days. Cases under legal hold are never deleted.',
    record: 'Record',
    keep: 'Keep',
    forever: 'Forever',
    days: 'days',
    daysFor: 'Days for {{type}}',
    saveFor: 'Save {{type}}',
    saved: 'Saved. The next retention run uses it.',
    types: {
      case: 'Cases',
      contact_without_case: 'Contacts without a case',
      person: 'People',
    },
    after: {
      case: 'counted from closing',
      contact_without_case: 'counted from the contact',
      person: 'counted from when no case links them',
    },
  },
};

addStrings('admin', { lo, en });
