// A child process that decodes one JPEG with the canvas (Skia) decoder: bytes on standard input,
// then width and height (two 32-bit little-endian integers) and the gray pixels on standard output.
// Skia's decoder reads real scans as the OCR was tuned on, but it can crash the process on a
// damaged file; in its own process a crash only ends this child (see ./image.ts).
import { readFileSync } from 'node:fs';
import { toGray } from './raster.js';

const bytes = readFileSync(0);
const { loadImage, createCanvas } = await import('@napi-rs/canvas');
const img = await loadImage(bytes);
const canvas = createCanvas(img.width, img.height);
const context = canvas.getContext('2d');
context.fillStyle = '#ffffff';
context.fillRect(0, 0, img.width, img.height);
context.drawImage(img, 0, 0);
const gray = toGray(img.width, img.height, context.getImageData(0, 0, img.width, img.height).data, 'rgba');
const head = Buffer.alloc(8);
head.writeUInt32LE(gray.width, 0);
head.writeUInt32LE(gray.height, 4);
process.stdout.write(Buffer.concat([head, Buffer.from(gray.data.buffer, gray.data.byteOffset, gray.data.byteLength)]));
