import { exhaustive } from '@quartiersatlas/domain';
import type { MediaType } from './media-types.ts';

/** Every signature below lies within the first this many bytes. */
export const SNIFF_BYTES = 12;

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** An MPEG audio frame header: 11 sync bits, then a version and a layer that are not the reserved 01 / 00. */
function mpegFrame(bytes: Uint8Array): boolean {
  const [first, second] = bytes;
  if (first !== 0xff || second === undefined || (second & 0xe0) !== 0xe0) return false;
  return ((second >> 3) & 0x03) !== 0x01 && ((second >> 1) & 0x03) !== 0x00;
}

/**
 * Whether the first bytes of a file are what its declared type says. The file is served back with
 * that type to other users' browsers, so a script or page disguised as a photo must not get in.
 */
export function matchesType(type: MediaType, head: Uint8Array): boolean {
  switch (type) {
    case 'image/jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp':
      return ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP');
    case 'audio/webm':
      return startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]);
    case 'audio/ogg':
      return ascii(head, 0, 'OggS');
    case 'audio/mp4':
      return ascii(head, 4, 'ftyp');
    case 'audio/mpeg':
      return ascii(head, 0, 'ID3') || mpegFrame(head);
    case 'audio/wav':
      return ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE');
    default:
      return exhaustive(type);
  }
}
