/** Above this size only what is known of a photo/file is kept, not its bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_KINDS = ['image', 'video', 'audio', 'file'] as const;

/** Evidence sent in the chat: a photo, video, sound or file, known by its LINE message id until copied. */
export interface Attachment {
  kind: (typeof ATTACHMENT_KINDS)[number];
  lineMessageId: string;
  fileName: string | null;
}
