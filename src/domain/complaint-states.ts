import { hasRole } from './roles.js';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  HANDLER_ROLE,
  MAX_REOPENS,
  OPEN_STATUSES,
  type Complaint,
  type ComplaintKind,
  type ComplaintStatus,
  type TimelineType,
} from './complaints.js';

/**
 * Every move a complaint can make, as data (after FixMyStreet's State.pm): from which statuses, on which
 * channel, who makes it, what the case must also be, what it records and whom it tells. The chat offers only
 * the moves this table allows, the stores make a move only while the case, as it stands when the move is
 * made, still allows it (db/complaint-moves.ts), and docs/domain.md shows the table (kept in sync by a test).
 */

/** Who makes a move: the channel's handlers (HANDLER_ROLE), the citizen who filed the case, or the 15-day job. */
export type Mover = 'handler' | 'reporter' | 'deadline_job';

/** Whom a move tells, through the outbox (outbox/complaint-notices.ts). */
export type NoticeTo = 'complainant' | 'case_handler' | 'channel_handlers' | 'executives';

/** What of a case a move's further condition reads. */
export type CaseFacts = Pick<Complaint, 'kind' | 'status' | 'handlerUserId' | 'explanationRequired' | 'feedback' | 'closedAt' | 'reopenCount'>;

export interface MoveRule {
  /** Who may make it. */
  by: Mover;
  /** The statuses it may start from. */
  from: readonly ComplaintStatus[];
  /** The channels it exists on. */
  kinds: readonly ComplaintKind[];
  /** The status it leaves the case in; null when the status stays. */
  to: ComplaintStatus | null;
  /** What else the case must be, in words (for the docs) and as a rule; absent: nothing else. */
  when?: { says: string; holds: (c: CaseFacts) => boolean };
  /** The timeline entry it writes, and whether the complainant sees it. */
  records: { type: Exclude<TimelineType, 'submitted'>; public: boolean; key: string };
  /** The case's fields it sets, besides its status. */
  sets: readonly (keyof Complaint)[];
  /** Whom it tells, and the notice's occasion key (once per key). */
  notices: readonly { to: NoticeTo; occasion: string }[];
}

const ALL = COMPLAINT_STATUSES;
const OPEN = OPEN_STATUSES;
const BOTH = COMPLAINT_KINDS;
const GENERAL = ['general'] as const;

const explained = { says: 'no explanation of a delay owed', holds: (c: CaseFacts) => !c.explanationRequired };
/** Each resolution is rated once: a rating older than the latest resolution belongs to an earlier round. */
const notRatedSinceResolved = (c: CaseFacts) => !c.feedback || (c.closedAt !== null && c.feedback.at < c.closedAt);
const toComplainant = [{ to: 'complainant', occasion: 'update:<entry>' }] as const;

