import type { ProgressFn } from '../types.ts';
import type { StreetNetwork } from './build.ts';
import { distanceFn } from './geometry.ts';
import { MinHeap } from './heap.ts';
import type { SnapReport } from './snap.ts';

/** (source, target, cost) triples in parallel arrays. */
export interface Pairs {
  source: Uint32Array;
  target: Uint32Array;
  cost: Float64Array;
}

const PROGRESS_STEPS = 200;

/**
 * Network costs from every snapped source point to every snapped target point within maxCost: one
 * bounded Dijkstra per source. Cost = source snap distance + path along the streets + target snap
 * distance. The graph is undirected, so sources and targets may be either layer.
 */
export function boundedSearch(
  network: StreetNetwork,
  sources: SnapReport,
  targets: SnapReport,
  maxCost: number,
  onProgress?: ProgressFn,
): Pairs {
  const { nodeCount, adjOffsets, adjNode, adjCost, edgeFrom, edgeTo, edgeLength } = network;
  const atNode = targetsByNode(network, targets);
  const onEdge = targetsByEdge(network, targets);
  const distance = distanceFn(network.crs);

  // Reused between runs; only the entries a run touched are reset.
  const dist = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const touched = new Uint32Array(nodeCount);
  let touchedCount = 0;
  const best = new Float64Array(targets.edge.length).fill(Number.POSITIVE_INFINITY);
  const hit = new Uint32Array(targets.edge.length);
  let hitCount = 0;
  const heap = new MinHeap(1024);
  const out = new PairBuffer();

  const reach = (node: number, cost: number): void => {
    if (cost > maxCost || cost >= (dist[node] as number)) return;
    if (dist[node] === Number.POSITIVE_INFINITY) touched[touchedCount++] = node;
    dist[node] = cost;
    heap.push(node, cost);
  };
  const offer = (target: number, cost: number): void => {
    if (cost > maxCost || cost >= (best[target] as number)) return;
    if (best[target] === Number.POSITIVE_INFINITY) hit[hitCount++] = target;
    best[target] = cost;
  };

  const total = sources.edge.length;
  const every = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  for (let i = 0; i < total; i++) {
    const e = sources.edge[i] as number;
    if (e >= 0) {
      const snap = sources.distance[i] as number;
      reach(edgeFrom[e] as number, snap + (sources.alongFrom[i] as number));
      reach(edgeTo[e] as number, snap + (sources.alongTo[i] as number));
      // Points on the same edge also reach each other directly, without passing a node.
      for (let k = onEdge.offsets[e] as number; k < (onEdge.offsets[e + 1] as number); k++) {
        const t = onEdge.target[k] as number;
        const si = sources.segment[i] as number;
        const st = targets.segment[t] as number;
        const along =
          si === st
            ? distance(sources.x[i] as number, sources.y[i] as number, targets.x[t] as number, targets.y[t] as number)
            : si < st
              ? (sources.alongTo[i] as number) + (targets.alongFrom[t] as number) - (edgeLength[e] as number)
              : (targets.alongTo[t] as number) + (sources.alongFrom[i] as number) - (edgeLength[e] as number);
        offer(t, snap + Math.max(0, along) + (targets.distance[t] as number));
      }
      for (let node = heap.pop(); node !== undefined; node = heap.pop()) {
        const d = heap.lastKey;
        if (d > (dist[node] as number)) continue;
        for (let k = atNode.offsets[node] as number; k < (atNode.offsets[node + 1] as number); k++)
          offer(atNode.target[k] as number, d + (atNode.cost[k] as number));
        for (let k = adjOffsets[node] as number; k < (adjOffsets[node + 1] as number); k++)
          reach(adjNode[k] as number, d + (adjCost[k] as number));
      }
      for (let h = 0; h < hitCount; h++) {
        const t = hit[h] as number;
        out.push(i, t, best[t] as number);
        best[t] = Number.POSITIVE_INFINITY;
      }
      hitCount = 0;
      for (let k = 0; k < touchedCount; k++) dist[touched[k] as number] = Number.POSITIVE_INFINITY;
      touchedCount = 0;
    }
    if (onProgress && ((i + 1) % every === 0 || i === total - 1)) onProgress(i + 1, total);
  }
  return out.finish();
}

/**
 * CSR from node to the snapped targets on its edges, with the cost from the node to the target
 * (along the edge, then the snap distance). A target on a loop edge appears twice at its node.
 */
function targetsByNode(
  network: StreetNetwork,
  targets: SnapReport,
): { offsets: Uint32Array; target: Uint32Array; cost: Float64Array } {
  const offsets = new Uint32Array(network.nodeCount + 1);
  const n = targets.edge.length;
  for (let t = 0; t < n; t++) {
    const e = targets.edge[t] as number;
    if (e < 0) continue;
    const a = (network.edgeFrom[e] as number) + 1;
    const b = (network.edgeTo[e] as number) + 1;
    offsets[a] = (offsets[a] as number) + 1;
    offsets[b] = (offsets[b] as number) + 1;
  }
  for (let k = 0; k < network.nodeCount; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const next = offsets.slice(0, network.nodeCount);
  const target = new Uint32Array(offsets[network.nodeCount] as number);
  const cost = new Float64Array(target.length);
  const place = (node: number, t: number, c: number): void => {
    const at = next[node] as number;
    target[at] = t;
    cost[at] = c;
    next[node] = at + 1;
  };
  for (let t = 0; t < n; t++) {
    const e = targets.edge[t] as number;
    if (e < 0) continue;
    const snap = targets.distance[t] as number;
    place(network.edgeFrom[e] as number, t, (targets.alongFrom[t] as number) + snap);
    place(network.edgeTo[e] as number, t, (targets.alongTo[t] as number) + snap);
  }
  return { offsets, target, cost };
}

function targetsByEdge(network: StreetNetwork, targets: SnapReport): { offsets: Uint32Array; target: Uint32Array } {
  const offsets = new Uint32Array(network.edgeCount + 1);
  const n = targets.edge.length;
  for (let t = 0; t < n; t++) {
    const e = targets.edge[t] as number;
    if (e >= 0) offsets[e + 1] = (offsets[e + 1] as number) + 1;
  }
  for (let k = 0; k < network.edgeCount; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const next = offsets.slice(0, network.edgeCount);
  const target = new Uint32Array(offsets[network.edgeCount] as number);
  for (let t = 0; t < n; t++) {
    const e = targets.edge[t] as number;
    if (e < 0) continue;
    target[next[e] as number] = t;
    next[e] = (next[e] as number) + 1;
  }
  return { offsets, target };
}

/** Growable parallel typed arrays, so hundreds of thousands of pairs stay off the JS heap. */
class PairBuffer {
  private source = new Uint32Array(1024);
  private target = new Uint32Array(1024);
  private cost = new Float64Array(1024);
  private length = 0;

  push(source: number, target: number, cost: number): void {
    if (this.length === this.source.length) {
      const size = this.length * 2;
      this.source = grow(this.source, new Uint32Array(size));
      this.target = grow(this.target, new Uint32Array(size));
      this.cost = grow(this.cost, new Float64Array(size));
    }
    this.source[this.length] = source;
    this.target[this.length] = target;
    this.cost[this.length] = cost;
    this.length++;
  }

  finish(): Pairs {
    return {
      source: this.source.slice(0, this.length),
      target: this.target.slice(0, this.length),
      cost: this.cost.slice(0, this.length),
    };
  }
}

function grow<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
