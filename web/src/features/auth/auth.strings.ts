import { addStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ເຂົ້າສູ່ລະບົບ',
  subtitle: 'ລະບົບສາຍດ່ວນຕ້ານການຄ້າມະນຸດ',
  username: 'ຊື່ຜູ້ໃຊ້',
  password: 'ລະຫັດຜ່ານ',
  code: 'ລະຫັດຢືນຢັນ 6 ຕົວເລກ',
  codeHint: 'ເປີດແອັບຢືນຢັນຕົວຕົນໃນໂທລະສັບຂອງທ່ານ',
  submit: 'ເຂົ້າສູ່ລະບົບ',
  verify: 'ຢືນຢັນ',
  signInAgain: 'ເຂົ້າສູ່ລະບົບອີກຄັ້ງ',
  enrol: 'ບັນຊີນີ້ຕ້ອງໃຊ້ການຢືນຢັນສອງຂັ້ນ. ເພີ່ມລະຫັດລັບນີ້ໃສ່ແອັບຢືນຢັນຕົວຕົນຂອງທ່ານ:',
  enrolLink: 'ເປີດໃນແອັບຢືນຢັນຕົວຕົນ',
};

addStrings('auth', {
  lo,
  en: {
    title: 'Sign in',
    subtitle: 'Anti-human-trafficking hotline system',
    username: 'User name',
    password: 'Password',
    code: '6-digit verification code',
    codeHint: 'Open the authenticator app on your phone',
    submit: 'Sign in',
    verify: 'Verify',
    signInAgain: 'Sign in again',
    enrol: 'This account needs two-step sign-in. Add this secret to your authenticator app:',
    enrolLink: 'Open in authenticator app',
  },
});
