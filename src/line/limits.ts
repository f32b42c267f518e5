/** LINE Messaging API limits (docs/line-platform.md); code that builds messages checks against these. */
export const LINE_LIMITS = {
  messagesPerRequest: 5,
  multicastRecipients: 500,
  textLength: 5_000,
  quickReplyItems: 13,
  quickReplyLabel: 20,
  actionLabel: 20,
  postbackData: 300,
  uri: 1_000,
  displayText: 300,
  altText: 1_500,
  bubbleBytes: 30_000,
  carouselBytes: 50_000,
  carouselBubbles: 12,
  requestBodyBytes: 2 * 1024 * 1024,
} as const;

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * What in a message LINE would reject: sizes, counts and lengths above. Used by tests on every message
 * the bot builds, with the longest real data.
 */
export function limitViolations(message: any): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  if (message.type === 'text') check(message.text.length > 0 && message.text.length <= LINE_LIMITS.textLength, `text length ${message.text.length}`);
  if (message.type === 'image') {
    // LINE fetches the picture itself, only over HTTPS, from an address of at most 2,000 characters.
    for (const url of [message.originalContentUrl, message.previewImageUrl]) check(typeof url === 'string' && url.startsWith('https://') && url.length <= 2_000, `image URL ${String(url).slice(0, 40)}`);
  }
  if (message.type === 'location') check(message.title.length <= 100 && message.address.length <= 100, 'location title or address over 100');
  if (message.type === 'flex') {
    check(message.altText.length > 0 && message.altText.length <= LINE_LIMITS.altText, `altText length ${message.altText.length}`);
    const c = message.contents;
    if (c.type === 'carousel') {
      check(c.contents.length <= LINE_LIMITS.carouselBubbles, `${c.contents.length} bubbles`);
      check(jsonBytes(c) <= LINE_LIMITS.carouselBytes, `carousel ${jsonBytes(c)} bytes`);
      for (const b of c.contents) check(jsonBytes(b) <= LINE_LIMITS.bubbleBytes, `bubble ${jsonBytes(b)} bytes`);
    } else {
      check(jsonBytes(c) <= LINE_LIMITS.bubbleBytes, `bubble ${jsonBytes(c)} bytes`);
    }
  }
  const items = message.quickReply?.items ?? [];
  check(items.length <= LINE_LIMITS.quickReplyItems, `${items.length} quick replies`);
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'text' && 'text' in node && node !== message) check(typeof node.text === 'string' && node.text.length > 0, 'empty flex text');
    if (typeof node.text === 'string') check(!/\{\{\w+\}\}/.test(node.text), `unfilled placeholder in "${node.text}"`);
    if (node.type === 'postback') {
      check(node.data.length <= LINE_LIMITS.postbackData, `postback data ${node.data.length}`);
      if (node.displayText) check(node.displayText.length <= LINE_LIMITS.displayText, `displayText ${node.displayText.length}`);
    }
    if (node.type === 'uri') check(typeof node.uri === 'string' && /^(https?|tel|line):/.test(node.uri) && node.uri.length <= LINE_LIMITS.uri, `uri ${String(node.uri).slice(0, 60)} (${String(node.uri).length})`);
    if (node.action?.label !== undefined) check(node.action.label.length > 0 && node.action.label.length <= LINE_LIMITS.actionLabel, `action label "${node.action.label}"`);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
  };
  walk(message.contents ?? {});
  walk(message.quickReply ?? {});
  return problems;
}
