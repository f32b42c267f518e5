import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pLimit from 'p-limit';
import { loadDialog } from '../../src/db/conversation-store.js';
import { createInvite } from '../../src/db/invite-store.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { Chat, fileGeneralComplaint, visibleText } from '../support/chat.js';
import { testSealer, type Harness } from '../support/harness.js';
import { INTENTS, type Intent, type Phrase } from './phrase-set.js';

export const ORG = 'test-org';
/** The supervisor's scope: any province will do, the roll-up of an empty one is still a roll-up. */
const SUPERVISOR_SCOPE = 'province:อ่างทอง';
/** The officer's unit in the sample plan (examples/plan-2568.csv): most items are theirs. */
const OFFICER_UNIT = 'สำนักปลัด';

/**
 * What the bot took a message for, read from its reply and the dialog it left (never from its code):
 * an intent, or why it was not one. `stored-as-answer`: a cancel phrase kept as the complaint's story.
 */
export type Reading = Intent | 'unknown' | 'refused' | 'track-usage' | 'track-not-found' | 'stored-as-answer' | 'other';

export interface Outcome {
  phrase: Phrase;
  reading: Reading;
  hit: boolean;
  /** A non-command taken for a command (a dialog started, a complaint offered, a command answered). */
  falseStart: boolean;
  /** The first characters of what the person read, to see why. */
  reply: string;
}

/** Every button label in the replies, in order: quick replies and flex buttons alike. */
function buttonLabels(messages: any[]): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.label === 'string' && (node.type === 'postback' || node.type === 'message')) out.push(node.label);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  return out;
}

/** A complaint offered or started: by the kind already chosen, else by the channel offered first. */
function complaintChannel(kind: unknown, labels: string[]): Intent {
  if (kind === 'corruption') return 'corruption';
  if (kind === 'general') return 'complaint';
  const first = labels.find((l) => /ทุจริต|เบาะแส|ร้องเรียนทั่วไป|เรื่องทั่วไป/.test(l));
  return first && /ทุจริต|เบาะแส/.test(first) ? 'corruption' : 'complaint';
}

/**
 * Reads what the bot understood, the way the person would see it. Each intent has its own mark:
 * - complaint / corruption: a complaint dialog under way afterwards (the kind chosen, or asked with the
 *   general channel first for a complaint and the confidential channel first for a corruption report), or
 *   an offer to file with those channels as buttons;
 * - cancel at the story question: the dialog ended, or a question about cancelling with nothing stored
 *   (the dialog still at its story question); as a first message: "nothing under way" / "cancelled";
 *   anything else at the story question must leave the dialog there (else `stored-as-answer`);
 * - track: the case's own tracking text ("เรื่องเลขที่ G2570-0114 …") for the number the phrase names;
 * - my-cases: the list of the person's cases ("เรื่องของท่าน …");
 * - report: the officer's item list, an item found by name, or the report dialog started;
 * - summary / rollup: the organisation's summary carousel / the supervisor's roll-up;
 * - export: the choice of reports to download; stats: the complaint statistics; oit: the OIT list or
 *   dialog; profile: "ข้อมูลของท่าน" or the profile dialog; register: "ลงทะเบียนเรียบร้อยแล้ว";
 * - help: the help text; none (a pleasantry): a short answer that is none of the above, with no
 *   "ไม่เข้าใจ", no wall of help and nothing started.
 */
