/** Small previews of images, made in the browser before they are uploaded. */

/** Longest side of a preview, in CSS pixels. */
export const thumbnailSize = 160;
/** Images larger than this are not decoded just for a preview. */
const maxSourceBytes = 25 * 1024 * 1024;
/** A preview stays well under what the store keeps for history (48 KB). */
const maxDataUrlLength = 40_000;

/**
 * A PNG (JPEG for photos, or when a PNG would be too big) data URL of the
 * image scaled to fit `size` pixels; undefined when the browser cannot decode
 * it (not an image, an unsupported format, no canvas).
 */
export async function makeThumbnail(
  image: Blob,
  size = thumbnailSize
): Promise<string | undefined> {
  if (typeof createImageBitmap !== 'function' || image.size > maxSourceBytes) return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const photo = image.type === 'image/jpeg';
    let url = photo ? '' : canvas.toDataURL('image/png');
    if (photo || url.length > maxDataUrlLength) {
      // JPEG has no transparency: put white behind what was drawn.
      context.globalCompositeOperation = 'destination-over';
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      url = canvas.toDataURL('image/jpeg', 0.8);
    }
    return url.startsWith('data:image/') ? url : undefined;
  } finally {
    bitmap.close();
  }
}
