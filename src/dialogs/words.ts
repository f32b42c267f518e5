/** The answers every dialog understands besides its own buttons, typed in Thai or English. */
const SKIP = new Set(['ข้าม', 'ไม่มี', 'skip']);
const CONFIRM = new Set(['ยืนยัน', 'ยืนยันบันทึก', 'ยืนยันส่งเรื่อง', 'confirm']);

const plain = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export const isSkipWord = (text: string) => SKIP.has(plain(text));
export const isConfirmWord = (text: string) => CONFIRM.has(plain(text));
