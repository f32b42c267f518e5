import type { MessageKind } from '../domain/message-kinds.js';
import { figures, type DigitStyle } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import type { Message } from '../line/client.js';
import { LINE_LIMITS } from '../line/limits.js';
import { text } from '../line/messages.js';

/** Where the person sees in full what a summarised notice was about: the command to type. */
const WHERE_TO_SEE: Partial<Record<MessageKind, string>> = {
  'complaint-notice': 'เรื่องร้องเรียน',
  'citizen-update': 'เรื่องของฉัน',
  'citizen-photos': 'เรื่องของฉัน',
  'oit-returned': 'OIT',
  'budget-warning': 'สถิติข้อความ',
  'case-feedback': 'เรื่องร้องเรียน',
};

const GIST_LENGTH = 80;

/** A notice in one line: its text's first line, or a card's altText. */
export function gistOf(messages: Message[]): string {
  const first = messages[0] as { type?: string; text?: string; altText?: string } | undefined;
  const line = first?.type === 'text' ? (first.text ?? '').split('\n')[0]! : first?.type === 'flex' ? (first.altText ?? '') : first?.type === 'image' ? 'ภาพ' : '';
  return truncate(line.trim() || 'การแจ้งเตือน', GIST_LENGTH);
}

/**
 * The first message of a digest push holding more notices than LINE's five message objects: how many notices,
 * one line for each not shown in full below it, and what to type to see them all.
 */
export function digestSummary(input: { total: number; shownWhole: number; summarised: { kind: MessageKind; messages: Message[] }[]; digits: DigitStyle }): Message {
  const f = figures(input.digits);
  const lines = [`สรุปการแจ้งเตือนถึงท่าน ${f.count(input.total)} รายการ`];
  lines.push(input.shownWhole > 0 ? `แสดงรายละเอียด ${f.count(input.shownWhole)} รายการในข้อความถัดไป อีก ${f.count(input.summarised.length)} รายการโดยย่อดังนี้` : 'โดยย่อดังนี้');
  for (const n of input.summarised) lines.push(`• ${gistOf(n.messages)}`);
  const where = [...new Set(input.summarised.map((n) => WHERE_TO_SEE[n.kind]).filter((w): w is string => w !== undefined))];
  const hint = where.length > 0 ? `ดูรายละเอียดทั้งหมดได้โดยพิมพ์ ${where.map((w) => `"${w}"`).join(' หรือ ')}` : '';
  // The hint is kept whatever the list's length: it is how the rest is found.
  const body = truncate(lines.join('\n'), LINE_LIMITS.textLength - hint.length - 2);
  return text(hint ? `${body}\n\n${hint}` : body);
}
