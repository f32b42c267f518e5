/** All schedules and dates run on Bangkok time, whatever TZ the machine has. */
export const TIME_ZONE = 'Asia/Bangkok';
