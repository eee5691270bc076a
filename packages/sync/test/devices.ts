import {
  type ClientFeature,
  MemoryStore,
  newOpId,
  SyncEngine,
  type SyncEngineOptions,
  type SyncTransport,
} from '../src/index.ts';
import { FakeServer } from './fake-server.ts';

export interface Device {
  store: MemoryStore;
  engine: SyncEngine;
  /** The engine's transport: tests replace its methods to act in the middle of a round. */
  transport: SyncTransport;
  deviceId: string;
}

type Options = Pick<SyncEngineOptions, 'pushBatch' | 'pullLimit' | 'mediaChunkBytes' | 'onProgress'>;

export function device(server: FakeServer, options: Options = {}): Device {
  const store = new MemoryStore();
  const deviceId = newOpId();
  const transport = server.transport();
  const engine = new SyncEngine({ store, transport, deviceId, scope: { quarters: null }, ...options });
  return { store, engine, transport, deviceId };
}

export function setup(options: Options = {}) {
  const server = new FakeServer();
  return { server, a: device(server, options), b: device(server, options) };
}

export function service(properties: Record<string, unknown> = {}): Omit<ClientFeature, 'type' | 'id'> {
  return {
    geometry: { type: 'Point', coordinates: [7.465, 51.552] },
    properties: { kind: 'service', quarterId: 'eving', category: 'bakery', name: 'Bäckerei Eck', ...properties },
  };
}

export function need(properties: Record<string, unknown> = {}): Omit<ClientFeature, 'type' | 'id'> {
  return {
    geometry: { type: 'Point', coordinates: [7.468, 51.554] },
    properties: { kind: 'need', quarterId: 'eving', category: 'kita', text: 'Kita fehlt', ...properties },
  };
}
