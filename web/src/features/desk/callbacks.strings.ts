import { addStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ລາຍການໂທກັບ',
  missedTitle: 'ສາຍທີ່ພາດ (ວາງສາຍລະຫວ່າງລໍຖ້າ ຫຼື ໃນເມນູ)',
  never: 'ລະບົບບໍ່ໂທກັບເອງ: ຜູ້ໃຫ້ຄຳປຶກສາເປັນຜູ້ຕັດສິນໃຈ ແລະ ໂທເອງ.',
  none: 'ບໍ່ມີລາຍການ',
  hotline: 'ສາຍດ່ວນ',
  language: 'ພາສາ',
  since: 'ຕັ້ງແຕ່',
  origin: { requested: 'ຜູ້ໂທຂໍໃຫ້ໂທກັບ', missed: 'ຈາກສາຍທີ່ພາດ' },
  status: { open: 'ລໍຖ້າ', taken: 'ມີຄົນຮັບແລ້ວ', placed: 'ກຳລັງໂທ', done: 'ແລ້ວ', cancelled: 'ຍົກເລີກ' },
  safety: 'ຄວາມປອດໄພ',
  noSms: 'ຫ້າມສົ່ງ SMS',
  noVoicemail: 'ຫ້າມຝາກຂໍ້ຄວາມສຽງ',
  notSafeToTalk: 'ເທື່ອກ່ອນລົມບໍ່ປອດໄພ',
  noSafety: 'ບໍ່ມີຂໍ້ມູນຄວາມປອດໄພຈາກການຕິດຕໍ່ກ່ອນໜ້າ',
  showCodeWord: 'ສະແດງລະຫັດລັບ',
  codeWord: 'ລະຫັດລັບ: {{word}}',
  noCodeWord: 'ບໍ່ມີລະຫັດລັບ',
  take: 'ຮັບເອົາ',
  call: 'ໂທດຽວນີ້',
  ringingYou: 'ໂທລະສັບຂອງທ່ານກຳລັງດັງ: ລະບົບຈະໂທຫາຜູ້ໂທ ເມື່ອທ່ານຮັບສາຍ.',
  reached: 'ລົມໄດ້ແລ້ວ',
  notReached: 'ບໍ່ມີຄົນຮັບ',
  unsafe: 'ບໍ່ປອດໄພ, ວາງສາຍ',
  addCallback: 'ເພີ່ມເຂົ້າລາຍການໂທກັບ',
  leftAt: 'ວາງສາຍເວລາ',
  leftInMenu: 'ວາງສາຍໃນເມນູ, ກ່ອນເຂົ້າຄິວ',
  safeTime: {
    label: 'ເວລາປອດໄພທີ່ຜູ້ໂທເລືອກ',
    any: 'ໂທກັບໄດ້ທຸກເວລາ',
    until: 'ໂທໄດ້ຮອດ {{time}} ເທົ່ານັ້ນ',
    from: 'ບໍ່ໃຫ້ໂທກ່ອນ {{time}}',
    next: 'ເວລາປອດໄພຄັ້ງຕໍ່ໄປ: {{when}}',
    today: 'ມື້ນີ້',
    tomorrow: 'ມື້ອື່ນ',
    earlierNote: 'ບັນທຶກຂອງຜູ້ໃຫ້ຄຳປຶກສາ (ການຕິດຕໍ່ກ່ອນ)',
  },
};

addStrings('callbacks', {
  lo,
  en: {
    title: 'Call-back list',
    missedTitle: 'Missed calls (hung up while waiting or in the menu)',
    never: 'Nobody is called back automatically: a counsellor decides and places the call.',
    none: 'Nothing here',
    hotline: 'Hotline',
    language: 'Language',
    since: 'Since',
    origin: { requested: 'Caller asked for a call-back', missed: 'From a missed call' },
    status: {
      open: 'Waiting',
      taken: 'Taken',
      placed: 'Calling',
      done: 'Done',
      cancelled: 'Cancelled',
    },
    safety: 'Safety',
    noSms: 'No SMS',
    noVoicemail: 'No voicemail',
    notSafeToTalk: 'Was not safe to talk last time',
    noSafety: 'No safety information from earlier contacts',
    showCodeWord: 'Show code word',
    codeWord: 'Code word: {{word}}',
    noCodeWord: 'No code word',
    take: 'Take',
    call: 'Call now',
    ringingYou: 'Your phone is ringing: the caller is called once you answer.',
    reached: 'Reached',
    notReached: 'No answer',
    unsafe: 'Unsafe, hung up',
    addCallback: 'Add to call-backs',
    leftAt: 'Hung up at',
    safeTime: {
      label: "Caller's safe time",
      any: 'Any time',
      until: 'Only until {{time}}',
      from: 'Not before {{time}}',
      next: 'Next safe time: {{when}}',
      today: 'today',
      tomorrow: 'tomorrow',
      earlierNote: "Counsellor's note (earlier contact)",
    },
    leftInMenu: 'Hung up in the menu, before the queue',
  },
});

// "Call now" refused outside the caller's safe time: said in the reader's language.
addStrings('common', {
  lo: {
    errors: {
      CALLBACK_OUTSIDE_SAFE_TIME: 'ຕອນນີ້ບໍ່ແມ່ນເວລາປອດໄພຂອງຜູ້ໂທ: ລໍຖ້າເວລາປອດໄພຄັ້ງຕໍ່ໄປ.',
    },
  },
  en: {
    errors: {
      CALLBACK_OUTSIDE_SAFE_TIME:
        "It is not the caller's safe time now: wait for their next safe time.",
    },
  },
});
