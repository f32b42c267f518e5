import { afterAll, beforeAll, expect, it } from 'vitest';
import { keepAttachment } from '../../src/chat/keep-attachment.js';
import { routerStores } from '../../src/db/chat-stores.js';
import { AttachmentFileModel } from '../../src/db/models/attachment-file.js';
import { createLineClient } from '../../src/line/client.js';
import { FakeLine } from '../support/fake-line.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
let fake: FakeLine;
let line: ReturnType<typeof createLineClient>;

beforeAll(async () => {
  db = await connectTestDatabase();
  fake = await new FakeLine().start();
  line = createLineClient({ LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url, LINE_REQUEST_TIMEOUT_MS: 3000 });
});
afterAll(async () => {
  await fake?.stop();
  await db?.close();
});

const image = (id: string) => ({ kind: 'image' as const, lineMessageId: id, fileName: null });

it('fails (so the event is retried) while LINE\'s data API answers 500, then stores the bytes', async () => {
  fake.failNext(500, { pathPrefix: '/v2/bot/message/' });
  await expect(keepAttachment(routerStores.attachments, line, 'org', image('111'), 'U1', new Date())).rejects.toThrow();
  expect(await AttachmentFileModel.countDocuments()).toBe(0);
  await keepAttachment(routerStores.attachments, line, 'org', image('111'), 'U1', new Date());
  const file = await AttachmentFileModel.findById('org:111').lean();
  expect(Buffer.from(file!.data!.buffer).toString()).toBe('content of 111');
  expect(file!.size).toBe('content of 111'.length);
});

it('records the attachment without bytes when LINE no longer has the content, instead of blocking the report', async () => {
  fake.failNext(404, { pathPrefix: '/v2/bot/message/' });
  await keepAttachment(routerStores.attachments, line, 'org', image('222'), 'U1', new Date());
  expect(await AttachmentFileModel.findById('org:222').lean()).toMatchObject({ lineMessageId: '222', data: null, size: null });
});
