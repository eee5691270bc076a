/** The size a photo is scaled to so that its longer edge is at most `maxEdge`; null when it fits. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } | null {
  const longer = Math.max(width, height);
  if (longer <= maxEdge) return null;
  const scale = maxEdge / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encode(bitmap: ImageBitmap, size: { width: number; height: number }, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))), 'image/jpeg', quality),
  );
}

/**
 * Scales a camera photo down to a JPEG whose longer edge is `maxEdge` px: a 12-megapixel photo of
 * 4 MB becomes about 300 KB, which matters on a phone's quota and a field team's mobile data. Photos
 * that already fit are kept as they are, and so is anything the browser cannot decode (HEIC on some
 * Android browsers): a large photo is better than a lost one.
 */
export async function resizePhoto(file: Blob, maxEdge = 1600, quality = 0.8): Promise<Blob> {
  if (typeof createImageBitmap === 'undefined') return file;
  let bitmap: ImageBitmap;
  try {
    // EXIF orientation is applied here, so a portrait photo stays upright after re-encoding.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, maxEdge);
    if (!size) return file;
    return await encode(bitmap, size, quality);
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}
