/**
 * The kinds of pushed messages (replies cost nothing and are not among them), each with its Thai name and
 * whether a rule requires it to go out whatever the month's budget. A message's kind is read from what the
 * outbox stores for it: its source (a job run `<org>:<job>:<period>`, `complaint:<id>`, `oit:<id>`,
 * `dead-events`) and its key (which names the occasion); `kindOfOutgoing` is the one reader.
 */
export const MESSAGE_KINDS = {
  // What a rule requires (docs/domain.md, "Messages and their cost").
  'deadline-reminder': { thai: 'เตือนใกล้ครบกำหนด 15 วัน', required: true },
  'deadline-escalation': { thai: 'แจ้งเรื่องเกินกำหนด 15 วัน', required: true },
  'not-fixed-escalation': { thai: 'เรื่องที่ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไขถึงผู้บริหาร', required: true },
  'citizen-update': { thai: 'แจ้งผลและความคืบหน้าแก่ผู้ร้อง', required: true },
  'corruption-notice': { thai: 'แจ้งเจ้าหน้าที่เรื่องเบาะแสการทุจริต', required: true },
  // What can wait, be merged, or go by reply.
  'complaint-notice': { thai: 'แจ้งเจ้าหน้าที่เรื่องร้องเรียน', required: false },
  'citizen-photos': { thai: 'ภาพหลังดำเนินการถึงผู้ร้อง', required: false },
  'follow-up': { thai: 'ติดตามผลการดำเนินงาน', required: false },
  'round-reminder': { thai: 'เตือนรายงานรอบ 6 และ 12 เดือน', required: false },
  'monthly-summary': { thai: 'สรุปรายเดือนถึงผู้บริหาร', required: false },
  'executive-group': { thai: 'ข้อความถึงกลุ่มผู้บริหาร', required: false },
  'oit-reminder': { thai: 'เตือนงาน OIT', required: false },
  'oit-returned': { thai: 'OIT ที่ส่งกลับให้แก้ไข', required: false },
  'oit-link-broken': { thai: 'ลิงก์ OIT ที่เปิดไม่ได้', required: false },
  'rollup-summary': { thai: 'สรุปภาพรวมหลายหน่วยงาน', required: false },
  'late-answer': { thai: 'คำตอบที่ส่งหลังหมดเวลาตอบกลับ', required: false },
  'fault-notice': { thai: 'แจ้งระบบขัดข้อง', required: false },
  other: { thai: 'อื่น ๆ', required: false },
} as const satisfies Record<string, { thai: string; required: boolean }>;

export type MessageKind = keyof typeof MESSAGE_KINDS;
export const MESSAGE_KIND_NAMES = Object.keys(MESSAGE_KINDS) as MessageKind[];

export const isMessageKind = (value: unknown): value is MessageKind => typeof value === 'string' && Object.hasOwn(MESSAGE_KINDS, value);
export const isRequiredKind = (kind: MessageKind): boolean => MESSAGE_KINDS[kind].required;
export const messageKindThai = (kind: MessageKind): string => MESSAGE_KINDS[kind].thai;

/** Each job's messages by what its keys hold after the run id (`<run>:officer:<id>`, `<run>:executives` …). */
const JOB_KINDS: Record<string, MessageKind> = {
  'follow-up': 'follow-up',
  'round-reminder': 'round-reminder',
  'monthly-summary': 'monthly-summary',
  'oit-reminder': 'oit-reminder',
  'oit-url-check': 'oit-link-broken',
  'rollup-summary': 'rollup-summary',
  'complaint-deadlines': 'deadline-escalation',
};

/** The parts `outboxParts` adds to a key (`:r0:m1`), which say nothing of what the message is. */
const PART_SUFFIX = /:r\d+:m\d+$/;

/** A case's occasion as its notice key names it (`complaint:<id>:<occasion>[:…]`). */
function complaintKind(occasion: string): MessageKind {
  if (occasion.startsWith('reminder')) return 'deadline-reminder';
  if (occasion.startsWith('explain-request')) return 'deadline-escalation';
  if (occasion.startsWith('escalated-not-fixed')) return 'not-fixed-escalation';
  if (occasion.startsWith('update:')) return 'citizen-update';
  if (occasion.startsWith('photos:')) return 'citizen-photos';
  return 'complaint-notice';
}

/**
 * What an outbox message is, from its source and its key (with or without the part suffix). A complaint
 * notice to the officers of the corruption channel cannot be told from its key (a case id names no channel):
 * the code that enqueues it says so (`Outgoing.kind`), and this is the default for everything else.
 */
export function kindOfOutgoing(source: string, key: string): MessageKind {
  const k = key.replace(PART_SUFFIX, '');
  if (source === 'dead-events') return 'fault-notice';
  if (source.startsWith('oit:')) return 'oit-returned';
  // A job's copy to the executives' group: `<run>:group:<group key>:<what>`.
  if (k.startsWith(`${source}:group:`)) return 'executive-group';
  if (k.startsWith('complaint:escalations:')) return 'deadline-escalation';
  const complaint = /^complaint:[^:]+:(.+)$/.exec(k);
  if (complaint) return complaintKind(complaint[1]!);
  if (k.startsWith('oit-url:')) return 'oit-link-broken';
  const job = source.split(':')[1];
  return (job !== undefined && JOB_KINDS[job]) || 'other';
}

/** LINE's group and room ids (C…, R…): a push there is billed once per member, not once. */
export const isGroupOrRoomId = (to: string): boolean => /^[CR][0-9a-f]{32}$/.test(to);
