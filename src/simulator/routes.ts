import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import express, { type Router } from 'express';
import { z } from 'zod';
import { SIMULATOR_CSP } from '../http/security-headers.js';
import type { EventRunner } from '../intake/event-runner.js';
import { doneRun } from '../db/job-run-store.js';
import { loadWorkingCalendar } from '../holidays/load-calendar.js';
import { JOB_NAMES, JOBS, type JobName } from '../jobs/registry.js';
import { runJob, type RunnerDeps } from '../jobs/run-job.js';
import type { OutboxSender } from '../outbox/sender.js';
import { chatIdOf, type Persona } from './demo.js';
import { signBody, simulatedEvent } from './events.js';
import type { FakeLineApi } from './fake-line-api.js';
import { SAMPLE_PHOTOS, samplePhotoBytes } from './sample-photos.js';
import { SAMPLE_FILES, sampleFileBytes } from './sample-files.js';
import { describeRun, firstWorkingDayOfMonth, JOB_TH } from './time-machine.js';

/**
 * The simulator page and its API (demo mode only). The page's messages go to the real /webhook as signed
 * LINE events; what the bot sends comes back from the fake LINE API's records.
 */
export interface SimulatorDeps {
  fakeLine: FakeLineApi;
  channelSecret: string;
  personas: Persona[];
  runner: EventRunner;
  outbox: OutboxSender;
  jobDeps: RunnerDeps;
}

const publicDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/simulator/public');
// A Thai font of the page's own, so that it reads the same on a machine without one (and in the headless browser test).
const thaiFontDir = resolve(dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/thai-400.css')), 'files');

const sendSchema = z.object({
  /** The persona's chat (`chatId` in /state): a person's LINE id, or a group persona's group id. */
  chatId: z.string().min(1),
  input: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().min(1).max(5_000) }),
    z.object({ type: z.literal('postback'), data: z.string().min(1).max(300), displayText: z.string().max(300).optional() }),
    z.object({ type: z.literal('location'), title: z.string(), address: z.string(), latitude: z.number(), longitude: z.number() }),
    z.object({ type: z.literal('image'), sample: z.enum(SAMPLE_PHOTOS.map((p) => p.id) as [string, ...string[]]).optional() }),
    z.object({ type: z.literal('file'), sample: z.enum(SAMPLE_FILES.map((f) => f.id) as [string, ...string[]]) }),
    z.object({ type: z.literal('join') }),
  ]),
});
const jobSchema = z.object({ job: z.enum(JOB_NAMES), asOf: z.iso.datetime({ offset: true }) });

