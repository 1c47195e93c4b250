import { addStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ຮັບສາຍຢູ່ໃສ',
  intro: 'ສາຍທີ່ທ່ານກົດຮັບ, ສາຍທີ່ເພື່ອນຮ່ວມງານໂອນມາໃຫ້ທ່ານ ແລະ ສາຍທີ່ທ່ານໂທກັບ ຈະດັງຢູ່ບ່ອນທີ່ທ່ານເລືອກ.',
  browser: 'ໃນໂປຣແກຣມທ່ອງເວັບນີ້ (ຫູຟັງ ແລະ ໄມ)',
  mobile: 'ໃນໂທລະສັບມືຖືຂອງຂ້ອຍ',
  mobileNumber: 'ເບີມືຖື',
  mobileHint: 'ຮູບແບບສາກົນ, ຕົວຢ່າງ +8562055512345. ທ່ານຈະໄດ້ຍິນ "ສາຍດ່ວນ, ກົດ 1" ກ່ອນເຊື່ອມຕໍ່ຫາຜູ້ໂທ.',
  invalidNumber: 'ກະລຸນາໃສ່ເບີໃນຮູບແບບສາກົນ, ເລີ່ມດ້ວຍ +',
  noSoftphone: 'ລະບົບນີ້ບໍ່ມີໂທລະສັບໃນໂປຣແກຣມທ່ອງເວັບ: ກະລຸນາຮັບສາຍທາງມືຖື.',
  save: 'ບັນທຶກ',
  saved: 'ບັນທຶກແລ້ວ',
};

addStrings('answerOn', {
  lo,
  en: {
    title: 'Where I answer',
    intro:
      'Calls you accept, calls a colleague transfers to you and your call-backs ring where you choose here.',
    browser: 'In this browser (headset and microphone)',
    mobile: 'On my own mobile',
    mobileNumber: 'Mobile number',
    mobileHint:
      'International format, e.g. +8562055512345. You hear "hotline call, press 1" before you are connected to the caller.',
    invalidNumber: 'Enter the number in international format, starting with +',
    noSoftphone: 'This system has no browser softphone: answer on your mobile.',
    save: 'Save',
    saved: 'Saved',
  },
});
