import { describe, expect, it } from 'vitest';
import { track } from '../../src/features/track/feature.js';
import { complaintValue } from '../support/complaint-value.js';
import { visibleText } from '../support/chat.js';
import { complaintsInMemory, sender, standInContext, typed } from '../support/stand-ins.js';

// The track feature with its stores in memory: no database, the organisation already given.
const citizen = sender('U-citizen');
const neighbour = sender('U-neighbour');
const own = complaintValue({ id: 'c1', trackingNo: 'G2568-0001', reporterKey: citizen.userKey });
const theirs = complaintValue({ id: 'c2', trackingNo: 'G2568-0002', reporterKey: neighbour.userKey, description: 'ท่อแตก' });
const complaints = complaintsInMemory([own, theirs], {
  c1: [
    { at: own.submittedAt, type: 'submitted', status: 'received', text: null, public: true },
    { at: new Date('2025-06-03T02:00:00Z'), type: 'note', status: null, text: 'ผู้ร้องเป็นญาติของนายก', public: false },
    { at: new Date('2025-06-04T02:00:00Z'), type: 'status', status: 'in_progress', text: 'ช่างไฟออกสำรวจแล้ว', public: true },
  ],
});

async function ask(text: string, who = citizen) {
  const argument = track.command!(text) ?? '';
  return visibleText(await track.handle(standInContext({ input: typed(text), argument, sender: who, stores: { complaints } })));
}

describe('track, with its stores in memory', () => {
  it('shows the sender their own case and its public progress, never a handler\'s internal note', async () => {
    const reply = await ask('ติดตาม G2568-0001');
    expect(reply).toContain('เรื่องเลขที่ G2568-0001');
    expect(reply).toContain('ช่างไฟออกสำรวจแล้ว');
    expect(reply).not.toContain('ผู้ร้องเป็นญาติของนายก');
  });

  it('answers someone else\'s number as it answers a wrong one', async () => {
    const reply = await ask('ติดตาม G2568-0002');
    expect(reply).toContain('ไม่พบเรื่องเลขที่นี้');
    expect(reply).not.toContain('ท่อแตก');
    expect(await ask('ติดตาม G2568-0002', neighbour)).toContain('เรื่องเลขที่ G2568-0002');
  });

  it('finds the case by a number written without its letter', async () => {
    expect(await ask('ติดตาม 2568-0001')).toContain('เรื่องเลขที่ G2568-0001');
  });

  it('asks for the number when none is given, without reading any store', async () => {
    const reply = visibleText(await track.handle(standInContext({ input: typed('ติดตาม'), argument: '', stores: {} })));
    expect(reply).toContain('ตามด้วยเลขที่เรื่อง');
  });
});
