import { readFileSync } from 'node:fs';
import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { staleMoveText } from '../../src/features/common/stale-move.js';
import { caseAllows, MOVE_NAMES, mayMake, movesFor, movesTableMarkdown, nextStatuses, type ComplaintMove, type Person } from '../../src/domain/complaint-states.js';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, type ComplaintKind, type ComplaintStatus } from '../../src/domain/complaints.js';
import { STAFF_ROLES } from '../../src/domain/roles.js';
import { aComplaint } from '../support/complaint.js';

/**
 * The moves as domain.md's "Complaints" and "Closure" describe them, written out here on their own (not read
 * from the table under test): who, from which statuses, on which channel.
 */
const OPEN = ['received', 'in_progress'];
const EXPECTED: Record<ComplaintMove, { by: 'handler' | 'reporter' | 'job'; from: string[]; general?: true }> = {
  take: { by: 'handler', from: OPEN },
  progress: { by: 'handler', from: ['received'] },
  resolve: { by: 'handler', from: OPEN },
  reject: { by: 'handler', from: OPEN },
  forward: { by: 'handler', from: OPEN },
  explain: { by: 'handler', from: OPEN },
  note: { by: 'handler', from: [...COMPLAINT_STATUSES] },
  categorise: { by: 'handler', from: [...COMPLAINT_STATUSES], general: true },
  add_after_photos: { by: 'handler', from: [...OPEN, 'resolved'] },
  withdraw: { by: 'reporter', from: OPEN },
  add_information: { by: 'reporter', from: OPEN },
  rate: { by: 'reporter', from: ['resolved'], general: true },
  reopen: { by: 'reporter', from: ['resolved'], general: true },
  escalate_not_fixed: { by: 'reporter', from: ['resolved'], general: true },
  remind: { by: 'job', from: OPEN },
  escalate_overdue: { by: 'job', from: OPEN },
};

const HANDLER_OF: Record<ComplaintKind, string> = { general: 'complaint_officer', corruption: 'integrity_officer' };

/** Everyone the chat may hear from about a case: each staff role alone, the citizen who filed it, another citizen. */
const PEOPLE: Array<{ name: string; person: Person }> = [
  ...STAFF_ROLES.map((r) => ({ name: r, person: { roles: [r], filedIt: false } })),
  { name: 'the citizen who filed it', person: { roles: [], filedIt: true } },
  { name: 'another citizen', person: { roles: [], filedIt: false } },
];

/** A case in the status, on the channel, that meets the move's further condition (tested apart below). */
function caseFor(move: ComplaintMove, status: ComplaintStatus, kind: ComplaintKind) {
  const closedAt = ['resolved', 'rejected', 'forwarded', 'withdrawn'].includes(status) ? new Date('2026-01-10T05:00:00Z') : null;
  return aComplaint({ status, kind, closedAt, explanationRequired: move === 'explain', reopenCount: move === 'escalate_not_fixed' ? 2 : 0 });
}

