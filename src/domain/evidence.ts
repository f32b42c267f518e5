import type { Attachment } from './attachments.js';
import { HANDLER_ROLE, type ComplaintKind } from './complaints.js';
import { hasRole, isExecutiveOrAdmin, type StaffRole } from './roles.js';

/**
 * Evidence (photos and files copied out of LINE) as people open it: through signed, expiring links issued
 * in the chat to those entitled, one link a file.
 */

/** What an evidence link carries. Short keys: the token becomes part of a URL LINE fetches. */
export interface EvidenceLink {
  /** The organisation. */
  o: string;
  /** The file, by the LINE message id it was sent as. */
  f: string;
  /** Whom the link was issued to, as their user key (a keyed hash): openings are logged without personal data. */
  v: string;
  /** What it is evidence of: `c:<complaint id>` or `m:<measure id>`. */
  r: string;
}

/** A stored evidence file without its bytes. `stored` is false when LINE no longer had them or they were too large. */
export interface EvidenceFileInfo {
  lineMessageId: string;
  kind: Attachment['kind'];
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  stored: boolean;
}

export interface EvidenceFile extends EvidenceFileInfo {
  data: Buffer | null;
}

/** A progress report's evidence, with who made it: enough to decide who may open it. */
export interface ProgressEvidence {
  measureId: string;
  measureCode: string;
  reportedAt: Date;
  /** Null for a result imported from a plan file: nobody reported it in LINE. */
  reporterLineUserId: string | null;
  attachments: Attachment[];
}

/** Someone asking to see evidence, as the chat knows them. */
export interface Viewer {
  lineUserId: string;
  /** Only active staff accounts count; a revoked officer is a citizen again. */
  isStaff: boolean;
  roles: readonly StaffRole[];
}

/**
 * A progress report's evidence: its reporter, the executives and admins who oversee the plan, and the
 * integrity officers who answer for it.
 */
export function mayOpenProgressEvidence(viewer: Viewer, report: Pick<ProgressEvidence, 'reporterLineUserId'>): boolean {
  if (!viewer.isStaff) return false;
  return viewer.lineUserId === report.reporterLineUserId || isExecutiveOrAdmin(viewer.roles) || hasRole(viewer.roles, 'integrity_officer');
}

/**
 * A complaint's evidence: only the handlers of its channel, exactly like the case itself. The complainant
 * already has their own photos in their chat, so no link is issued to them.
 */
export function mayOpenComplaintEvidence(viewer: Viewer, kind: ComplaintKind): boolean {
  return viewer.isStaff && hasRole(viewer.roles, HANDLER_ROLE[kind]);
}

/** LINE shows JPEG and PNG as image messages; the preview must be at most 1 MB, and the file serves as its own preview. */
const LINE_IMAGE_TYPES = ['image/jpeg', 'image/png'];
export const LINE_PREVIEW_MAX_BYTES = 1024 * 1024;

export function showableAsLineImage(file: EvidenceFileInfo): boolean {
  return file.stored && LINE_IMAGE_TYPES.includes(baseType(file.contentType)) && file.size !== null && file.size <= LINE_PREVIEW_MAX_BYTES;
}

/**
 * Only these open in the browser; anything else (an HTML page, an SVG, a script someone sent as a file) is a
 * download, so nothing a complainant uploads can run on the bot's own address.
 */
const INLINE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'audio/x-m4a': 'm4a',
  'audio/mp4': 'm4a',
  'application/pdf': 'pdf',
};

const baseType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** How the bytes are sent: type, inline or download, and the name the browser saves them under. */
export function servedAs(file: Pick<EvidenceFileInfo, 'lineMessageId' | 'fileName' | 'contentType'>): { contentType: string; inline: boolean; fileName: string } {
  const type = baseType(file.contentType);
  return {
    contentType: type || 'application/octet-stream',
    inline: INLINE_TYPES.includes(type),
    fileName: file.fileName || `evidence-${file.lineMessageId}.${EXTENSION[type] ?? 'bin'}`,
  };
}
