/** The words the indicator table's DOCX and XLSX share, after seed 002's "แนวทางในการยกระดับ…" table. */
export const INDICATOR_TITLE = 'รายงานผลการดำเนินการตามแนวทางในการยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน';

export const INDICATOR_HEADERS = ['ตัวชี้วัด', 'คะแนน', 'แนวทางในการยกระดับการประเมิน', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'ความก้าวหน้าผลการดำเนินการ'] as const;

export const INSTRUMENT_HEADING: Record<'IIT' | 'EIT' | 'OIT', string> = {
  IIT: 'ประเด็นการประเมิน IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน',
  EIT: 'ประเด็นการประเมิน EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
  OIT: 'ประเด็นการประเมิน OIT การเปิดเผยข้อมูลสาธารณะ',
};

/** The progress cell: what was done, then the seed's status tick as words. */
export const progressCell = (progress: string, status: string): string => [progress.trim(), `สถานะ: ${status}`].filter(Boolean).join('\n');
