import { createHmac, randomBytes } from 'node:crypto';
import { isCancelPhrase } from '../../src/domain/cancel-phrase.js';
import { parsePostbackData } from '../../src/line/postback.js';
import type { RecordedRequest } from '../../src/simulator/fake-line-api.js';
import type { BenchEnvironment } from './environment.js';
import { CANCEL_ACTIONS } from '../../src/features/cancel/actions.js';

/**
 * A person in the chat, for the benchmarks: says something or presses a button of the bot's last answer, and
 * reads the next answer (its words and its buttons) as it arrives at the fake LINE API. A bench that drives a
 * dialog this way follows the dialog as it is today, step by step, instead of a list of answers written for
 * the dialog as it once was: a step added or taken away changes what the person presses, not whether the
 * bench still reaches the end.
 */

/** A button the person can see: a quick reply or a button of a card. */
export interface Button {
  label: string;
  /** A postback button's data (`a=rp.status&s=…`), parsed with the app's own table. */
  postback?: { data: string; action: string; params: Record<string, string> };
  /** A message button's words, sent as if typed. */
  says?: string;
}

export interface Answer {
  /** What the bot said, its texts and cards' alt texts, one string. */
  words: string;
  buttons: Button[];
  /** From the webhook request to the answer accepted at LINE. */
  ms: number;
}

const STEP_TIMEOUT_MS = 120_000;

/** Every button of the messages, quick replies and the cards' own, in the order they are shown. */
export function buttonsOf(messages: unknown[]): Button[] {
  const buttons: Button[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const action = (node as { action?: { type?: string; label?: string; data?: string; text?: string } }).action;
    if (action?.type === 'postback' && typeof action.data === 'string') buttons.push({ label: action.label ?? '', postback: { data: action.data, ...parsePostbackData(action.data) } });
    else if (action?.type === 'message' && typeof action.text === 'string') buttons.push({ label: action.label ?? action.text, says: action.text });
    for (const [key, value] of Object.entries(node)) if (key !== 'action') visit(value);
  };
  // Cards first, then the quick replies under the last message, as the chat shows them.
  for (const m of messages) {
    const { quickReply, ...rest } = m as { quickReply?: unknown };
    visit(rest);
  }
  for (const m of messages) visit((m as { quickReply?: unknown }).quickReply);
  return buttons;
}

/** Whether pressing the button would throw the dialog away. */
export const isCancelButton = (b: Button) => b.postback?.action === CANCEL_ACTIONS.cancel.name || (b.says !== undefined && isCancelPhrase(b.says));

let sequence = 0;
const newEventId = () => `PERS${(sequence++).toString(36).toUpperCase().padStart(10, '0')}${randomBytes(6).toString('hex').toUpperCase()}`.slice(0, 26);

export class Person {
  constructor(
    private readonly env: BenchEnvironment,
    readonly userId: string,
  ) {}

  say(words: string, eventId = newEventId()): Promise<Answer> {
    return this.send({ type: 'message', message: { type: 'text', id: String(sequence), text: words, quoteToken: 'q' } }, eventId);
  }

  press(button: Button, eventId = newEventId()): Promise<Answer> {
    if (button.postback) return this.send({ type: 'postback', postback: { data: button.postback.data } }, eventId);
    if (button.says !== undefined) return this.say(button.says, eventId);
    throw new Error(`the button "${button.label}" does nothing a person could press`);
  }

  private async send(event: Record<string, unknown>, webhookEventId: string): Promise<Answer> {
    const { env, userId } = this;
    const replyToken = randomBytes(16).toString('hex');
    const full = { ...event, webhookEventId, timestamp: Date.now(), mode: 'active', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId }, replyToken };
    const body = JSON.stringify({ destination: 'Ubench', events: [full] });
    const pushesBefore = env.line.requests.length;
    const answered = env.line.waitForAnswer(replyToken, userId);
    const started = Date.now();
    for (let tries = 0; ; tries++) {
      const res = await fetch(`${env.app.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', env.channelSecret).update(body).digest('base64') }, body });
      if (res.ok) break;
      if (tries > 20) throw new Error(`webhook answered ${res.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    let timer: NodeJS.Timeout | undefined;
    const at = await Promise.race([answered, new Promise<never>((_, no) => (timer = setTimeout(() => no(new Error(`no answer to ${userId} within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)))]).finally(() => clearTimeout(timer));
    const request = this.answerRequest(replyToken, pushesBefore);
    const messages = (request?.body?.messages ?? []) as unknown[];
    return { words: messages.map(wordsOf).join('\n'), buttons: buttonsOf(messages), ms: at.getTime() - started };
  }

  /** The accepted reply with this token, else (a late answer goes as a push) the last push to this person. */
  private answerRequest(replyToken: string, from: number): RecordedRequest | undefined {
    const requests = this.env.line.requests;
    let push: RecordedRequest | undefined;
    for (let i = requests.length - 1; i >= 0; i--) {
      const r = requests[i]!;
      if (r.status !== 200) continue;
      if (r.path === '/v2/bot/message/reply' && r.body?.replyToken === replyToken) return r;
      if (!push && i >= from && r.path === '/v2/bot/message/push' && r.body?.to === this.userId) push = r;
    }
    return push;
  }
}

function wordsOf(message: unknown): string {
  const m = message as { type?: string; text?: string; altText?: string };
  return m.type === 'text' ? (m.text ?? '') : (m.altText ?? '');
}
