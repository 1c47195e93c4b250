import type { TBundle } from '../shared/i18n/i18n';

// The web chat widget's words, Lao first, kept the way the app keeps every screen's: Lao is the
// source and `TStrings` makes English mirror its keys. The widget runs on partners' sites without
// i18next, so it reads this bundle directly (see widget-i18n.ts).

const lo = {
  launcher: 'ແຊັດກັບສາຍດ່ວນ',
  quickExit: 'ອອກດ່ວນ',
  quickExitHint: 'ປິດແຊັດທັນທີ, ລຶບທຸກຢ່າງ ແລະ ໄປໜ້າອື່ນ',
  otherUiLanguage: 'English',
  close: 'ປິດ',
  prechat: {
    intro: 'ລົມກັບຜູ້ໃຫ້ຄຳປຶກສາໂດຍບໍ່ຕ້ອງບອກຊື່ແທ້. ເປັນຄວາມລັບ, ແລະ ບໍ່ມີຫຍັງຖືກເກັບໄວ້ໃນໂທລະສັບ ຫຼື ຄອມພິວເຕີຂອງທ່ານ.',
    language: 'ທ່ານຢາກລົມເປັນພາສາໃດ?',
    name: 'ຢາກໃຫ້ພວກເຮົາເອີ້ນທ່ານວ່າແນວໃດ? (ບໍ່ຕື່ມກໍໄດ້)',
    namePlaceholder: 'ຊື່ຫຼິ້ນ ຫຼື ຊື່ໃດກໍໄດ້',
    safe: 'ຕອນນີ້ທ່ານແຊັດໄດ້ຢ່າງປອດໄພບໍ?',
    safeYes: 'ປອດໄພ',
    safeNo: 'ບໍ່ປອດໄພ',
    safeRequired: 'ກະລຸນາຕອບວ່າຕອນນີ້ທ່ານປອດໄພບໍ.',
    unsafeAdvice:
      'ຖ້າມີຄົນມາໃກ້, ກົດ "ອອກດ່ວນ" ທັນທີ. ຖ້າທ່ານຢູ່ໃນອັນຕະລາຍ, ໂທຫາສາຍດ່ວນ {{hotline}} ຫຼື ຕຳຫຼວດ 1191.',
    start: 'ເລີ່ມແຊັດ',
    connecting: 'ກຳລັງເຊື່ອມຕໍ່…',
  },
  chat: {
    waiting: 'ກະລຸນາລໍຖ້າຈັກໜ້ອຍ, ຜູ້ໃຫ້ຄຳປຶກສາຈະຕອບທ່ານໄວໆນີ້.',
    you: 'ທ່ານ',
    counsellor: 'ຜູ້ໃຫ້ຄຳປຶກສາ',
    system: 'ສາຍດ່ວນ',
    placeholder: 'ພິມຂໍ້ຄວາມຂອງທ່ານ…',
    send: 'ສົ່ງ',
    sending: 'ກຳລັງສົ່ງ…',
    notSent: 'ຍັງບໍ່ໄດ້ສົ່ງ.',
    retry: 'ສົ່ງຄືນ',
    end: 'ຈົບການແຊັດ',
    reconnecting: 'ຂາດການເຊື່ອມຕໍ່ — ກຳລັງເຊື່ອມຕໍ່ຄືນ…',
    newChat: 'ເລີ່ມແຊັດໃໝ່',
    typing: 'ຜູ້ໃຫ້ຄຳປຶກສາກຳລັງພິມ…',
    attach: 'ແນບໄຟລ໌',
    attachHint: 'ສົ່ງຮູບ, ສຽງ ຫຼື PDF ໄດ້ (ບໍ່ເກີນ {{mb}} MB)',
    file: 'ໄຟລ໌: {{name}}',
  },
  ended: {
    counsellor: 'ການແຊັດນີ້ໄດ້ຈົບລົງແລ້ວ. ຂອບໃຈທີ່ຕິດຕໍ່ມາຫາພວກເຮົາ.',
    blocked: 'ຂໍອະໄພ, ຕອນນີ້ທ່ານບໍ່ສາມາດໃຊ້ແຊັດນີ້ໄດ້. ຖ້າທ່ານຢູ່ໃນອັນຕະລາຍ, ກະລຸນາໂທຫາສາຍດ່ວນ {{hotline}}.',
    expired: 'ການແຊັດນີ້ໝົດເວລາແລ້ວ. ທ່ານສາມາດເລີ່ມແຊັດໃໝ່ໄດ້.',
    stopped: 'ການແຊັດໄດ້ຢຸດແລ້ວຕາມທີ່ທ່ານຂໍ. ພວກເຮົາຈະບໍ່ສົ່ງຫຍັງຫາທ່ານອີກ.',
    visitor: 'ທ່ານໄດ້ຈົບການແຊັດແລ້ວ. ບໍ່ມີຫຍັງຖືກເກັບໄວ້ໃນເຄື່ອງນີ້.',
  },
  errors: {
    WEBCHAT_ORIGIN_REFUSED: 'ແຊັດນີ້ໃຊ້ບໍ່ໄດ້ໃນເວັບໄຊນີ້. ທ່ານສາມາດໂທຫາສາຍດ່ວນ {{hotline}} ໄດ້ໂດຍບໍ່ເສຍຄ່າ.',
    WEBCHAT_BLOCKED: 'ຂໍອະໄພ, ຕອນນີ້ທ່ານບໍ່ສາມາດໃຊ້ແຊັດນີ້ໄດ້. ຖ້າທ່ານຢູ່ໃນອັນຕະລາຍ, ກະລຸນາໂທຫາສາຍດ່ວນ {{hotline}}.',
    WEBCHAT_SESSION_GONE: 'ການແຊັດນີ້ໄດ້ຈົບລົງແລ້ວ. ທ່ານສາມາດເລີ່ມແຊັດໃໝ່ໄດ້.',
    WEBCHAT_NOT_STARTED: 'ການແຊັດນີ້ໄດ້ຈົບລົງແລ້ວ. ທ່ານສາມາດເລີ່ມແຊັດໃໝ່ໄດ້.',
    WEBCHAT_ENDED: 'ການແຊັດນີ້ໄດ້ຈົບລົງແລ້ວ.',
    RATE_LIMITED: 'ທ່ານສົ່ງໄວເກີນໄປ. ກະລຸນາລໍຖ້າຈັກໜ້ອຍ ແລ້ວລອງໃໝ່.',
    VALIDATION_FAILED: 'ຂໍ້ຄວາມນີ້ສົ່ງບໍ່ໄດ້. ກະລຸນາກວດຄືນ.',
    UNAVAILABLE: 'ລະບົບບໍ່ພ້ອມໃຊ້ງານຊົ່ວຄາວ. ກະລຸນາລອງໃໝ່ໃນອີກບໍ່ດົນ.',
    NETWORK: 'ເຊື່ອມຕໍ່ບໍ່ໄດ້. ກະລຸນາກວດອິນເຕີເນັດ ແລ້ວລອງໃໝ່.',
    WEBCHAT_ATTACHMENT_TOO_LARGE: 'ໄຟລ໌ນີ້ໃຫຍ່ເກີນໄປ. ສົ່ງໄດ້ບໍ່ເກີນ {{mb}} MB.',
    WEBCHAT_ATTACHMENT_TYPE: 'ສົ່ງໄດ້ສະເພາະຮູບ, ສຽງ ຫຼື ເອກະສານ PDF ເທົ່ານັ້ນ.',
  },
  /** Languages in the reader's words; each option also shows its own name (see widget-i18n.ts). */
  languages: {
    lo: 'ລາວ',
    hmn: 'ມົ້ງ',
    kjg: 'ຂະມຸ',
    en: 'ອັງກິດ',
    th: 'ໄທ',
    vi: 'ຫວຽດນາມ',
    zh: 'ຈີນ',
  },
};

