/**
 * The simulator page: pick a persona, chat with the bot as in LINE, and run scheduled jobs as if at another
 * moment. Talks to /simulator/api/* only. Message content reaches the page through textContent and vetted
 * attributes only (see flex.js for flex messages).
 */
import { renderFlexMessage, safeHttpUrl } from './flex.js';

const API = '/simulator/api';
const ACTIVE_POLL_MS = 700;
/** Other personas are polled every this many active polls (about every 3.5 s). */
const OTHERS_EVERY = 5;
const BOT_NAME = 'โปร่งใส';
const SAMPLE_LOCATION = Object.freeze({
  type: 'location',
  title: 'ศาลาประชาคมหมู่ 3',
  address: 'ตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง',
  latitude: 14.6419,
  longitude: 100.4126,
});
/** job id → { name, schedule } in Thai, from /state */
const jobInfo = new Map();
const jobName = (id) => jobInfo.get(id)?.name ?? id;
const VIA_LABEL = { push: 'push', multicast: 'multicast' };
const BANGKOK_OFFSET_MS = 7 * 3600 * 1000;
const THAI_DAYS = ['วันอาทิตย์', 'วันจันทร์', 'วันอังคาร', 'วันพุธ', 'วันพฤหัสบดี', 'วันศุกร์', 'วันเสาร์'];

// ---------------------------------------------------------------------------------------------- state

/** @type {{id:string,name:string,role:string,chatId:string,kind:'person'|'group'}[]} */
let personas = [];
/** persona id → { entries, lastSeq, quickReplies, unread, loaded, joined } */
const chats = new Map();
let activeId = null;
/** persona id → the running poll, and the one queued after it */
const inFlight = new Map();
let tick = 0;
let burstUntil = 0;
let serverNow = null;
/** @type {{id:string,caption:string,url:string}[]} the sample photos "ส่งรูปภาพ" sends in turn */
let samplePhotos = [];
let nextPhoto = 0;

/** The next sample photo, as an image input (the server makes it the LINE content of the message). */
function photoInput() {
  const photo = samplePhotos.length > 0 ? samplePhotos[nextPhoto++ % samplePhotos.length] : null;
  return photo ? { type: 'image', sample: photo.id } : { type: 'image' };
}

/** @type {{id:string,caption:string,fileName:string}[]} the files "ส่งไฟล์" offers an admin persona */
let sampleFiles = [];

const $ = (id) => document.getElementById(id);
const ui = {
  personaList: $('persona-list'),
  chatPersona: $('chat-persona'),
  chatName: $('chat-name'),
  log: $('chat-log'),
  quickReplies: $('quick-replies'),
  composer: $('composer'),
  input: $('chat-input'),
  send: $('send'),
  sendImage: $('send-image'),
  sendFile: $('send-file'),
  fileMenu: $('file-menu'),
  sendLocation: $('send-location'),
  tmDatetime: $('tm-datetime'),
  tmDatetimeThai: $('tm-datetime-thai'),
  tmJob: $('tm-job'),
  tmJobHint: $('tm-job-hint'),
  tmRun: $('tm-run'),
  tmResult: $('tm-result'),
  tmDetails: $('tm-details'),
  tmDetailsJson: $('tm-details-json'),
  status: document.querySelector('[data-testid="connection"]'),
  tabUnread: $('tab-unread'),
  toast: $('toast'),
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Small fixed icons (no emoji font needed). */
const ICON_PATHS = {
  pin: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z',
  file: 'M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm7 1.5V9h5.5L13 3.5zM8 13v2h8v-2H8zm0 4v2h5v-2H8z',
  image: 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v10.6l4.3-4.3 3.2 3.2 3.7-4.7L20 16.9V6H4zm4 1.5a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5z',
};

function icon(name, className) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon ${className ?? ''}`.trim());
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill-rule', 'evenodd');
  path.setAttribute('d', ICON_PATHS[name]);
  svg.append(path);
  return svg;
}

function chatOf(personaId) {
  let chat = chats.get(personaId);
  if (!chat) {
    chat = { entries: [], lastSeq: 0, quickReplies: null, unread: 0, loaded: false, joined: false };
    chats.set(personaId, chat);
  }
  return chat;
}

const personaById = (id) => personas.find((p) => p.id === id);
const isGroup = (p) => p?.kind === 'group';

// ---------------------------------------------------------------------------------------------- api

async function api(path, options = {}) {
  const response = await fetch(`${API}${path}`, {
    ...options,
    headers: options.body ? { 'content-type': 'application/json' } : undefined,
    cache: 'no-store',
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = new Error(body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  setConnection(true);
  return body;
}

function setConnection(ok) {
  const state = ok ? 'ok' : 'error';
  if (ui.status.dataset.state === state) return;
  ui.status.dataset.state = state;
  ui.status.querySelector('.app-status-text').textContent = ok ? 'เชื่อมต่อบอตในเครื่องแล้ว' : 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กำลังลองใหม่…';
}

let toastTimer = 0;
function toast(text) {
  ui.toast.textContent = text;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 3500);
}

// ---------------------------------------------------------------------------------------------- time

/** Bangkok wall-clock time kept in a Date's UTC fields. */
const toWall = (instantMs) => new Date(instantMs + BANGKOK_OFFSET_MS);
const pad = (n) => String(n).padStart(2, '0');
const wallToField = (wall) => `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;

function fieldToWall(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])) : null;
}

