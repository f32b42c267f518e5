import { isValidObjectId, Types } from 'mongoose';
import type { Attachment } from '../domain/attachments.js';
import type { EvidenceFile, EvidenceFileInfo, ProgressEvidence } from '../domain/evidence.js';
import { AttachmentFileModel } from './models/attachment-file.js';
import { ProgressReportModel } from './models/progress-report.js';

const fileId = (orgId: string, lineMessageId: string) => `${orgId}:${lineMessageId}`;

/** Lean reads give BSON Binary rather than Buffer. */
function bytesOf(data: unknown): Buffer | null {
  if (!data) return null;
  if (Buffer.isBuffer(data)) return data;
  const inner = (data as { buffer?: Uint8Array }).buffer;
  return inner ? Buffer.from(inner) : null;
}

/**
 * What is stored of each attachment, in the attachments' order and without the bytes. An attachment with no
 * stored record at all reads as not stored, from what the report or case itself says of it.
 */
export async function evidenceFiles(orgId: string, attachments: Attachment[]): Promise<EvidenceFileInfo[]> {
  if (attachments.length === 0) return [];
  const docs = await AttachmentFileModel.find({ _id: { $in: attachments.map((a) => fileId(orgId, a.lineMessageId)) } })
    .select('lineMessageId kind fileName contentType size')
    .lean();
  const byId = new Map(docs.map((d) => [d.lineMessageId, d]));
  return attachments.map((a) => {
    const d = byId.get(a.lineMessageId);
    return {
      lineMessageId: a.lineMessageId,
      kind: a.kind,
      fileName: d?.fileName ?? a.fileName,
      contentType: d?.contentType ?? null,
      size: d?.size ?? null,
      stored: d?.size != null,
    };
  });
}

/** One stored file with its bytes (null when LINE no longer had them), or null when nothing was recorded. */
export async function evidenceFile(orgId: string, lineMessageId: string): Promise<EvidenceFile | null> {
  const d = await AttachmentFileModel.findById(fileId(orgId, lineMessageId)).lean();
  if (!d || d.orgId !== orgId) return null;
  const data = bytesOf(d.data);
  return {
    lineMessageId: d.lineMessageId,
    kind: d.kind as Attachment['kind'],
    fileName: d.fileName ?? null,
    contentType: d.contentType ?? null,
    size: d.size ?? null,
    stored: data !== null,
    data,
  };
}

/**
 * A progress report known by its measure and the moment it was reported: what the saved card and the
 * measure's history can name before the report's own id exists (the card is made in the same step).
 */
export async function progressEvidence(orgId: string, measureId: string, reportedAt: Date): Promise<ProgressEvidence | null> {
  if (!isValidObjectId(measureId) || Number.isNaN(reportedAt.getTime())) return null;
  const d = await ProgressReportModel.findOne({ orgId, measureId: new Types.ObjectId(measureId), reportedAt }).lean();
  if (!d) return null;
  return {
    measureId: String(d.measureId),
    measureCode: d.measureCode,
    reportedAt: d.reportedAt,
    reporterLineUserId: d.reporterLineUserId ?? null,
    attachments: d.attachments.map((a) => ({ kind: a.kind as Attachment['kind'], lineMessageId: a.lineMessageId, fileName: a.fileName ?? null })),
  };
}
