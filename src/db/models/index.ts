import { AdminAuditModel } from './admin-audit.js';
import { AttachmentFileModel } from './attachment-file.js';
import { ComplaintEventModel, ComplaintModel, ComplaintMoveModel } from './complaint.js';
import { ConversationModel } from './conversation.js';
import { DataKeyCheckModel } from './data-key-check.js';
import { HolidayChangeModel } from './holiday-change.js';
import { InviteModel, InviteRedemptionModel, RegisterFailureModel } from './invite.js';
import { ItaIndicatorModel, ItaIndicatorMoveModel } from './ita-indicator.js';
import { JobRunModel, JobRunOutcomeModel, JobRunTakeoverModel } from './job-run.js';
import { MeasureModel } from './measure.js';
import { MeasureChangeModel } from './measure-change.js';
import { LineQuotaModel, MessageSentModel } from './message-use.js';
import { OitAnswerModel, OitItemModel } from './oit-item.js';
import { OrganisationModel } from './organisation.js';
import { PendingImportClaimModel, PendingImportModel } from './pending-import.js';
import { OutboxAttemptModel, OutboxMessageModel, QuotaNoticeModel } from './outbox-message.js';
import { ProgressReportModel } from './progress-report.js';
import { RichMenuClaimModel, RichMenuSetModel } from './rich-menu-set.js';
import { RoundToldModel } from './round-told.js';
import { OnboardingLinkModel, OnboardingUseModel } from './onboarding-link.js';
import { StaffChangeModel, StaffModel } from './staff.js';
import { SummarySnapshotModel } from './summary-snapshot.js';
import { ExecutiveGroupModel, GroupLinkCodeModel, GroupLinkFailureModel, GroupLinkRedemptionModel } from './executive-group.js';
import { EventAttemptModel, EventRunnerModel, WebhookEventModel, WebhookReceiptModel } from './webhook-event.js';

export const ALL_MODELS = [
  OrganisationModel,
  StaffModel,
  StaffChangeModel,
  InviteModel,
  InviteRedemptionModel,
  RegisterFailureModel,
  MeasureModel,
  MeasureChangeModel,
  ProgressReportModel,
  ConversationModel,
  WebhookEventModel,
  EventAttemptModel,
  WebhookReceiptModel,
  EventRunnerModel,
  AttachmentFileModel,
  OutboxMessageModel,
  OutboxAttemptModel,
  MessageSentModel,
  LineQuotaModel,
  QuotaNoticeModel,
  JobRunModel,
  JobRunOutcomeModel,
  JobRunTakeoverModel,
  ComplaintModel,
  ComplaintEventModel,
  ComplaintMoveModel,
  SummarySnapshotModel,
  RichMenuSetModel,
  OitItemModel,
  OitAnswerModel,
  ItaIndicatorModel,
  ItaIndicatorMoveModel,
  ExecutiveGroupModel,
  GroupLinkCodeModel,
  GroupLinkRedemptionModel,
  GroupLinkFailureModel,
  HolidayChangeModel,
  DataKeyCheckModel,
  AdminAuditModel,
  OnboardingLinkModel,
  OnboardingUseModel,
  RichMenuClaimModel,
  PendingImportModel,
  PendingImportClaimModel,
  RoundToldModel,
];
