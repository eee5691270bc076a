import { useCallback, useEffect, useRef, useState } from 'react';
import type { Position } from './types.ts';

export type LocationError = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export type LocationState =
  | { status: 'off' }
  | { status: 'locating' }
  | { status: 'on'; position: Position; accuracyM: number; first: boolean }
  | { status: 'error'; error: LocationError };

/** GeolocationPositionError codes: 1 permission denied, 2 position unavailable, 3 timeout. */
export function locationError(code: number): LocationError {
  if (code === 1) return 'denied';
  if (code === 3) return 'timeout';
  return 'unavailable';
}

/**
 * Follows the device position while switched on. `first` marks the first fix after switching on,
 * so the map centres once and then leaves panning to the user.
 */
export function useGeolocation() {
  const [state, setState] = useState<LocationState>({ status: 'off' });
  const [watching, setWatching] = useState(false);
  const watch = useRef<number | null>(null);

  const stop = useCallback(() => {
    if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    watch.current = null;
    setWatching(false);
    setState({ status: 'off' });
  }, []);

  const start = useCallback(() => {
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setState({ status: 'error', error: 'unsupported' });
      return;
    }
    if (watch.current !== null) return;
    setState({ status: 'locating' });
    setWatching(true);
    let first = true;
    watch.current = navigator.geolocation.watchPosition(
      (position) => {
        setState({
          status: 'on',
          position: [position.coords.longitude, position.coords.latitude],
          accuracyM: position.coords.accuracy,
          first,
        });
        first = false;
      },
      (error) => {
        const kind = locationError(error.code);
        // Without permission watching is pointless; a timeout or a lost fix may recover by itself.
        if (kind === 'denied' && watch.current !== null) {
          navigator.geolocation.clearWatch(watch.current);
          watch.current = null;
          setWatching(false);
        }
        setState((previous) =>
          previous.status === 'on' && kind !== 'denied' ? previous : { status: 'error', error: kind },
        );
      },
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
  }, []);

  useEffect(
    () => () => {
      if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    },
    [],
  );

  return { state, start, stop, watching };
}
