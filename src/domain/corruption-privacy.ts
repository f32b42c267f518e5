/**
 * Who may see what of a corruption report, and every sentence the bot says about it. The table is the
 * decision (docs/domain.md, "Who sees what of a corruption report"); the sentences are built from it, so a
 * change of the table changes what people are told, and a test checks each audience's messages against it.
 * Pure data and functions.
 */

export const AUDIENCES = [
  'reporter',
  'responsible_officer',
  'integrity_officers',
  'complaint_officers',
  'executives',
  'executive_group',
  'supervisors',
  'public',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * How much of the corruption reports' numbers an audience is given:
 * - `none`: nothing, not even that any exist;
 * - `within_all`: only inside the figures of all complaints together, never apart;
 * - `year`: the fiscal year's number of reports received (what OIT publishes);
 * - `full`: received, closed and overdue.
 */
export type CountsAllowance = 'none' | 'within_all' | 'year' | 'full';

export interface Allowance {
  /** What happened, when, where, the photos. */
  story: boolean;
  /** Who is accused. */
  accused: boolean;
  /** The reporter's LINE account or name. */
  reporter: boolean;
  /** That this one report exists: its tracking number, status, dates. */
  existence: boolean;
  counts: CountsAllowance;
}

const NOTHING: Allowance = { story: false, accused: false, reporter: false, existence: false, counts: 'none' };
const HANDLES: Allowance = { story: true, accused: true, reporter: false, existence: true, counts: 'full' };

/**
 * The decision. Every integrity officer of the organisation, not only the one who took the case, reads it:
 * an organisation has one or two, and a report must not wait for one who is away. Nobody in the
 * organisation is shown who reported. Executives answer for the 15-day rule and sign the OIT figures, so
 * they get numbers; their LINE group gets nothing, as its members are not vetted and the accused may be
 * one of them; supervisors see complaints only all together; the public page shows the year's number.
 */
export const CORRUPTION_PRIVACY: Readonly<Record<Audience, Readonly<Allowance>>> = {
  reporter: { story: true, accused: true, reporter: true, existence: true, counts: 'none' },
  responsible_officer: HANDLES,
  integrity_officers: HANDLES,
  complaint_officers: NOTHING,
  executives: { ...NOTHING, counts: 'full' },
  executive_group: NOTHING,
  supervisors: { ...NOTHING, counts: 'within_all' },
  public: { ...NOTHING, counts: 'year' },
};

/** The audiences as the reporter's notice names them. */
const AUDIENCE_TH: Record<Audience, string> = {
  reporter: 'ผู้แจ้ง',
  responsible_officer: 'นิติกรผู้รับเรื่อง',
  integrity_officers: 'นิติกรหรือผู้รับผิดชอบเรื่องทุจริตของหน่วยงาน',
  complaint_officers: 'เจ้าหน้าที่รับเรื่องร้องเรียนทั่วไป',
  executives: 'ผู้บริหาร',
  executive_group: 'กลุ่ม LINE ของผู้บริหาร',
  supervisors: 'หน่วยงานกำกับดูแล',
  public: 'ประชาชนทั่วไป',
};

/** The audiences as the README's table names them. */
const AUDIENCE_EN: Record<Audience, string> = {
  reporter: 'the reporter',
  responsible_officer: 'the integrity officer who took the case',
  integrity_officers: "the organisation's other integrity officers",
  complaint_officers: 'complaint officers',
  executives: 'executives (own chat)',
  executive_group: "the executives' LINE group",
  supervisors: 'supervisors (roll-ups)',
  public: 'the public page',
};

const COUNTS_EN: Record<CountsAllowance, string> = {
  none: 'none',
  within_all: 'only inside all complaints together',
  year: "the fiscal year's number received",
  full: 'received, closed, overdue',
};

const others = (a: Audience) => a !== 'reporter';

/** Who besides the reporter may read the story; the responsible officer is one of the integrity officers. */
function storyReaders(): Audience[] {
  const readers = AUDIENCES.filter((a) => others(a) && CORRUPTION_PRIVACY[a].story);
  return readers.includes('integrity_officers') ? readers.filter((a) => a !== 'responsible_officer') : readers;
}

/** Those given numbers and nothing else. */
function countsOnly(): Audience[] {
  return AUDIENCES.filter((a) => {
    const x = CORRUPTION_PRIVACY[a];
    return x.counts !== 'none' && !x.story && !x.accused && !x.reporter && !x.existence;
  });
}

const nobodyKnowsReporter = () => AUDIENCES.every((a) => !others(a) || !CORRUPTION_PRIVACY[a].reporter);

function thaiList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(' ')} และ${items[items.length - 1]}`;
}

const named = (audiences: Audience[]) => thaiList(audiences.map((a) => AUDIENCE_TH[a]));

/** Who reads the story, in the words of every sentence that says so. */
export const STORY_READERS_TH = named(storyReaders());

/** Whether an audience may be told any number of corruption reports apart from other complaints. */
export const seesCorruptionCounts = (audience: Audience): boolean => CORRUPTION_PRIVACY[audience].counts === 'year' || CORRUPTION_PRIVACY[audience].counts === 'full';

/** The reporter's protection, told before they give any detail and again on the receipt. */
export const REPORTER_PROTECTION_TH = [
  `การคุ้มครองผู้แจ้ง: รายละเอียดและผู้ถูกกล่าวหาที่ท่านแจ้งเปิดให้เฉพาะ${STORY_READERS_TH}อ่าน ซึ่งจะตอบท่านผ่านระบบนี้`,
  nobodyKnowsReporter()
    ? `ระบบเก็บบัญชี LINE ของท่านแบบเข้ารหัสไว้เพื่อส่งความคืบหน้าและให้ท่านติดตามเรื่องของท่านเท่านั้น ไม่มีเจ้าหน้าที่คนใดเห็นชื่อหรือบัญชี LINE ของท่าน เว้นแต่ท่านเขียนไว้ในเรื่องหรือในรูปภาพเอง`
    : '',
  `${named(countsOnly())}เห็นเพียงจำนวนเรื่อง ไม่เห็นเนื้อหาหรือเลขที่เรื่อง`,
]
  .filter(Boolean)
  .join(' ');

/** The corruption channel's privacy notice: it asks for no name or phone number, so it mentions none. */
export const CORRUPTION_PDPA_NOTICE_TH =
  'ประกาศความเป็นส่วนตัว: ระบบเก็บเฉพาะสิ่งที่ท่านแจ้ง (ผู้ถูกกล่าวหา เวลา รายละเอียด สถานที่ และรูปภาพ) เพื่อใช้ตรวจสอบเรื่องและแจ้งผลแก่ท่านเท่านั้น โดยไม่ถามชื่อหรือเบอร์ติดต่อของท่าน ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านพิมพ์ "ยกเลิก" ได้ทุกขั้นตอน';

/** Said of the corruption channel where both channels are offered, before the reporter has chosen. */
export const CORRUPTION_ASKS_NO_CONTACT_TH = 'การแจ้งเบาะแสการทุจริตไม่ถามชื่อหรือเบอร์ติดต่อ';

/** Under the corruption count on the executives' overdue card. */
export const EXECUTIVE_COUNT_NOTE_TH = `ผู้บริหารเห็นเพียงจำนวน รายละเอียด ผู้ถูกกล่าวหาและเลขที่เรื่องเปิดเฉพาะ${STORY_READERS_TH}${nobodyKnowsReporter() ? ' ไม่มีผู้ใดในหน่วยงานเห็นชื่อหรือบัญชี LINE ของผู้แจ้ง' : ''}`;

/** What the public page says it leaves out. */
export const PUBLIC_PAGE_NOTE_TH = `ไม่แสดงเนื้อหาของเรื่อง ผู้ถูกกล่าวหา หรือชื่อและข้อมูลติดต่อของผู้ร้องเรียนและผู้แจ้ง${
  CORRUPTION_PRIVACY.public.counts === 'none' ? '' : ' เรื่องแจ้งเบาะแสการทุจริตแสดงเพียงจำนวน'
}`;

/** Shown to the reporter before filing when the story seems to say who they are. */
export const SELF_IDENTIFYING_WARNING_TH = `${STORY_READERS_TH}จะเห็นข้อความนี้ หากไม่ต้องการให้ทราบว่าท่านคือใคร กด "ลบข้อมูลนี้ออก" หากต้องการให้ติดต่อกลับได้ กด "ส่งตามเดิม"`;

/** Told when the reporter adds to their report: who reads it, and that they are still not shown. */
export const ADDED_INFO_SENT_TH = `ถึง${STORY_READERS_TH}แล้ว${nobodyKnowsReporter() ? ' โดยไม่แสดงชื่อหรือบัญชี LINE ของท่าน' : ''}`;

/** The table in the README (a test checks that the README holds exactly this). */
export function privacyTableMarkdown(): string {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const rows = AUDIENCES.map((a) => {
    const x = CORRUPTION_PRIVACY[a];
    return `| ${AUDIENCE_EN[a]} | ${yes(x.story)} | ${yes(x.accused)} | ${yes(x.reporter)} | ${yes(x.existence)} | ${COUNTS_EN[x.counts]} |`;
  });
  return ['| audience | story | accused | reporter (LINE account, name) | the case (number, status) | counts |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