export function simulatorRouter(deps: SimulatorDeps): Router {
  const router = express.Router();
  /** reply token → the chat (person or group) it answers in */
  const replyTokenOwner = new Map<string, string>();
  const personaOfChat = new Map(deps.personas.map((p) => [chatIdOf(p), p]));

  // The page needs its own scripts, styles and fonts: a policy of its own instead of app.ts's strict one.
  router.get('/simulator', (_req, res) => res.set('content-security-policy', SIMULATOR_CSP).sendFile(resolve(publicDir, 'index.html')));
  router.use('/simulator/assets', express.static(publicDir));
  router.use('/simulator/fonts', express.static(thaiFontDir, { immutable: true, maxAge: '30d' }));

  router.get('/simulator/api/state', (_req, res) => {
    res.json({
      personas: deps.personas.map((p) => ({ id: p.id, name: p.name, role: p.role, chatId: chatIdOf(p), kind: p.groupId ? 'group' : 'person', sendsFiles: !p.groupId && p.roles.includes('admin') })),
      now: new Date().toISOString(),
      samplePhotos: SAMPLE_PHOTOS.map((p) => ({ id: p.id, caption: p.caption, url: `/simulator/assets/samples/${p.file}` })),
      sampleFiles: SAMPLE_FILES.map((f) => ({ id: f.id, caption: f.caption, fileName: f.fileName })),
      jobs: JOB_NAMES.map((id) => ({ id, ...JOB_TH[id] })),
    });
  });

  // The time machine's "first working day of next month", by the organisation's holiday calendar.
  router.get('/simulator/api/first-working-day', async (req, res) => {
    const m = /^(\d{4})-(\d{2})$/.exec(String(req.query.month ?? ''));
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12) {
      res.status(400).json({ error: 'month must be YYYY-MM' });
      return;
    }
    const calendar = await loadWorkingCalendar(deps.jobDeps.settings.orgId);
    res.json({ date: firstWorkingDayOfMonth(calendar, Number(m[1]), month - 1) });
  });

  router.post('/simulator/api/send', express.json(), async (req, res) => {
    const parsed = sendSchema.safeParse(req.body);
    const persona = parsed.success ? personaOfChat.get(parsed.data.chatId) : undefined;
    // A bot is invited into groups only.
    if (!parsed.success || !persona || (parsed.data.input.type === 'join' && !persona.groupId)) {
      res.status(400).json({ error: 'unknown persona or bad input' });
      return;
    }
    const input = parsed.data.input;
    const file = input.type === 'file' ? SAMPLE_FILES.find((f) => f.id === input.sample)! : null;
    const bytes = file ? sampleFileBytes(file) : null;
    const event = simulatedEvent(
      persona.userId,
      file && bytes ? { type: 'file', fileName: file.fileName, fileSize: bytes.length } : (input as Exclude<typeof input, { type: 'file' }>),
      Date.now(),
      persona.groupId,
    );
    replyTokenOwner.set(event.replyToken, chatIdOf(persona));
    if (bytes && event.type === 'message') deps.fakeLine.contents.set(event.message.id, { contentType: 'text/csv', data: bytes });
    if (input.type === 'image' && event.type === 'message') {
      // The bot fetches the photo from LINE as the message's content: the sample's JPEG bytes.
      const photo = SAMPLE_PHOTOS.find((p) => p.id === input.sample) ?? SAMPLE_PHOTOS[0]!;
      deps.fakeLine.contents.set(event.message.id, { contentType: 'image/jpeg', data: samplePhotoBytes(photo) });
    }
    const body = JSON.stringify({ destination: 'Usimulator', events: [event] });
    const answer = await fetch(`http://127.0.0.1:${req.socket.localPort}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, deps.channelSecret) },
      body,
    });
    // Wait for the bot, as a LINE user would see its answer arrive right after theirs.
    await deps.runner.idle();
    await deps.outbox.flush();
    res.status(answer.ok ? 200 : 502).json({ ok: answer.ok });
  });

  router.get('/simulator/api/messages', (req, res) => {
    const chatId = String(req.query.chatId ?? '');
    const after = Number(req.query.after ?? 0) || 0;
    const items = deps.fakeLine.requests
      .map((r, index) => ({ r, seq: index + 1 }))
      .filter(({ r, seq }) => seq > after && r.status === 200)
      .filter(({ r }) =>
        r.path === '/v2/bot/message/reply'
          ? replyTokenOwner.get(r.body.replyToken) === chatId
          : r.path === '/v2/bot/message/push'
            ? r.body.to === chatId
            : r.path === '/v2/bot/message/multicast' && Array.isArray(r.body.to) && r.body.to.includes(chatId),
      )
      .map(({ r, seq }) => ({ seq, at: r.at.toISOString(), via: r.path.split('/').pop(), messages: r.body.messages }));
    res.json({ items });
  });

  router.post('/simulator/api/jobs', express.json(), async (req, res) => {
    const parsed = jobSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: `job must be one of ${JOB_NAMES.join(', ')} and asOf an ISO date with offset` });
      return;
    }
    const job = JOBS[parsed.data.job as JobName];
    const asOf = new Date(parsed.data.asOf);
    const result = await runJob(job, asOf, 'operator', deps.jobDeps);
    await deps.outbox.flush();
    const { orgId } = deps.jobDeps.settings;
    const earlier = result.status === 'already' ? await doneRun(orgId, job.name, job.period(asOf, deps.jobDeps.settings)) : null;
    res.json({ result, report: describeRun(result, earlier) });
  });

  return router;
}