const wallAt = (y, monthIndex, d, h, min) => new Date(Date.UTC(y, monthIndex, d, h, min));

/** The next 31 Dec / 31 Mar / 30 Jun / 30 Sep at 09:00 strictly after `base`. */
function nextQuarterEnd(base) {
  const y = base.getUTCFullYear();
  const candidates = [y, y + 1].flatMap((year) => [wallAt(year, 2, 31, 9, 0), wallAt(year, 5, 30, 9, 0), wallAt(year, 8, 30, 9, 0), wallAt(year, 11, 31, 9, 0)]);
  return candidates.find((c) => c.getTime() > base.getTime());
}

/** The first working day of the month after `base`, at 08:30, by the bot's own holiday calendar. */
async function firstWorkingDayOfNextMonth(base) {
  const next = wallAt(base.getUTCFullYear(), base.getUTCMonth() + 1, 1, 8, 30);
  const { date } = await api(`/first-working-day?month=${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date));
  return m ? wallAt(+m[1], +m[2] - 1, +m[3], 8, 30) : null;
}

function plusDays(base, days) {
  return new Date(base.getTime() + days * 86_400_000);
}

function formatTime(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const wall = toWall(ms);
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

// ---------------------------------------------------------------------------------------------- personas

function renderPersonas() {
  ui.personaList.replaceChildren(
    ...personas.map((p) => {
      const button = el('button', 'persona');
      button.type = 'button';
      button.dataset.testid = `persona-${p.id}`;
      button.dataset.personaId = p.id;
      const avatar = el('span', isGroup(p) ? 'persona-avatar persona-avatar-group' : 'persona-avatar', p.name.trim().charAt(0) || '?');
      const text = el('span', 'persona-text');
      text.append(el('span', 'persona-name', p.name), el('span', 'persona-role', p.role));
      const badge = el('span', 'persona-badge');
      badge.dataset.testid = `unread-${p.id}`;
      button.append(avatar, text, badge);
      button.addEventListener('click', () => {
        selectPersona(p.id);
        showView('chat');
      });
      return button;
    }),
  );
  updatePersonaButtons();
}

function updatePersonaButtons() {
  for (const button of ui.personaList.querySelectorAll('.persona')) {
    const id = button.dataset.personaId;
    const active = id === activeId;
    button.classList.toggle('active', active);
    button.setAttribute('aria-pressed', String(active));
    const unread = chatOf(id).unread;
    const badge = button.querySelector('.persona-badge');
    badge.textContent = unread > 0 ? String(unread > 99 ? '99+' : unread) : '';
    badge.hidden = unread === 0;
  }
  // On a phone the persona list is out of sight behind its tab: the tab carries the other chats' unread count.
  const total = [...chats.entries()].reduce((sum, [id, chat]) => sum + (id === activeId ? 0 : chat.unread), 0);
  ui.tabUnread.textContent = total > 99 ? '99+' : String(total);
  ui.tabUnread.hidden = total === 0;
}

/** Which part of the page a phone shows: the persona list, the chat or the time machine. */
function showView(view) {
  document.body.dataset.view = view;
  for (const tab of document.querySelectorAll('.view-tab')) tab.setAttribute('aria-pressed', String(tab.dataset.view === view));
}

function setupViewTabs() {
  for (const tab of document.querySelectorAll('.view-tab')) tab.addEventListener('click', () => showView(tab.dataset.view));
  showView(document.body.dataset.view || 'chat');
}

function selectPersona(id) {
  if (!personaById(id)) return;
  activeId = id;
  const chat = chatOf(id);
  chat.unread = 0;
  const p = personaById(id);
  ui.chatName.textContent = isGroup(p) ? p.name : BOT_NAME;
  ui.chatPersona.textContent = isGroup(p) ? p.role : `คุณกำลังคุยในฐานะ ${p.name} · ${p.role}`;
  // Pictures and places mean nothing to the bot in a group.
  ui.sendImage.hidden = isGroup(p);
  ui.sendLocation.hidden = isGroup(p);
  // Only an organisation's admin sends files the bot reads (the year's plan, the OIT list, the indicator table).
  ui.sendFile.hidden = !p.sendsFiles || sampleFiles.length === 0;
  closeFileMenu();
  updatePersonaButtons();
  renderChat();
  void poll(id).then(() => (isGroup(p) ? inviteBotOnce(p) : undefined));
  ui.input.focus();
}

/**
 * A group persona's first visit invites the bot into the group (LINE's join event), unless the bot has
 * already said something there: it then greets the group once, as in LINE.
 */
async function inviteBotOnce(persona) {
  const chat = chatOf(persona.id);
  if (chat.joined || chat.entries.some((e) => e.kind === 'bot')) return;
  chat.joined = true;
  appendEntry(persona.id, { kind: 'note', at: new Date().toISOString(), text: `คุณเชิญบัญชี${BOT_NAME}เข้ากลุ่มนี้แล้ว` });
  try {
    await api('/send', { method: 'POST', body: JSON.stringify({ chatId: persona.chatId, input: { type: 'join' } }) });
  } catch (error) {
    chat.joined = false;
    toast(`เชิญบอตเข้ากลุ่มไม่สำเร็จ: ${error.message}`);
  }
  await poll(persona.id);
}

// ---------------------------------------------------------------------------------------------- chat rendering

function renderChat() {
  const chat = chatOf(activeId);
  ui.log.replaceChildren();
  if (chat.entries.length === 0) {
    const hint = isGroup(personaById(activeId))
      ? 'ในกลุ่ม บอตตอบเฉพาะคำสั่ง “เชื่อมกลุ่ม รหัส” และ “เลิกเชื่อมกลุ่ม” ของผู้บริหาร รับรหัสได้โดยพิมพ์ “เชื่อมกลุ่ม” ในแชตของผู้บริหาร'
      : 'ยังไม่มีข้อความ ลองพิมพ์ “สวัสดี” หรือ “เมนู” เพื่อเริ่มคุยกับบอต';
    const empty = el('div', 'chat-empty', hint);
    empty.dataset.role = 'empty';
    ui.log.append(empty);
  }
  for (const entry of chat.entries) ui.log.append(renderEntry(entry));
  renderQuickReplies();
  scrollToBottom(true);
}

function appendEntry(personaId, entry) {
  const chat = chatOf(personaId);
  chat.entries.push(entry);
  if (personaId !== activeId) return;
  const atBottom = isNearBottom();
  ui.log.querySelector('[data-role="empty"]')?.remove();
  ui.log.append(renderEntry(entry));
  scrollToBottom(atBottom || entry.kind === 'user');
}

function isNearBottom() {
  return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
}

function scrollToBottom(force) {
  if (!force) return;
  ui.log.scrollTop = ui.log.scrollHeight;
  // Images and fonts may change heights after layout.
  requestAnimationFrame(() => {
    ui.log.scrollTop = ui.log.scrollHeight;
  });
}

function renderEntry(entry) {
  if (entry.kind === 'note') {
    const note = el('div', 'chat-note', entry.text);
    note.dataset.testid = 'chat-note';
    return note;
  }
  return entry.kind === 'bot' ? renderBotItem(entry) : renderUserEntry(entry);
}

function renderBotItem(item) {
  const group = el('div', 'bot-group');
  group.dataset.seq = String(item.seq);
  group.dataset.via = item.via;
  item.messages.forEach((message, index) => {
    const row = el('div', 'msg-row bot');
    row.dataset.testid = 'bot-message';
    row.dataset.type = message && typeof message.type === 'string' ? message.type : 'unknown';
    if (index === 0) {
      row.append(el('div', 'avatar', 'ป'));
    } else {
      row.append(el('div', 'avatar-space'));
    }
    const column = el('div', 'msg-column');
    if (index === 0) {
      const senderName = message && message.sender && typeof message.sender.name === 'string' ? message.sender.name : BOT_NAME;
      column.append(el('div', 'bot-name', senderName));
    }
    const line = el('div', 'msg-line');
    line.append(renderBotMessage(message));
    if (index === item.messages.length - 1) line.append(renderMeta(item.at, VIA_LABEL[item.via]));
    column.append(line);
    row.append(column);
    group.append(row);
  });
  return group;
}

function renderMeta(at, via) {
  const meta = el('div', 'msg-meta');
  if (via) {
    const tag = el('span', 'msg-via', via);
    tag.title = via === 'push' ? 'บอตส่งเอง (push) ไม่ใช่การตอบกลับ' : 'ส่งถึงหลายคนพร้อมกัน (multicast)';
    meta.append(tag);
  }
  meta.append(el('span', 'msg-time', formatTime(at)));
  return meta;
}

function renderBotMessage(message) {
  if (!message || typeof message !== 'object') return el('div', 'bubble bubble-bot bubble-note', '[ข้อความว่าง]');
  switch (message.type) {
    case 'text':
      return textBubble(message.text, 'bubble bubble-bot');
    case 'flex':
      return renderFlexMessage(message, onAction);
    case 'image':
      return imageBubble(message);
    case 'sticker':
      return el('div', 'bubble bubble-bot bubble-note', `[สติกเกอร์ ${String(message.packageId ?? '')}/${String(message.stickerId ?? '')}]`);
    case 'location':
      return locationCard(message, 'bot');
    case 'template':
      return templateCard(message);
    default:
      return el('div', 'bubble bubble-bot bubble-note', `[ข้อความประเภท ${String(message.type)} ซึ่งโปรแกรมจำลองยังไม่แสดง${typeof message.altText === 'string' ? `: ${message.altText}` : ''}]`);
  }
}

/** A text bubble with line breaks kept and http(s) links clickable (as LINE does). */
function textBubble(text, className) {
  const bubble = el('div', className);
  const value = typeof text === 'string' ? text : '';
  const pattern = /https?:\/\/[^\s<>"']+/g;
  let last = 0;
  for (const match of value.matchAll(pattern)) {
    const url = safeHttpUrl(match[0]);
    if (!url) continue;
    if (match.index > last) bubble.append(document.createTextNode(value.slice(last, match.index)));
    const link = el('a', 'bubble-link', match[0]);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    bubble.append(link);
    last = match.index + match[0].length;
  }
  if (last < value.length) bubble.append(document.createTextNode(value.slice(last)));
  return bubble;
}

function imageBubble(message) {
  const frame = el('div', 'bubble-image');
  const preview = safeHttpUrl(message.previewImageUrl) ?? safeHttpUrl(message.originalContentUrl);
  if (preview) {
    const img = el('img');
    img.alt = 'รูปภาพจากบอต';
    img.referrerPolicy = 'no-referrer';
    img.src = preview;
    const original = safeHttpUrl(message.originalContentUrl);
    if (original) {
      const link = el('a');
      link.href = original;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.append(img);
      frame.append(link);
    } else {
      frame.append(img);
    }
  } else {
    frame.classList.add('bubble-image-missing');
    frame.textContent = '[รูปภาพ]';
  }
  return frame;
}

function locationCard(location, who) {
  const card = el('div', `location-card location-${who}`);
  const map = el('div', 'location-map');
  map.append(icon('pin', 'location-pin'));
  const body = el('div', 'location-body');
  body.append(el('div', 'location-title', typeof location.title === 'string' ? location.title : 'ตำแหน่ง'));
  if (typeof location.address === 'string') body.append(el('div', 'location-address', location.address));
  if (Number.isFinite(location.latitude) && Number.isFinite(location.longitude)) {
    body.append(el('div', 'location-coords', `${location.latitude.toFixed(4)}, ${location.longitude.toFixed(4)}`));
  }
  card.append(map, body);
  return card;
}

/** Buttons/confirm templates, drawn simply: text, then the actions as buttons. */
function templateCard(message) {
  const template = message.template && typeof message.template === 'object' ? message.template : {};
  const card = el('div', 'template-card');
  card.title = typeof message.altText === 'string' ? message.altText : '';
  if (typeof template.title === 'string') card.append(el('div', 'template-title', template.title));
  if (typeof template.text === 'string') card.append(el('div', 'template-text', template.text));
  const actions = Array.isArray(template.actions) ? template.actions : [];
  const row = el('div', template.type === 'confirm' ? 'template-actions confirm' : 'template-actions');
  for (const action of actions) {
    if (!action || typeof action !== 'object') continue;
    const button = el('button', 'template-button', typeof action.label === 'string' ? action.label : '');
    button.type = 'button';
    button.dataset.testid = 'flex-button';
    button.addEventListener('click', () => onAction(action));
    row.append(button);
  }
  card.append(row);
  if (template.type !== 'buttons' && template.type !== 'confirm') card.append(el('div', 'template-text', `[แม่แบบ ${String(template.type)}] ${card.title}`));
  return card;
}

function renderUserEntry(entry) {
  const row = el('div', 'msg-row user');
  const line = el('div', 'msg-line');
  const input = entry.input;
  let content;
  if (input.type === 'text') content = textBubble(input.text, 'bubble bubble-user');
  else if (input.type === 'postback') content = textBubble(input.displayText, 'bubble bubble-user');
  else if (input.type === 'location') content = locationCard(input, 'user');
  else if (input.type === 'file') {
    const file = sampleFiles.find((f) => f.id === input.sample);
    content = el('div', 'user-file');
    content.append(icon('file', 'user-file-icon'), el('span', 'user-file-name', file ? file.fileName : 'ไฟล์'));
  } else {
    content = el('div', 'user-photo');
    const photo = samplePhotos.find((p) => p.id === input.sample);
    if (photo) {
      const img = el('img', 'user-photo-image');
      img.alt = photo.caption;
      img.src = photo.url;
      content.append(img, el('span', 'user-photo-caption', photo.caption));
    } else {
      content.append(icon('image', 'user-photo-icon'), el('span', 'user-photo-caption', 'รูปภาพตัวอย่าง'));
    }
  }
  // The bubble alone carries the test id, so its text is exactly what the user sent.
  content.dataset.testid = 'user-message';
  content.dataset.type = input.type;
  const meta = el('div', 'msg-meta');
  if (entry.failed) {
    const failed = el('span', 'msg-failed', 'ส่งไม่สำเร็จ');
    if (entry.error) failed.title = entry.error;
    meta.append(failed);
  }
  meta.append(el('span', 'msg-time', formatTime(entry.at)));
  line.append(meta, content);
  row.append(line);
  entry.node = row;
  return row;
}

// ---------------------------------------------------------------------------------------------- quick replies

function renderQuickReplies() {
  const chat = activeId ? chatOf(activeId) : null;
  const items = chat?.quickReplies ?? [];
  ui.quickReplies.replaceChildren();
  for (const item of items) {
    const action = item && typeof item === 'object' ? item.action : null;
    if (!action || typeof action !== 'object') continue;
    const chip = el('button', 'quick-reply');
    chip.type = 'button';
    chip.dataset.testid = 'quick-reply';
    chip.dataset.action = String(action.type);
    const imageUrl = safeHttpUrl(item.imageUrl);
    if (imageUrl) {
      const img = el('img', 'quick-reply-icon');
      img.alt = '';
      img.referrerPolicy = 'no-referrer';
      img.src = imageUrl;
      chip.append(img);
    } else if (action.type === 'location') {
      chip.append(icon('pin', 'quick-reply-glyph'));
    } else if (action.type === 'camera' || action.type === 'cameraRoll') {
      chip.append(icon('image', 'quick-reply-glyph'));
    }
    chip.append(el('span', 'quick-reply-label', typeof action.label === 'string' ? action.label : defaultChipLabel(action.type)));
    chip.addEventListener('click', () => {
      const handled = onAction(action);
      if (handled !== false) clearQuickReplies();
    });
    ui.quickReplies.append(chip);
  }
  ui.quickReplies.hidden = ui.quickReplies.childElementCount === 0;
}

function defaultChipLabel(type) {
  return { location: 'ส่งตำแหน่ง', camera: 'กล้อง', cameraRoll: 'คลังภาพ' }[type] ?? String(type);
}

function clearQuickReplies() {
  if (!activeId) return;
  chatOf(activeId).quickReplies = null;
  renderQuickReplies();
}

// ---------------------------------------------------------------------------------------------- actions

/**
 * What a tap on a LINE action does: message → the user says the text; postback → the bot gets the data
 * and the chat shows displayText; uri → a new tab; location → the sample location; camera/cameraRoll →
 * the sample photo. Returns false when the action did nothing.
 */
function onAction(action) {
  if (!action || typeof action !== 'object' || !activeId) return false;
  switch (action.type) {
    case 'message':
      if (typeof action.text !== 'string' || action.text === '') return false;
      void send({ type: 'text', text: action.text });
      return true;
    case 'postback': {
      if (typeof action.data !== 'string' || action.data === '') return false;
      const input = { type: 'postback', data: action.data };
      if (typeof action.displayText === 'string' && action.displayText !== '') input.displayText = action.displayText;
      void send(input);
      return true;
    }
    case 'uri': {
      const url = safeHttpUrl(action.uri);
      if (!url) {
        toast('ลิงก์นี้เปิดได้เฉพาะในแอป LINE');
        return false;
      }
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    }
    case 'location':
      void send({ ...SAMPLE_LOCATION });
      return true;
    case 'camera':
    case 'cameraRoll':
      void send(photoInput());
      return true;
    case 'clipboard':
      if (typeof action.clipboardText === 'string') {
        void navigator.clipboard?.writeText(action.clipboardText).then(
          () => toast('คัดลอกแล้ว'),
          () => toast('คัดลอกไม่ได้'),
        );
      }
      return true;
    case 'datetimepicker':
      toast('โปรแกรมจำลองยังไม่รองรับการเลือกวันเวลา');
      return false;
    default:
      toast(`โปรแกรมจำลองยังไม่รองรับปุ่มประเภท ${String(action.type)}`);
      return false;
  }
}

async function send(input) {
  const persona = personaById(activeId);
  if (!persona) return;
  const personaId = persona.id;
  chatOf(personaId).quickReplies = null;
  if (personaId === activeId) renderQuickReplies();
  const shown = input.type !== 'postback' || typeof input.displayText === 'string';
  const entry = { kind: 'user', at: new Date().toISOString(), input, failed: false };
  if (shown) appendEntry(personaId, entry);
  try {
    await api('/send', { method: 'POST', body: JSON.stringify({ chatId: persona.chatId, input }) });
  } catch (error) {
    if (error.status === undefined) setConnection(false);
    entry.failed = true;
    entry.error = error.message;
    if (shown && entry.node?.isConnected) entry.node.replaceWith(renderUserEntry(entry));
    toast(`ส่งไม่สำเร็จ: ${error.message}`);
  }
  await poll(personaId);
}

// ---------------------------------------------------------------------------------------------- polling

/** Fetches a persona's new bot messages; a call made while one is running runs again after it. */
function poll(personaId) {
  const running = inFlight.get(personaId);
  if (running) {
    running.again ??= running.promise.then(() => poll(personaId));
    return running.again;
  }
  const entry = { promise: null, again: null };
  inFlight.set(personaId, entry);
  entry.promise = fetchMessages(personaId).finally(() => inFlight.delete(personaId));
  return entry.promise;
}

async function fetchMessages(personaId) {
  const persona = personaById(personaId);
  if (!persona) return;
  const chat = chatOf(personaId);
  let body;
  try {
    body = await api(`/messages?chatId=${encodeURIComponent(persona.chatId)}&after=${chat.lastSeq}`);
  } catch (error) {
    if (error.status === undefined) setConnection(false);
    return;
  }
  const items = Array.isArray(body?.items) ? body.items : [];
  let newest = null;
  for (const item of items) {
    if (!item || typeof item.seq !== 'number' || item.seq <= chat.lastSeq || !Array.isArray(item.messages)) continue;
    chat.lastSeq = item.seq;
    const entry = { kind: 'bot', seq: item.seq, at: typeof item.at === 'string' ? item.at : new Date().toISOString(), via: item.via, messages: item.messages };
    // The first load of a chat shows history, which counts as read.
    if (personaId !== activeId && chat.loaded) chat.unread += item.messages.length;
    try {
      appendEntry(personaId, entry);
    } catch (error) {
      console.error('could not show a bot message', error, item);
    }
    newest = entry;
  }
  chat.loaded = true;
  if (newest) {
    // As in LINE, quick replies belong to the newest message only.
    const last = newest.messages[newest.messages.length - 1];
    const quick = last && last.quickReply && Array.isArray(last.quickReply.items) ? last.quickReply.items : null;
    chat.quickReplies = quick && quick.length > 0 ? quick : null;
    if (personaId === activeId) renderQuickReplies();
    updatePersonaButtons();
  }
}

async function pollLoop() {
  tick++;
  const tasks = [];
  if (activeId) tasks.push(poll(activeId));
  if (tick % OTHERS_EVERY === 0 || Date.now() < burstUntil) {
    for (const p of personas) if (p.id !== activeId) tasks.push(poll(p.id));
  }
  await Promise.allSettled(tasks);
  setTimeout(pollLoop, ACTIVE_POLL_MS);
}

// ---------------------------------------------------------------------------------------------- time machine

function setupTimeMachine(jobs) {
  for (const job of jobs) jobInfo.set(job.id, job);
  ui.tmJob.replaceChildren(
    ...jobs.map((job) => {
      const option = el('option', '', job.name);
      option.value = job.id;
      return option;
    }),
  );
  const showHint = () => {
    ui.tmJobHint.textContent = jobInfo.get(ui.tmJob.value)?.schedule ?? '';
  };
  ui.tmJob.addEventListener('change', showHint);
  showHint();
  setDatetimeToNow();

  for (const button of document.querySelectorAll('.preset')) {
    button.addEventListener('click', () => void applyPreset(button.dataset.preset));
  }
  ui.tmRun.addEventListener('click', () => void runJob());
  ui.tmDatetime.addEventListener('input', showThaiDatetime);
}

function setDatetime(value) {
  ui.tmDatetime.value = value;
  showThaiDatetime();
}

function showThaiDatetime() {
  const wall = fieldToWall(ui.tmDatetime.value);
  ui.tmDatetimeThai.textContent = wall ? `= ${THAI_DAYS[wall.getUTCDay()]}ที่ ${thaiDateTime(ui.tmDatetime.value)}` : '';
}

function setDatetimeToNow() {
  const ms = serverNow ? Date.parse(serverNow) : Date.now();
  setDatetime(wallToField(toWall(Number.isNaN(ms) ? Date.now() : ms)));
}

async function applyPreset(preset) {
  if (preset === 'now') {
    try {
      const state = await api('/state');
      if (typeof state?.now === 'string') serverNow = state.now;
    } catch {
      // keep the last known time
    }
    setDatetimeToNow();
    return;
  }
  const base = fieldToWall(ui.tmDatetime.value) ?? toWall(Date.parse(serverNow ?? '') || Date.now());
  let next = null;
  if (preset === 'quarter-end') next = nextQuarterEnd(base);
  else if (preset === 'first-working-day') {
    try {
      next = await firstWorkingDayOfNextMonth(base);
    } catch (error) {
      toast(`หาวันทำการไม่ได้: ${error.message}`);
    }
  }
  else if (preset === 'plus-16-days') next = plusDays(base, 16);
  if (next) setDatetime(wallToField(next));
}

function thaiDateTime(fieldValue) {
  const wall = fieldToWall(fieldValue);
  if (!wall) return fieldValue;
  const months = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
  return `${wall.getUTCDate()} ${months[wall.getUTCMonth()]} ${wall.getUTCFullYear() + 543} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())} น.`;
}

async function runJob() {
  const value = ui.tmDatetime.value;
  if (!fieldToWall(value)) {
    showJobResult('error', 'กรุณาเลือกวันเวลาก่อน');
    return;
  }
  const job = ui.tmJob.value;
  const asOf = `${value.slice(0, 16)}:00+07:00`;
  ui.tmRun.disabled = true;
  showJobResult('running', `กำลังทำงาน “${jobName(job)}” ณ ${thaiDateTime(value)}…`);
  try {
    const body = await api('/jobs', { method: 'POST', body: JSON.stringify({ job, asOf }) });
    const kind = typeof body?.report?.kind === 'string' ? body.report.kind : 'ok';
    const text = typeof body?.report?.text === 'string' ? body.report.text : '';
    showJobResult(kind, text, body);
    burstUntil = Date.now() + 8000;
    await Promise.allSettled(personas.map((p) => poll(p.id)));
  } catch (error) {
    if (error.status === undefined) setConnection(false);
    showJobResult('error', `สั่งงานไม่สำเร็จ: ${error.message}`);
  } finally {
    ui.tmRun.disabled = false;
  }
}

function showJobResult(kind, text, details) {
  ui.tmResult.dataset.kind = kind;
  ui.tmResult.textContent = text;
  if (details !== undefined) {
    ui.tmDetailsJson.textContent = JSON.stringify(details, null, 2);
    ui.tmDetails.hidden = false;
  }
}

// ---------------------------------------------------------------------------------------------- start

/** Keeps the chat pinned to the newest message while pictures load, unless the user scrolled up. */
function setupAutoScroll() {
  let pinned = true;
  ui.log.addEventListener('scroll', () => {
    pinned = isNearBottom();
  });
  ui.log.addEventListener(
    'load',
    () => {
      if (pinned) ui.log.scrollTop = ui.log.scrollHeight;
    },
    true,
  );
}

function setupComposer() {
  const fitInput = () => {
    const atBottom = isNearBottom();
    ui.input.style.height = 'auto';
    ui.input.style.height = `${Math.min(ui.input.scrollHeight + 2, 120)}px`;
    scrollToBottom(atBottom);
  };
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.input.value;
    if (text.trim() === '') return;
    ui.input.value = '';
    fitInput();
    void send({ type: 'text', text });
  });
  // Enter sends (as LINE on a computer); Shift+Enter starts a new line; Enter while composing Thai input is left alone.
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.input.addEventListener('input', fitInput);
  ui.sendImage.addEventListener('click', () => void send(photoInput()));
  ui.sendLocation.addEventListener('click', () => void send({ ...SAMPLE_LOCATION }));
  ui.sendFile.addEventListener('click', () => (ui.fileMenu.hidden ? openFileMenu() : closeFileMenu()));
}

function openFileMenu() {
  ui.fileMenu.replaceChildren(
    ...sampleFiles.map((f) => {
      const item = el('button', 'file-menu-item');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.dataset.testid = `send-file-${f.id}`;
      item.append(el('span', 'file-menu-caption', f.caption), el('span', 'file-menu-name', f.fileName));
      item.addEventListener('click', () => {
        closeFileMenu();
        void send({ type: 'file', sample: f.id });
      });
      return item;
    }),
  );
  ui.fileMenu.hidden = false;
  ui.sendFile.setAttribute('aria-expanded', 'true');
}

function closeFileMenu() {
  ui.fileMenu.hidden = true;
  ui.sendFile.setAttribute('aria-expanded', 'false');
}

async function start() {
  setupViewTabs();
  setupComposer();
  setupAutoScroll();
  let state = null;
  while (!state) {
    try {
      state = await api('/state');
    } catch {
      setConnection(false);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  personas = Array.isArray(state.personas) ? state.personas.filter((p) => p && typeof p.id === 'string' && typeof p.chatId === 'string') : [];
  serverNow = typeof state.now === 'string' ? state.now : null;
  samplePhotos = Array.isArray(state.samplePhotos) ? state.samplePhotos.filter((p) => p && typeof p.id === 'string' && typeof p.url === 'string') : [];
  sampleFiles = Array.isArray(state.sampleFiles) ? state.sampleFiles.filter((f) => f && typeof f.id === 'string' && typeof f.fileName === 'string') : [];
  renderPersonas();
  setupTimeMachine(Array.isArray(state.jobs) ? state.jobs.filter((j) => j && typeof j.id === 'string' && typeof j.name === 'string') : []);
  if (personas.length > 0) selectPersona(personas[0].id);
  // Load every chat once, so pushes that arrived before the page opened are there on switching.
  await Promise.allSettled(personas.map((p) => poll(p.id)));
  setTimeout(pollLoop, ACTIVE_POLL_MS);
}

void start();
