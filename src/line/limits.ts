/** LINE Messaging API limits (../shared/line-platform.md); code that builds messages checks against these. */
export const LINE_LIMITS = {
  messagesPerRequest: 5,
  multicastRecipients: 500,
  textLength: 5_000,
  quickReplyItems: 13,
  quickReplyLabel: 20,
  actionLabel: 20,
  postbackData: 300,
  displayText: 300,
  altText: 1_500,
  bubbleBytes: 30_000,
  carouselBytes: 50_000,
  carouselBubbles: 12,
  requestBodyBytes: 2 * 1024 * 1024,
} as const;

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
