import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// Merged into the `admin` namespace: which consent each kind of partner needs.
const lo = {
  consent: {
    intro: 'ກ່ອນສົ່ງຕໍ່ໃຫ້ພາກສ່ວນແຕ່ລະປະເພດ ຕ້ອງມີການຍິນຍອມນີ້. ຖ້າບໍ່ມີ ການສົ່ງຕໍ່ຈະຖືກກັກໄວ້ ແລະ ສະແດງໃຫ້ຜູ້ໃຫ້ຄຳປຶກສາເຫັນ.',
    kind: 'ປະເພດພາກສ່ວນ',
    scope: 'ການຍິນຍອມທີ່ຕ້ອງມີ',
    none: 'ບໍ່ຕ້ອງມີ',
    childRule: 'ສຳລັບເດັກ',
    childRules: {
      guardian_or_best_interest: 'ຜູ້ປົກຄອງຍິນຍອມ ຫຼື ບັນທຶກການຕັດສິນເພື່ອຜົນປະໂຫຍດສູງສຸດຂອງເດັກ',
      always: 'ສົ່ງສະເໝີ (ໜ້າທີ່ຕ້ອງແຈ້ງ)',
    },
    version: 'ສະບັບ',
    shipped: 'ຄ່າເລີ່ມຕົ້ນ',
    saveFor: 'ບັນທຶກ {{kind}}',
    saved: 'ບັນທຶກ {{kind}} ແລ້ວ (ສະບັບ {{version}}). ການສົ່ງຕໍ່ຄັ້ງຕໍ່ໄປຈະໃຊ້ກົດນີ້.',
    scopes: {
      case_management: 'ຄຸ້ມຄອງກໍລະນີ',
      share_with_service_providers: 'ແບ່ງປັນກັບຜູ້ໃຫ້ບໍລິການ',
      report_to_police: 'ແຈ້ງຕຳຫຼວດ',
      share_with_labour_authority: 'ແບ່ງປັນກັບອົງການແຮງງານ',
      anonymised_statistics: 'ສະຖິຕິບໍ່ລະບຸຕົວຕົນ',
      follow_up_contact: 'ຕິດຕໍ່ຕິດຕາມ',
    },
  },
};

const en: TStrings<typeof lo> = {
  consent: {
    intro:
      'A referral to each kind of partner needs this consent. Without it the referral is held back and the counsellor is shown why.',
    kind: 'Kind of partner',
    scope: 'Consent needed',
    none: 'None',
    childRule: 'For a child',
    childRules: {
      guardian_or_best_interest: "A guardian's consent or a recorded best-interest decision",
      always: 'Always sent (a duty to report)',
    },
    version: 'Version',
    shipped: 'as shipped',
    saveFor: 'Save {{kind}}',
    saved: 'Saved {{kind}} (version {{version}}). The next referral follows it.',
    scopes: {
      case_management: 'Case management',
      share_with_service_providers: 'Share with service providers',
      report_to_police: 'Report to the police',
      share_with_labour_authority: 'Share with the labour authority',
      anonymised_statistics: 'Anonymised statistics',
      follow_up_contact: 'Follow-up contact',
    },
  },
};

addStrings('admin', { lo, en });
