import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// Merged into the `admin` namespace: what each recorded prompt says, for the prompts screen.
// Digits and language lines are labelled by pattern (see prompt-label.ts).
const lo = {
  promptNames: {
    welcome: 'ຍິນດີຕ້ອນຮັບ',
    'other-language': 'ພາສາອື່ນ ກົດ 9',
    'recording-notice': 'ແຈ້ງການບັນທຶກສຽງ',
    'language-menu': 'ເມນູພາສາ',
    position: 'ລຳດັບຂອງທ່ານ',
    'estimated-wait': 'ເວລາລໍຖ້າໂດຍປະມານ',
    minutes: 'ນາທີ',
    'callback-offer': 'ກົດ 1 ເພື່ອໃຫ້ໂທກັບ',
    'callback-confirmed': 'ຢືນຢັນການໂທກັບ',
    'hold-music': 'ສຽງດົນຕີລໍຖ້າ',
    'after-hours-voicemail': 'ນອກເວລາ: ຝາກຂໍ້ຄວາມ',
    'after-hours-forward': 'ນອກເວລາ: ໂອນສາຍ',
    'voicemail-thanks': 'ຂອບໃຈສຳລັບຂໍ້ຄວາມ',
    blocked: 'ສາຍຖືກບລັອກ',
    'please-hold': 'ກະລຸນາຖືສາຍ',
    goodbye: 'ລາກ່ອນ',
    'after-call-question': 'ຄຳຖາມຫຼັງວາງສາຍ',
    whisper: 'ແຈ້ງຜູ້ໃຫ້ຄຳປຶກສາ (ກົດ 1)',
    digit: 'ເລກ {{n}}',
    press: 'ກົດ {{n}}',
    lang: 'ເມນູພາສາ: {{language}}',
  },
  readiness: {
    title: 'ສຽງທີ່ຍັງເປັນສຽງຊົ່ວຄາວ',
    hint: 'ຜູ້ໂທຍັງໄດ້ຍິນສຽງຊົ່ວຄາວແທນສຽງເຫຼົ່ານີ້. ສາຍດ່ວນພ້ອມເປີດໃຊ້ເມື່ອລາຍການນີ້ວ່າງ.',
    ready: 'ທຸກສຽງຖືກອັດແລ້ວ: ສາຍດ່ວນນີ້ພ້ອມແລ້ວ.',
    count: '{{count}} ສຽງ',
  },
};

const en: TStrings<typeof lo> = {
  promptNames: {
    welcome: 'Welcome',
    'other-language': 'Another language, press 9',
    'recording-notice': 'Recording notice',
    'language-menu': 'Language menu',
    position: 'Your place in line',
    'estimated-wait': 'Estimated wait',
    minutes: 'minutes',
    'callback-offer': 'Press 1 to be called back',
    'callback-confirmed': 'Call-back confirmed',
    'hold-music': 'Hold music',
    'after-hours-voicemail': 'After hours: leave a message',
    'after-hours-forward': 'After hours: forwarding',
    'voicemail-thanks': 'Thanks for the message',
    blocked: 'Blocked caller',
    'please-hold': 'Please hold',
    goodbye: 'Goodbye',
    'after-call-question': 'After-call question',
    whisper: 'Counsellor alert (press 1)',
    digit: 'Number {{n}}',
    press: 'Press {{n}}',
    lang: 'Language menu: {{language}}',
  },
  readiness: {
    title: 'Prompts still playing a placeholder',
    hint: 'Callers still hear a placeholder for these. The hotline is ready to go live when this list is empty.',
    ready: 'Every prompt is recorded: this hotline is ready.',
    count: '{{count}} prompts',
  },
};

addStrings('admin', { lo, en });