describe('the complaint moves table', () => {
  it('holds every move the code makes, and nothing else', () => {
    expect([...MOVE_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const move of MOVE_NAMES) {
    it(`${move}: made only by whom it belongs to, only from its statuses, only on its channels`, () => {
      const want = EXPECTED[move];
      for (const kind of COMPLAINT_KINDS) {
        for (const status of COMPLAINT_STATUSES) {
          const c = caseFor(move, status, kind);
          const statusFits = want.from.includes(status) && (!want.general || kind === 'general');
          expect(caseAllows(move, c), `${move} of a ${status} ${kind} case`).toBe(statusFits);
          for (const { name, person } of PEOPLE) {
            const isWho = want.by === 'handler' ? person.roles.includes(HANDLER_OF[kind]) : want.by === 'reporter' ? person.filedIt : false;
            expect(mayMake(move, c, person), `${move} of a ${status} ${kind} case by ${name}`).toBe(statusFits && isWho);
          }
        }
      }
    });
  }

  it('keeps a handler of one channel off the other channel: an integrity officer moves no general complaint', () => {
    const general = aComplaint({ kind: 'general' });
    const corruption = aComplaint({ kind: 'corruption' });
    expect(movesFor(general, { roles: ['integrity_officer'], filedIt: false })).toEqual([]);
    expect(movesFor(corruption, { roles: ['complaint_officer'], filedIt: false })).toEqual([]);
    expect(movesFor(corruption, { roles: ['integrity_officer'], filedIt: false })).toEqual(['take', 'progress', 'resolve', 'reject', 'forward', 'note', 'add_after_photos']);
    // A corruption reporter is never asked to rate or reopen: it would mark them out (domain.md, "Closure").
    expect(movesFor({ ...corruption, status: 'resolved', closedAt: new Date() }, { roles: [], filedIt: true })).toEqual([]);
  });

  it('holds back a status change and a forward while an explanation of a delay is owed, and asks for the explanation only then', () => {
    const owing = aComplaint({ status: 'in_progress', explanationRequired: true });
    const handler = { roles: ['complaint_officer'], filedIt: false };
    for (const move of ['progress', 'resolve', 'reject', 'forward'] as const) expect(mayMake(move, owing, handler), move).toBe(false);
    expect(mayMake('explain', owing, handler)).toBe(true);
    expect(mayMake('explain', { ...owing, explanationRequired: false }, handler)).toBe(false);
    // The citizen may still withdraw a late case.
    expect(mayMake('withdraw', owing, { roles: [], filedIt: true })).toBe(true);
  });

  it('lets a case be taken once, rated once per resolution, reopened twice, then sent to the executives', () => {
    const handler = { roles: ['complaint_officer'], filedIt: false };
    const citizen = { roles: [], filedIt: true };
    expect(mayMake('take', aComplaint({ handlerUserId: 'U-other' }), handler)).toBe(false);
    const resolvedAt = new Date('2026-01-10T05:00:00Z');
    const resolved = aComplaint({ status: 'resolved', closedAt: resolvedAt });
    const rated = { ...resolved, feedback: { stars: 2, comment: null, fixed: false, at: addDays(resolvedAt, 1) } };
    expect(mayMake('rate', resolved, citizen)).toBe(true);
    expect(mayMake('rate', rated, citizen)).toBe(false);
    expect(mayMake('rate', { ...rated, closedAt: addDays(resolvedAt, 5) }, citizen)).toBe(true);
    expect([0, 1, 2].map((n) => mayMake('reopen', { ...resolved, reopenCount: n }, citizen))).toEqual([true, true, false]);
    expect([0, 1, 2].map((n) => mayMake('escalate_not_fixed', { ...resolved, reopenCount: n }, citizen))).toEqual([false, false, true]);
  });

  it("offers a handler the statuses domain.md lists, in its order, and none from a closed case", () => {
    expect(nextStatuses('received')).toEqual(['in_progress', 'resolved', 'rejected', 'forwarded']);
    expect(nextStatuses('in_progress')).toEqual(['resolved', 'rejected', 'forwarded']);
    for (const closed of ['resolved', 'rejected', 'forwarded', 'withdrawn'] as const) expect(nextStatuses(closed), closed).toEqual([]);
  });

  it('is shown in docs/domain.md as it is', () => {
    const doc = readFileSync(new URL('../../docs/domain.md', import.meta.url), 'utf8');
    expect(doc).toContain(movesTableMarkdown());
  });
});

describe('the answer to a move the case no longer allows', () => {
  it('says what the case is now, that nothing was recorded or sent, and where to look again', () => {
    const withdrawn = aComplaint({ status: 'withdrawn', closedAt: new Date() });
    expect(staleMoveText('resolve', withdrawn)).toBe(
      'ยังไม่ได้บันทึก และไม่ได้แจ้งผู้ร้องเรียน เนื่องจากเรื่อง G2569-0001 เปลี่ยนไปก่อนหน้านี้แล้ว สถานะขณะนี้คือ "ผู้ร้องขอถอนเรื่อง" กรุณาเปิดเรื่องจากรายการ "เรื่องร้องเรียน" อีกครั้ง',
    );
    // The citizen is pointed at their own tracking view instead.
    expect(staleMoveText('add_information', aComplaint({ status: 'resolved' }))).toContain('พิมพ์ "ติดตาม G2569-0001" เพื่อดูสถานะล่าสุด');
  });

  it('names the reason when the status still allows the move: an explanation owed, a case taken, a rating given', () => {
    expect(staleMoveText('resolve', aComplaint({ status: 'in_progress', explanationRequired: true }))).toContain('ต้องแจ้งเหตุผลความล่าช้าแก่ผู้ร้องเรียนก่อน');
    expect(staleMoveText('take', aComplaint({ handlerUserId: 'U-other' }))).toBe('G2569-0001 มีผู้รับผิดชอบแล้ว');
    const rated = aComplaint({ status: 'resolved', closedAt: new Date('2026-01-10T05:00:00Z'), feedback: { stars: 4, comment: null, fixed: true, at: new Date('2026-01-11T05:00:00Z') } });
    expect(staleMoveText('rate', rated)).toBe('ท่านประเมินเรื่อง G2569-0001 ไปแล้ว ขอบคุณที่ร่วมประเมิน');
  });
});