export const COMPLAINT_MOVES = {
  take: {
    by: 'handler',
    from: OPEN,
    kinds: BOTH,
    to: null,
    when: { says: 'nobody has taken it', holds: (c) => c.handlerUserId === null },
    records: { type: 'taken', public: false, key: '<case>:<event>' },
    sets: ['handlerUserId', 'handlerName'],
    notices: [],
  },
  progress: {
    by: 'handler',
    from: ['received'],
    kinds: BOTH,
    to: 'in_progress',
    when: explained,
    records: { type: 'status', public: true, key: '<case>:<event>' },
    sets: ['handlerUserId'],
    notices: toComplainant,
  },
  resolve: {
    by: 'handler',
    from: ['received', 'in_progress'],
    kinds: BOTH,
    to: 'resolved',
    when: explained,
    records: { type: 'status', public: true, key: '<case>:<event>' },
    sets: ['handlerUserId', 'closedAt'],
    // A general complaint's notice carries the rating question (domain.md, "Closure").
    notices: toComplainant,
  },
  reject: {
    by: 'handler',
    from: ['received', 'in_progress'],
    kinds: BOTH,
    to: 'rejected',
    when: explained,
    records: { type: 'status', public: true, key: '<case>:<event>' },
    sets: ['handlerUserId', 'closedAt'],
    notices: toComplainant,
  },
  forward: {
    by: 'handler',
    from: OPEN,
    kinds: BOTH,
    to: 'forwarded',
    when: explained,
    records: { type: 'forwarded', public: true, key: '<case>:<event>' },
    sets: ['handlerUserId', 'closedAt', 'forwardedTo'],
    notices: toComplainant,
  },
  explain: {
    by: 'handler',
    from: OPEN,
    kinds: BOTH,
    to: null,
    when: { says: 'an explanation of a delay owed', holds: (c) => c.explanationRequired },
    records: { type: 'explanation', public: true, key: '<case>:<event>' },
    sets: ['explanationRequired', 'explainedAt'],
    // Its own occasion: the law's clock, so it goes whatever the month's budget (message-kinds.ts).
    notices: [{ to: 'complainant', occasion: 'explained:<entry>' }],
  },
  note: {
    by: 'handler',
    from: ALL,
    kinds: BOTH,
    to: null,
    records: { type: 'note', public: false, key: '<case>:<event>' },
    sets: [],
    notices: [],
  },
  categorise: {
    by: 'handler',
    from: ALL,
    kinds: GENERAL,
    to: null,
    records: { type: 'category', public: false, key: '<case>:<event>' },
    sets: ['category'],
    notices: [],
  },
  add_after_photos: {
    by: 'handler',
    from: [...OPEN, 'resolved'],
    kinds: BOTH,
    to: null,
    records: { type: 'after_photo', public: true, key: '<case>:<event>' },
    sets: ['afterPhotos'],
    notices: [{ to: 'complainant', occasion: 'photos:<entry>' }],
  },
  withdraw: {
    by: 'reporter',
    from: OPEN,
    kinds: BOTH,
    to: 'withdrawn',
    records: { type: 'withdrawn', public: true, key: '<case>:withdrawn' },
    sets: ['closedAt'],
    notices: [{ to: 'case_handler', occasion: 'withdrawn' }],
  },
  add_information: {
    by: 'reporter',
    from: OPEN,
    kinds: BOTH,
    to: null,
    records: { type: 'added_info', public: true, key: '<case>:<event>' },
    sets: ['attachments'],
    notices: [{ to: 'channel_handlers', occasion: 'info:<entry>' }],
  },
  rate: {
    by: 'reporter',
    from: ['resolved'],
    kinds: GENERAL,
    to: null,
    when: { says: 'not rated since it was resolved', holds: notRatedSinceResolved },
    records: { type: 'feedback', public: true, key: '<case>:feedback:<round>' },
    sets: ['feedback'],
    notices: [{ to: 'case_handler', occasion: 'feedback:<round>' }],
  },
  reopen: {
    by: 'reporter',
    from: ['resolved'],
    kinds: GENERAL,
    to: 'in_progress',
    when: { says: `reopened fewer than ${MAX_REOPENS} times (and "not fixed" within 15 days of the resolution)`, holds: (c) => c.reopenCount < MAX_REOPENS },
    records: { type: 'reopened', public: true, key: '<case>:reopened:<round+1>' },
    sets: ['reopenCount', 'reopenedAt', 'dueAt', 'closedAt', 'explanationRequired', 'explainedAt'],
    notices: [{ to: 'case_handler', occasion: 'reopened:<round+1>' }],
  },
  escalate_not_fixed: {
    by: 'reporter',
    from: ['resolved'],
    kinds: GENERAL,
    to: null,
    when: { says: `reopened ${MAX_REOPENS} times already`, holds: (c) => c.reopenCount >= MAX_REOPENS },
    records: { type: 'escalation', public: true, key: '<case>:not-fixed:<round>' },
    sets: [],
    notices: [
      { to: 'executives', occasion: 'not-fixed:<round>' },
      { to: 'case_handler', occasion: 'not-fixed:<round>' },
    ],
  },
  remind: {
    by: 'deadline_job',
    from: OPEN,
    kinds: BOTH,
    to: null,
    records: { type: 'reminder', public: false, key: '<case>:reminder<clock>' },
    sets: [],
    notices: [{ to: 'case_handler', occasion: 'reminder<clock>' }],
  },
  escalate_overdue: {
    by: 'deadline_job',
    from: OPEN,
    kinds: BOTH,
    to: null,
    records: { type: 'escalation', public: false, key: '<case>:escalation<clock>' },
    sets: ['explanationRequired'],
    notices: [
      { to: 'case_handler', occasion: 'explain-request<clock>' },
      { to: 'executives', occasion: 'the day\'s late-cases card' },
    ],
  },
} as const satisfies Record<string, MoveRule>;

