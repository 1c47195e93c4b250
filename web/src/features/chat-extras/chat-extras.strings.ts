import { addStrings, type TStrings } from '../../shared/i18n/i18n';

// The `chatExtras` namespace: the desk's canned reply picker and attachment list.
const lo = {
  canned: {
    title: 'ຄຳຕອບສຳເລັດຮູບ',
    pick: 'ໃຊ້ "{{title}}"',
    none: 'ບໍ່ມີຄຳຕອບສຳເລັດຮູບໃນພາສານີ້.',
    hint: 'ກົດເພື່ອໃສ່ຂໍ້ຄວາມໃນຊ່ອງພິມ; ກວດເບິ່ງກ່ອນສົ່ງ.',
  },
  attachments: {
    title: 'ໄຟລ໌ທີ່ໄດ້ຮັບ',
    warning:
      'ໄຟລ໌ຈະບໍ່ຖືກເປີດ ຫຼື ສະແດງໂດຍອັດຕະໂນມັດ. ດາວໂຫຼດສະເພາະເມື່ອຈຳເປັນ; ລະຫັດ SHA-256 ແມ່ນຫຼັກຖານວ່າໄຟລ໌ບໍ່ຖືກປ່ຽນແປງ.',
    none: 'ບໍ່ມີໄຟລ໌ໃນແຊັດນີ້.',
    unnamed: 'ໄຟລ໌ບໍ່ມີຊື່',
    name: 'ຊື່',
    type: 'ປະເພດ',
    size: 'ຂະໜາດ',
    sha256: 'SHA-256',
    state: 'ສະຖານະ',
    download: 'ດາວໂຫຼດ',
    downloadNamed: 'ດາວໂຫຼດ {{name}}',
    refresh: 'ໂຫຼດໃໝ່',
    states: {
      pending: 'ກຳລັງຮັບໄຟລ໌…',
      stored: 'ເກັບໄວ້ແບບເຂົ້າລະຫັດ',
      failed: 'ຮັບໄຟລ໌ບໍ່ໄດ້',
      refused: 'ບໍ່ໄດ້ເກັບ',
    },
    failures: {
      too_large: 'ໄຟລ໌ໃຫຍ່ເກີນກຳນົດ',
      type_not_allowed: 'ປະເພດໄຟລ໌ນີ້ບໍ່ອະນຸຍາດ (ຮັບແຕ່ຮູບ, ສຽງ ແລະ PDF)',
      fetch_failed: 'ຜູ້ໃຫ້ບໍລິການບໍ່ສົ່ງໄຟລ໌ໃຫ້; ຂໍໃຫ້ຜູ້ຕິດຕໍ່ສົ່ງມາໃໝ່',
      no_media_ref: 'ຜູ້ໃຫ້ບໍລິການບໍ່ໄດ້ບອກວ່າໄຟລ໌ຢູ່ໃສ',
    },
    units: { b: '{{n}} B', kb: '{{n}} KB', mb: '{{n}} MB' },
    unknownSize: 'ບໍ່ຮູ້',
  },
};

const en: TStrings<typeof lo> = {
  canned: {
    title: 'Canned replies',
    pick: 'Use "{{title}}"',
    none: 'No canned reply in this language.',
    hint: 'Click to put the text in the message box; check it before sending.',
  },
  attachments: {
    title: 'Files received',
    warning:
      'Files are never opened or shown automatically. Download one only when needed; its SHA-256 is the evidence that it was not altered.',
    none: 'No file in this chat.',
    unnamed: 'Unnamed file',
    name: 'Name',
    type: 'Type',
    size: 'Size',
    sha256: 'SHA-256',
    state: 'State',
    download: 'Download',
    downloadNamed: 'Download {{name}}',
    refresh: 'Refresh',
    states: {
      pending: 'Receiving…',
      stored: 'Kept encrypted',
      failed: 'Not received',
      refused: 'Not kept',
    },
    failures: {
      too_large: 'The file is larger than allowed',
      type_not_allowed: 'This kind of file is not allowed (images, voice notes and PDF only)',
      fetch_failed: 'The provider did not hand the file over; ask the contact to send it again',
      no_media_ref: 'The provider did not say where the file is',
    },
    units: { b: '{{n}} B', kb: '{{n}} KB', mb: '{{n}} MB' },
    unknownSize: 'unknown',
  },
};

addStrings('chatExtras', { lo, en });
