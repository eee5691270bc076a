import { AppError } from '../errors.ts';

/** Which bytes of the whole file one PUT carries; `end` is inclusive, as in the header. */
export interface ByteRange {
  start: number;
  end: number;
  total: number;
}

function invalid(reason: string): AppError {
  return new AppError('MEDIA_RANGE_INVALID', { reason }, [
    { field: 'content-range', code: 'MEDIA_RANGE_INVALID', message: reason },
  ]);
}

/**
 * `Content-Range: bytes <start>-<end>/<total>` of a chunk, checked against the body it came with.
 * Without the header the body is the whole file.
 */
export function parseContentRange(header: string | undefined, bodyLength: number): ByteRange {
  if (header === undefined) return { start: 0, end: bodyLength - 1, total: bodyLength };
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(header.trim());
  if (!match) throw invalid('must look like "bytes 0-1048575/2621440"');
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (end < start) throw invalid('the end comes before the start');
  if (end >= total) throw invalid('the range goes past the total size');
  if (end - start + 1 !== bodyLength) {
    throw invalid(`the range names ${end - start + 1} bytes but the body has ${bodyLength}`);
  }
  return { start, end, total };
}