export type ComplaintMove = keyof typeof COMPLAINT_MOVES;
export const MOVE_NAMES = Object.keys(COMPLAINT_MOVES) as ComplaintMove[];

export const ruleOf = (move: ComplaintMove): MoveRule => COMPLAINT_MOVES[move];

/**
 * Whether the case, as it stands, allows the move: its status, its channel and the move's further condition.
 * Who makes it is not asked here: the stores judge the case, the chat judges the person (`mayMake`).
 */
export function caseAllows(move: ComplaintMove, c: CaseFacts): boolean {
  const rule = ruleOf(move);
  return rule.from.includes(c.status) && rule.kinds.includes(c.kind) && (rule.when?.holds(c) ?? true);
}

/** A person as the chat knows them beside a case: their roles, and whether they filed it. */
export interface Person {
  roles: readonly string[];
  filedIt: boolean;
}

/** Whether this person is the one who makes the move on this case (the 15-day job is nobody in the chat). */
export function isMover(move: ComplaintMove, c: Pick<Complaint, 'kind'>, person: Person): boolean {
  const by = ruleOf(move).by;
  if (by === 'handler') return hasRole(person.roles, HANDLER_ROLE[c.kind]);
  if (by === 'reporter') return person.filedIt;
  return false;
}

/** Whether this person may make the move on the case now. */
export const mayMake = (move: ComplaintMove, c: CaseFacts, person: Person): boolean => isMover(move, c, person) && caseAllows(move, c);

/** The moves this person may make on the case now, in the table's order. */
export const movesFor = (c: CaseFacts, person: Person): ComplaintMove[] => MOVE_NAMES.filter((m) => mayMake(m, c, person));

/** The handler's moves that give a case a new status (progress, resolve, reject, forward), in the table's order. */
export const STATUS_MOVES = MOVE_NAMES.filter((m) => ruleOf(m).by === 'handler' && ruleOf(m).to !== null);

/** The handler's move that gives a case this status, if there is one. */
export const statusMoveTo = (status: ComplaintStatus): ComplaintMove | null => STATUS_MOVES.find((m) => ruleOf(m).to === status) ?? null;

/** The statuses a handler may give a case from a status (an explanation owed aside: it is asked for first). */
export const nextStatuses = (from: ComplaintStatus): ComplaintStatus[] =>
  STATUS_MOVES.filter((m) => ruleOf(m).from.includes(from)).map((m) => ruleOf(m).to!);

/** The table as docs/domain.md shows it, one row a move. */
export function movesTableMarkdown(): string {
  const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');
  const from = (xs: readonly ComplaintStatus[]) => (xs.length === ALL.length ? 'any' : xs.length === OPEN.length && OPEN.every((s) => xs.includes(s)) ? 'open' : list(xs));
  const who: Record<Mover, string> = { handler: "the channel's handler", reporter: 'the citizen who filed it', deadline_job: 'the 15-day job' };
  const rows = MOVE_NAMES.map((m) => {
    const r = ruleOf(m);
    const kinds = r.kinds.length === BOTH.length ? 'both' : list(r.kinds);
    const records = `${r.records.public ? 'public' : 'internal'} \`${r.records.type}\` (\`${r.records.key}\`)`;
    const notices = r.notices.length === 0 ? '—' : r.notices.map((n) => `${n.to.replace('_', ' ')} (\`${n.occasion}\`)`).join('; ');
    return `| \`${m}\` | ${who[r.by]} | ${from(r.from)} | ${kinds} | ${r.to ? `\`${r.to}\`` : '—'} | ${r.when?.says ?? '—'} | ${records} | ${r.sets.length ? list(r.sets) : '—'} | ${notices} |`;
  });
  return ['| move | by | from | channel | to | only when | records | sets | tells |', '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}
