import { ApiError, deviceTokenHeader, NETWORK_ERROR, UNKNOWN_ERROR } from '../api/client.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Posts a file as the raw request body. XMLHttpRequest rather than fetch, because only it reports
 * how far the upload is, and a 50 MB street network takes a while on a planner's office line.
 * Resolves with the JSON answer; rejects with an ApiError carrying the API's code and details.
 */
export async function uploadFile(
  url: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<unknown> {
  const auth = await deviceTokenHeader();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(auth)) xhr.setRequestHeader(name, value);
    // The server reads the body as bytes whatever its type; a neutral type keeps JSON parsers out of it.
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      const error = body as { code?: unknown; message?: unknown; details?: unknown } | undefined;
      reject(
        typeof error?.code === 'string'
          ? new ApiError(error.code, xhr.status, String(error.message ?? error.code), error.details)
          : new ApiError(UNKNOWN_ERROR, xhr.status, `HTTP ${xhr.status}`),
      );
    };
    xhr.onerror = () => reject(new ApiError(NETWORK_ERROR, 0, 'The upload did not reach the server'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