export function readReply(phrase: Phrase, replies: any[], dialog: { dialog: string; step: string; data: any } | null): Reading {
  const shown = visibleText(replies);
  const alt = replies.map((m) => (typeof m.altText === 'string' ? m.altText : '')).join('\n');
  const labels = buttonLabels(replies);
  // At the story question the dialog must stay where it was unless the message cancels it.
  const atStory = phrase.context === 'story-question';
  if (atStory) {
    if (!dialog || dialog.dialog !== 'complaint') return 'cancel';
    if (dialog.step !== 'what') return 'stored-as-answer';
    if (phrase.intent === 'cancel') return /ยกเลิก/.test(shown) && labels.length > 0 ? 'cancel' : 'other';
  }
  if (/ลงทะเบียนเรียบร้อยแล้ว/.test(shown)) return 'register';
  if (dialog?.dialog === 'complaint' && !atStory) return complaintChannel(dialog.data?.kind, labels);
  if (dialog?.dialog === 'officer_report') return 'report';
  if (dialog?.dialog === 'oit_answer') return 'oit';
  if (dialog?.dialog === 'staff_profile') return 'profile';
  if (/ไม่เข้าใจ/.test(shown)) return 'unknown';
  if (/เท่านั้น|ใช้ได้เฉพาะ/.test(shown)) return 'refused';
  // An offer to file the message as a complaint, made without a dialog.
  if (labels.some((l) => /ทุจริต|เบาะแส/.test(l)) && labels.some((l) => /ทั่วไป/.test(l))) return complaintChannel(undefined, labels);
  if (/^เรื่องของท่าน/m.test(alt) || /^เรื่องของท่าน/m.test(shown)) return 'my-cases';
  if (/เรื่องเลขที่ [GC]\d{4}-\d{4}/.test(shown)) return 'track';
  if (/กรุณาพิมพ์ "ติดตาม"/.test(shown)) return 'track-usage';
  if (/ไม่พบเรื่องเลขที่/.test(shown)) return 'track-not-found';
  if (/ไม่มีรายการที่ทำค้างอยู่|ยกเลิกรายการที่ทำค้างไว้แล้ว/.test(shown)) return 'cancel';
  if (/รายการที่ต้องรายงาน|รายการที่ดำเนินการแล้วเสร็จ|รายการที่ใกล้เคียง/.test(alt) || /ไม่พบรายการที่ตรงกับ|ท่านจึงรายงานรายการนี้ไม่ได้|จึงปิดการรายงานไว้/.test(shown)) return 'report';
  if (/: ภาพรวมร้อยละ/.test(alt)) return 'summary';
  if (/ระดับการดำเนินการร้อยละ/.test(alt) || /ยังไม่มีองค์กร|ในความกำกับดูแล/.test(shown)) return 'rollup';
  if (/เลือกรายงานที่ต้องการดาวน์โหลด|การดาวน์โหลดรายงาน/.test(shown)) return 'export';
  if (/^ข้อมูลเปิดเผยต่อสาธารณะ ปีงบประมาณ/m.test(shown) || /^ข้อมูล OIT/m.test(alt)) return 'oit';
  if (/^สถิติเรื่องร้องเรียน ปีงบประมาณ/m.test(shown)) return 'stats';
  if (/^ข้อมูลของท่าน/m.test(shown)) return 'profile';
  if (/"ช่วยเหลือ" แสดงข้อความนี้|^สำหรับประชาชน/m.test(shown)) return 'help';
  if (replies.length > 0 && !dialog && shown.length <= 400) return 'none';
  return 'other';
}

const COMMAND_READINGS = new Set<Reading>(INTENTS.filter((i) => i !== 'none' && i !== 'help'));

/** One fresh LINE user of the phrase's role, brought to its context, then the phrase; what the bot took it for. */
async function measureOne(h: Harness, phrase: Phrase, n: number): Promise<Outcome> {
  const chat = new Chat(h, `U${(0xa0000000 + n).toString(16)}${'0'.repeat(24)}`);
  const userKey = testSealer.userKey(chat.userId);
  let text = phrase.text;
  if (phrase.role !== 'citizen') {
    h.line.profiles.set(chat.userId, 'ผู้ทดสอบ ภาษาไทย');
    const { code } = await createInvite({
      orgId: ORG,
      roles: [phrase.role],
      unit: phrase.role === 'officer' ? OFFICER_UNIT : null,
      position: null,
      scope: phrase.role === 'supervisor' ? SUPERVISOR_SCOPE : null,
      validHours: 24,
    });
    const registered = visibleText(await chat.say(`ลงทะเบียน ${code}`));
    if (!registered.includes('ลงทะเบียนเรียบร้อยแล้ว')) throw new Error(`could not register a ${phrase.role}: ${registered.slice(0, 200)}`);
    // Registering asks for the name and position that sign reports: staff who use the bot have answered.
    await chat.say('นางสาวสมศรี ใจดี');
    await chat.say('ข้าม');
    if (await loadDialog(ORG, userKey, new Date(), testSealer)) throw new Error(`a ${phrase.role} is still in a dialog after registering`);
  }
  if (phrase.intent === 'register') {
    const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit: OFFICER_UNIT, position: null, validHours: 24 });
    text = text.replace('{code}', code).replace('{lower}', code.toLowerCase());
  }
  // A tracking phrase at the story question needs a case of the person's own too.
  if (phrase.context === 'after-case' || phrase.caseNo) {
    const receipt = visibleText(await fileGeneralComplaint(chat, 'ไฟถนนหน้าบ้านดับมาสามวันแล้วค่ะ'));
    if (!/ได้รับเรื่องแล้ว/.test(receipt)) throw new Error(`could not file a case: ${receipt.slice(0, 200)}`);
    // The phrase names its own number: the person's case is given it (numbers above the counter's reach).
    if (phrase.caseNo) await ComplaintModel.updateOne({ orgId: ORG, reporterKey: userKey }, { $set: { trackingNo: phrase.caseNo } });
  }
  if (phrase.context === 'story-question') {
    await chat.say('ร้องเรียน');
    const asked = visibleText(await chat.tap('a=cm.kind&k=general'));
    const at = await loadDialog(ORG, userKey, new Date(), testSealer);
    if (at?.state.step !== 'what') throw new Error(`not at the story question: ${asked.slice(0, 200)}`);
  }
  const replies = await chat.say(text);
  const stored = await loadDialog(ORG, userKey, new Date(), testSealer);
  const state = stored ? (stored.state as { dialog: string; step: string; data: any }) : null;
  let reading = readReply(phrase, replies, state);
  // Tracking is understood only when it is the number the phrase names.
  if (reading === 'track' && phrase.caseNo && !visibleText(replies).includes(`เรื่องเลขที่ ${phrase.caseNo}`)) reading = 'track-not-found';
  return {
    phrase,
    reading,
    hit: reading === phrase.intent,
    falseStart: phrase.intent === 'none' && COMMAND_READINGS.has(reading),
    reply: visibleText(replies).replace(/\s+/g, ' ').slice(0, 160),
  };
}

