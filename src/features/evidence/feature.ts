import type { Attachment } from '../../domain/attachments.js';
import type { Place } from '../../domain/complaints.js';
import { mayOpenProgressEvidence, type Viewer } from '../../domain/evidence.js';
import { figures } from '../../domain/figures.js';
import { organisationArea } from '../../domain/organisation.js';
import { evidenceMessages } from '../../flex/evidence-messages.js';
import { text, type Message, type QuickReply } from '../../line/messages.js';
import type { ChatContext, Feature, Sender } from '../common/context.js';
import { EVIDENCE_ACTIONS } from './actions.js';

const SAY = {
  notEntitled: 'หลักฐานของรายงานความก้าวหน้าเปิดได้เฉพาะผู้รายงาน ผู้บริหาร ผู้ดูแลระบบ และนิติกรเท่านั้น',
  notFound: 'ไม่พบรายงานความก้าวหน้านี้',
  notConfigured: 'ระบบนี้ยังไม่ได้ตั้งค่าการเปิดไฟล์หลักฐาน กรุณาแจ้งผู้ดูแลระบบ',
};

export const viewerOf = (sender: Sender): Viewer => ({ lineUserId: sender.userId, isStaff: sender.staff !== null, roles: sender.roles });

/**
 * The evidence of a report or case for the person asking, who has already been found entitled: one signed
 * link a file, issued to them (by their user key) and logged, then shown as LINE can show it.
 */
export async function evidenceReplies(
  ctx: ChatContext,
  about: { of: string; heading: string; attachments: Attachment[]; place?: Place | null; quickReplies?: QuickReply[]; againLabel?: string },
): Promise<Message[]> {
  if (!ctx.evidenceLink) return [text(SAY.notConfigured)];
  const files = await ctx.stores.evidence.evidenceFiles(about.attachments);
  let minutes = 0;
  const linked = files.map((file) => {
    if (!file.stored) return { file, url: null };
    const link = ctx.evidenceLink!({ f: file.lineMessageId, v: ctx.sender.userKey, r: about.of }, ctx.now);
    minutes = link.minutes;
    return { file, url: link.url };
  });
  ctx.log.info({ viewer: ctx.sender.userKey, of: about.of, links: linked.filter((l) => l.url).length }, 'evidence links issued');
  // A place typed in words is searched within the organisation's area; a pinned one needs no help.
  const typedPlace = about.place && (about.place.latitude == null || about.place.longitude == null);
  const profile = typedPlace ? await ctx.stores.organisations.findOrganisation() : null;
  const area = profile ? organisationArea(profile) : [];
  return evidenceMessages({ heading: about.heading, files: linked, place: about.place, minutes, quickReplies: about.quickReplies, againLabel: about.againLabel, area, figures: figures(ctx.org.digits) });
}

/**
 * The evidence of one progress report, from the button on the saved card (and on the measure's history):
 * for its reporter, executives, admins and integrity officers.
 */
export const evidence: Feature = {
  name: 'evidence',
  actions: EVIDENCE_ACTIONS,
  allowed: (sender) => sender.staff !== null,
  refusal: SAY.notEntitled,
  async handle(ctx) {
    const params = ctx.input.kind === 'postback' ? ctx.input.params : {};
    const report = await ctx.stores.evidence.progressEvidence(params.m ?? '', new Date(Number(params.t)));
    if (!report) return [text(SAY.notFound)];
    if (!mayOpenProgressEvidence(viewerOf(ctx.sender), report)) return [text(SAY.notEntitled)];
    return evidenceReplies(ctx, {
      of: `m:${report.measureId}`,
      heading: `หลักฐานของรายงาน ${report.measureCode} เมื่อ ${figures(ctx.org.digits).dateTime(report.reportedAt)}`,
      attachments: report.attachments,
    });
  },
};
