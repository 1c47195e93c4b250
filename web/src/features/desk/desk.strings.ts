import { addStrings } from '../../shared/i18n/i18n';

const lo = {
  title: 'ໂຕະໃຫ້ຄຳປຶກສາ',
};

addStrings('desk', { lo, en: { title: 'Counsellor desk' } });