/** Sends every phrase (a few people at a time, as a busy morning would), in the file's order. */
export async function measureAll(h: Harness, phrases: Phrase[], concurrency = 6): Promise<Outcome[]> {
  const limit = pLimit(concurrency);
  return Promise.all(phrases.map((p, n) => limit(() => measureOne(h, p, n))));
}

export interface Rate {
  hits: number;
  total: number;
  percent: number;
}

const rate = (outcomes: Outcome[], pick: (o: Outcome) => boolean = (o) => o.hit): Rate => {
  const hits = outcomes.filter(pick).length;
  return { hits, total: outcomes.length, percent: outcomes.length === 0 ? 0 : Math.round((1000 * hits) / outcomes.length) / 10 };
};

export interface Figures {
  measuredAt: string;
  phrases: number;
  /** Per intent and split: how many phrases were understood as meant. */
  intents: Record<string, { build: Rate; heldOut: Rate; all: Rate }>;
  /** Non-commands (intent none) taken for a command, per split. */
  falseStarts: { build: Rate; heldOut: Rate; all: Rate };
  /** Per writing feature (typo, isan, thai-digits…), on all phrases. */
  features: Record<string, Rate>;
  /** What each missed phrase was taken for. */
  misses: { text: string; intent: Intent; role: string; context: string; split: string; reading: Reading; reply: string }[];
}

export function tally(outcomes: Outcome[], now = new Date()): Figures {
  const intents: Figures['intents'] = {};
  for (const intent of INTENTS) {
    const mine = outcomes.filter((o) => o.phrase.intent === intent);
    if (mine.length === 0) continue;
    intents[intent] = { build: rate(mine.filter((o) => o.phrase.split === 'build')), heldOut: rate(mine.filter((o) => o.phrase.split === 'held-out')), all: rate(mine) };
  }
  const none = outcomes.filter((o) => o.phrase.intent === 'none');
  const started = (o: Outcome) => o.falseStart;
  const features: Figures['features'] = {};
  for (const f of [...new Set(outcomes.flatMap((o) => o.phrase.features))].sort()) features[f] = rate(outcomes.filter((o) => o.phrase.features.includes(f)));
  return {
    measuredAt: now.toISOString(),
    phrases: outcomes.length,
    intents,
    falseStarts: { build: rate(none.filter((o) => o.phrase.split === 'build'), started), heldOut: rate(none.filter((o) => o.phrase.split === 'held-out'), started), all: rate(none, started) },
    features,
    misses: outcomes
      .filter((o) => !o.hit)
      .map((o) => ({ text: o.phrase.text, intent: o.phrase.intent, role: o.phrase.role, context: o.phrase.context, split: o.phrase.split, reading: o.reading, reply: o.reply })),
  };
}

const cell = (r: Rate) => `${String(r.hits).padStart(3)}/${String(r.total).padEnd(3)} ${`${r.percent.toFixed(1)} %`.padStart(7)}`;

/** The table printed by `npm run measure-understanding`. */
export function table(f: Figures): string {
  const lines = [`Understanding, measured (${f.phrases} phrases, ${f.measuredAt})`, `${'intent'.padEnd(12)} ${'held-out'.padEnd(16)} ${'build'.padEnd(16)} all`];
  for (const [intent, r] of Object.entries(f.intents)) lines.push(`${intent.padEnd(12)} ${cell(r.heldOut)}  ${cell(r.build)}  ${cell(r.all)}`);
  lines.push(`${'false starts'.padEnd(12)} ${cell(f.falseStarts.heldOut)}  ${cell(f.falseStarts.build)}  ${cell(f.falseStarts.all)}  (non-commands taken for a command)`);
  lines.push('', 'by feature (all phrases):');
  for (const [feature, r] of Object.entries(f.features)) lines.push(`  ${feature.padEnd(14)} ${cell(r)}`);
  return lines.join('\n');
}

export function writeFigures(f: Figures, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(f, null, 2)}\n`);
}
