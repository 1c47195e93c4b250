import {
  operationsTables,
  SERVICE_LEVEL_SECONDS,
  SHORT_ABANDON_SECONDS,
} from './operations.policy';
import type { TOperationsData } from './operations.repository';
import type { TPeriod } from './report-period.policy';
import type { TReport } from './report-table.types';

export function operationsReport(options: {
  period: TPeriod;
  filters: Record<string, string>;
  data: TOperationsData;
}): TReport {
  return {
    key: 'operations',
    title: { lo: 'ຕົວເລກການດຳເນີນງານສາຍດ່ວນ', en: 'Hotline operations' },
    period: options.period,
    filters: options.filters,
    tables: operationsTables(options.data),
    notes: [
      {
        lo: 'ແຕ່ລະສາຍໂທນັບໜຶ່ງຄັ້ງ ຕາມວັນ ແລະ ຊົ່ວໂມງທີ່ເລີ່ມ (ເວລາລາວ).',
        en: 'Each call is counted once, on the Lao day and hour it started.',
      },
      {
        lo: `ລະດັບການບໍລິການ = ຮັບສາຍພາຍໃນ ${SERVICE_LEVEL_SECONDS} ວິນາທີ / (ຮັບສາຍ + ວາງສາຍລະຫວ່າງລໍ).`,
        en: `Service level = answered within ${SERVICE_LEVEL_SECONDS} s / (answered + abandoned); abandons under ${SHORT_ABANDON_SECONDS} s are counted apart as short abandons.`,
      },
      {
        lo: 'ເວລາລໍສະເລ່ຍ = ເວລາລໍໃນຄິວສະເລ່ຍຂອງສາຍທີ່ໄດ້ຮັບ.',
        en: 'Average speed of answer = mean queue wait of answered calls.',
      },
      {
        lo: 'ຕົວເລກການດຳເນີນງານທາງໂທລະສັບ ນັບສະເພາະສາຍທີ່ເຂົ້າມາຜ່ານລະບົບນີ້: ການໃຫ້ຄຳປຶກສາທີ່ນຳເຂົ້າຈາກບັນທຶກເກົ່າ ຫຼື ບັນທຶກດ້ວຍມື ບໍ່ມີຢູ່ໃນນີ້ (ເບິ່ງສະຖິຕິລະດັບຊາດ).',
        en: 'Telephony operations cover only calls that came through this system: counselling imported from earlier records or entered by hand is not here (see the national statistics).',
      },
    ],
  };
}