export const webchatStrings: TBundle<typeof lo> = {
  lo,
  en: {
    launcher: 'Chat with the hotline',
    quickExit: 'Quick exit',
    quickExitHint: 'Close the chat at once, erase everything and go to another page',
    otherUiLanguage: 'ລາວ',
    close: 'Close',
    prechat: {
      intro:
        'Talk to a counsellor without giving your real name. It is confidential, and nothing is kept on your phone or computer.',
      language: 'Which language would you like to talk in?',
      name: 'What would you like us to call you? (optional)',
      namePlaceholder: 'A nickname or any name',
      safe: 'Is it safe for you to chat right now?',
      safeYes: 'Safe',
      safeNo: 'Not safe',
      safeRequired: 'Please say whether it is safe for you now.',
      unsafeAdvice:
        'If someone comes near, press "Quick exit" at once. If you are in danger, call the {{hotline}} hotline or the police on 1191.',
      start: 'Start chat',
      connecting: 'Connecting…',
    },
    chat: {
      waiting: 'Please wait a moment; a counsellor will answer you soon.',
      you: 'You',
      counsellor: 'Counsellor',
      system: 'Hotline',
      placeholder: 'Type your message…',
      send: 'Send',
      sending: 'Sending…',
      notSent: 'Not sent.',
      retry: 'Send again',
      end: 'End chat',
      reconnecting: 'Connection lost — reconnecting…',
      newChat: 'Start a new chat',
      typing: 'The counsellor is typing…',
      attach: 'Attach a file',
      attachHint: 'You can send a photo, a voice note or a PDF (up to {{mb}} MB)',
      file: 'File: {{name}}',
    },
    ended: {
      counsellor: 'This chat has ended. Thank you for reaching out to us.',
      blocked:
        'Sorry, you cannot use this chat at the moment. If you are in danger, please call the {{hotline}} hotline.',
      expired: 'This chat has timed out. You can start a new one.',
      stopped: 'The chat has stopped as you asked. We will not send you anything more.',
      visitor: 'You have ended the chat. Nothing is kept on this device.',
    },
    errors: {
      WEBCHAT_ORIGIN_REFUSED:
        'This chat cannot be used on this website. You can call the {{hotline}} hotline free of charge.',
      WEBCHAT_BLOCKED:
        'Sorry, you cannot use this chat at the moment. If you are in danger, please call the {{hotline}} hotline.',
      WEBCHAT_SESSION_GONE: 'This chat has ended. You can start a new one.',
      WEBCHAT_NOT_STARTED: 'This chat has ended. You can start a new one.',
      WEBCHAT_ENDED: 'This chat has ended.',
      RATE_LIMITED: 'You are sending too fast. Please wait a moment and try again.',
      VALIDATION_FAILED: 'This message cannot be sent. Please check it.',
      UNAVAILABLE: 'The service is unavailable for a moment. Please try again shortly.',
      NETWORK: 'Cannot connect. Please check your internet and try again.',
      WEBCHAT_ATTACHMENT_TOO_LARGE: 'This file is too large. Files up to {{mb}} MB can be sent.',
      WEBCHAT_ATTACHMENT_TYPE: 'Only photos, voice notes and PDF documents can be sent.',
    },
    languages: {
      lo: 'Lao',
      hmn: 'Hmong',
      kjg: 'Khmu',
      en: 'English',
      th: 'Thai',
      vi: 'Vietnamese',
      zh: 'Chinese',
    },
  },
};

export type TWebchatStrings = typeof lo;
