import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The photos a persona can send from the simulator ("ส่งรูปภาพ"): small real JPEG files drawn by
 * scripts/draw-sample-photos.ts, which the demo's LINE serves as the content of the image message, so the
 * bot stores and shows back a picture rather than placeholder bytes.
 */
export interface SamplePhoto {
  id: string;
  file: string;
  /** What the picture shows, as the page labels it. */
  caption: string;
}

export const SAMPLE_PHOTOS: readonly SamplePhoto[] = [
  { id: 'street-lamp', file: 'street-lamp.jpg', caption: 'ไฟส่องสว่างหน้าโรงเรียนดับ' },
  { id: 'pothole', file: 'pothole.jpg', caption: 'ถนนในหมู่บ้านเป็นหลุมมีน้ำขัง' },
  { id: 'training', file: 'training.jpg', caption: 'การอบรมเจ้าหน้าที่' },
];

export const SAMPLE_PHOTO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/simulator/public/samples');

const cache = new Map<string, Buffer>();

/** A sample photo's bytes, read once. */
export function samplePhotoBytes(photo: SamplePhoto): Buffer {
  let data = cache.get(photo.id);
  if (!data) {
    data = readFileSync(resolve(SAMPLE_PHOTO_DIR, photo.file));
    cache.set(photo.id, data);
  }
  return data;
}
