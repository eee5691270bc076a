import { useEffect, useState } from 'react';
import { authHeaders } from '../shell/auth.ts';

export type ServerMedia =
  | { state: 'loading' }
  | { state: 'shown'; url: string; mime: string }
  | { state: 'unavailable' };

/**
 * The bytes of a photo or voice note this device does not hold, from `GET /api/v1/media/:sha256`
 * (signed in with the device token), as an object URL released on unmount. Offline, or when the
 * server cannot send it, there is nothing to show but a neutral placeholder.
 */
export function useServerMedia(id: string, online: boolean): ServerMedia {
  const [loaded, setLoaded] = useState<ServerMedia>({ state: 'loading' });
  useEffect(() => {
    if (!online) {
      setLoaded({ state: 'unavailable' });
      return;
    }
    const controller = new AbortController();
    let url: string | null = null;
    setLoaded({ state: 'loading' });
    void (async () => {
      try {
        const response = await fetch(`/api/v1/media/${encodeURIComponent(id)}`, {
          headers: await authHeaders(),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        url = URL.createObjectURL(blob);
        setLoaded({ state: 'shown', url, mime: blob.type });
      } catch (error) {
        if (!controller.signal.aborted) {
          console.warn('media not loaded from the server', id, error);
          setLoaded({ state: 'unavailable' });
        }
      }
    })();
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, online]);
  return loaded;
}
