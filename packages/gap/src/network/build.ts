import Flatbush from 'flatbush';
import { type Crs, distanceFn, type PlaneScale, planeScale } from './geometry.ts';

/** A position as in GeoJSON: [x, y] (lon/lat for WGS84); further values are ignored. */
export type Position = readonly number[];

/**
 * The part of a GeoJSON FeatureCollection the builder reads. LineString and MultiLineString
 * geometries become streets; every other geometry is counted in `skipped`.
 */
export interface LineFeatureCollection {
  type: 'FeatureCollection';
  features: ReadonlyArray<{ geometry: { type: string; coordinates?: unknown } | null }>;
}

/** Streets as GeoJSON lines or as plain arrays of positions (one array per line). */
export type NetworkInput = LineFeatureCollection | ReadonlyArray<ReadonlyArray<Position>>;

export interface BuildNetworkOptions {
  /** `wgs84` (default): lon/lat, great-circle metres; `planar`: x/y in metres. */
  crs?: Crs;
  /**
   * Positions that round to the same multiple of this are one junction. Default 1e-7 (about 1 cm)
   * for WGS84 and 0.001 (1 mm) for planar: exports often write the same corner with slightly
   * different last digits in the lines that meet there.
   */
  precision?: number;
}

/** The straight pieces of the streets, indexed for snapping. Segments of one edge are consecutive. */
export interface NetworkSegments {
  count: number;
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  /** The edge each segment belongs to. */
  edge: Uint32Array;
  /** Length along the edge from its `from` node to the segment's start, in metres. */
  along: Float64Array;
  length: Float64Array;
  /** Flatbush over the segments' boxes in the metric plane of `scale`; null for an empty network. */
  index: Flatbush | null;
  scale: PlaneScale;
}

/** Connected parts of the network, largest (by nodes) first: component 0 is the main network. */
export interface NetworkComponents {
  count: number;
  /** Nodes in each component. */
  sizes: number[];
  /** Street length in each component, in metres. */
  lengths: number[];
  /** The component of each node. */
  ofNode: Uint32Array;
}

/**
 * An undirected street graph. Nodes are line ends and positions shared by several lines (or met
 * twice by one line); an edge is the polyline between two nodes. Lines that cross without a shared
 * position do not meet (bridges, tunnels).
 */
export interface StreetNetwork {
  crs: Crs;
  nodeCount: number;
  nodeX: Float64Array;
  nodeY: Float64Array;
  edgeCount: number;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** Metres: the great-circle (or planar) length of the edge's polyline. */
  edgeLength: Float64Array;
  /**
   * CSR adjacency: the neighbours of node n are at positions adjOffsets[n] … adjOffsets[n+1]-1 of
   * adjNode, with the edge length in adjCost. Each edge appears at both of its nodes.
   */
  adjOffsets: Uint32Array;
  adjNode: Uint32Array;
  adjCost: Float64Array;
  segments: NetworkSegments;
  components: NetworkComponents;
  /** Input lines not used: not a line, fewer than two distinct positions, or a non-finite coordinate. */
  skipped: number;
}

/** Builds the street graph, its segment index and its connected components. */
export function buildNetwork(input: NetworkInput, options: BuildNetworkOptions = {}): StreetNetwork {
  const crs = options.crs ?? 'wgs84';
  const precision = options.precision ?? (crs === 'wgs84' ? 1e-7 : 1e-3);
  const vertices = collectVertices(input, precision);
  const { lines, vx, vy } = vertices;
  const vertexCount = vx.length;

  // A vertex is a node where a line ends or where lines (or one line twice) pass through it.
  const uses = new Uint8Array(vertexCount);
  const nodeOf = new Int32Array(vertexCount).fill(-1);
  let segmentCount = 0;
  for (const ids of lines) {
    segmentCount += ids.length - 1;
    for (const v of ids) uses[v] = Math.min(2, (uses[v] as number) + 1);
    uses[ids[0] as number] = 2;
    uses[ids[ids.length - 1] as number] = 2;
  }
  let nodeCount = 0;
  for (let v = 0; v < vertexCount; v++) if (uses[v] === 2) nodeOf[v] = nodeCount++;
  const nodeX = new Float64Array(nodeCount);
  const nodeY = new Float64Array(nodeCount);
  for (let v = 0; v < vertexCount; v++) {
    const n = nodeOf[v] as number;
    if (n >= 0) {
      nodeX[n] = vx[v] as number;
      nodeY[n] = vy[v] as number;
    }
  }

  const distance = distanceFn(crs);
  const seg = {
    x0: new Float64Array(segmentCount),
    y0: new Float64Array(segmentCount),
    x1: new Float64Array(segmentCount),
    y1: new Float64Array(segmentCount),
    edge: new Uint32Array(segmentCount),
    along: new Float64Array(segmentCount),
    length: new Float64Array(segmentCount),
  };
  const edgeFrom = new Uint32Array(segmentCount);
  const edgeTo = new Uint32Array(segmentCount);
  const edgeLength = new Float64Array(segmentCount);
  let edgeCount = 0;
  let s = 0;
  for (const ids of lines) {
    let edge = edgeCount++;
    edgeFrom[edge] = nodeOf[ids[0] as number] as number;
    let acc = 0;
    for (let k = 1; k < ids.length; k++) {
      const a = ids[k - 1] as number;
      const b = ids[k] as number;
      const ax = vx[a] as number;
      const ay = vy[a] as number;
      const bx = vx[b] as number;
      const by = vy[b] as number;
      const length = distance(ax, ay, bx, by);
      seg.x0[s] = ax;
      seg.y0[s] = ay;
      seg.x1[s] = bx;
      seg.y1[s] = by;
      seg.edge[s] = edge;
      seg.along[s] = acc;
      seg.length[s] = length;
      s++;
      acc += length;
      const nb = nodeOf[b] as number;
      if (nb >= 0) {
        edgeTo[edge] = nb;
        edgeLength[edge] = acc;
        if (k < ids.length - 1) {
          edge = edgeCount++;
          edgeFrom[edge] = nb;
          acc = 0;
        }
      }
    }
  }

  const adjacency = buildAdjacency(nodeCount, edgeCount, edgeFrom, edgeTo, edgeLength);
  const scale = planeScale(crs, vertices.meanY);
  return {
    crs,
    nodeCount,
    nodeX,
    nodeY,
    edgeCount,
    edgeFrom: edgeFrom.slice(0, edgeCount),
    edgeTo: edgeTo.slice(0, edgeCount),
    edgeLength: edgeLength.slice(0, edgeCount),
    ...adjacency,
    segments: { count: segmentCount, ...seg, index: indexSegments(seg, segmentCount, scale), scale },
    components: findComponents(nodeCount, adjacency.adjOffsets, adjacency.adjNode, edgeCount, edgeFrom, edgeLength),
    skipped: vertices.skipped,
  };
}

interface Vertices {
  /** Each usable line as vertex ids, consecutive repeats removed. */
  lines: number[][];
  vx: number[];
  vy: number[];
  meanY: number;
  skipped: number;
}

function collectVertices(input: NetworkInput, precision: number): Vertices {
  const vertexOf = new Map<string, number>();
  const out: Vertices = { lines: [], vx: [], vy: [], meanY: 0, skipped: 0 };
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const addLine = (coords: unknown): void => {
    if (!Array.isArray(coords)) {
      out.skipped++;
      return;
    }
    const ids: number[] = [];
    for (const p of coords as unknown[]) {
      const x = Array.isArray(p) ? p[0] : undefined;
      const y = Array.isArray(p) ? p[1] : undefined;
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        out.skipped++;
        return;
      }
      const key = `${Math.round(x / precision)} ${Math.round(y / precision)}`;
      let v = vertexOf.get(key);
      if (v === undefined) {
        v = out.vx.length;
        vertexOf.set(key, v);
        out.vx.push(x);
        out.vy.push(y);
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      if (ids[ids.length - 1] !== v) ids.push(v);
    }
    if (ids.length < 2) out.skipped++;
    else out.lines.push(ids);
  };
  if (Array.isArray(input)) for (const line of input as ReadonlyArray<ReadonlyArray<Position>>) addLine(line);
  else {
    for (const feature of (input as LineFeatureCollection).features) {
      const geometry = feature.geometry;
      if (geometry?.type === 'LineString') addLine(geometry.coordinates);
      else if (geometry?.type === 'MultiLineString' && Array.isArray(geometry.coordinates))
        for (const part of geometry.coordinates as unknown[]) addLine(part);
      else out.skipped++;
    }
  }
  out.meanY = out.vy.length > 0 ? (minY + maxY) / 2 : 0;
  return out;
}

function buildAdjacency(
  nodeCount: number,
  edgeCount: number,
  edgeFrom: Uint32Array,
  edgeTo: Uint32Array,
  edgeLength: Float64Array,
): Pick<StreetNetwork, 'adjOffsets' | 'adjNode' | 'adjCost'> {
  const adjOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const a = (edgeFrom[e] as number) + 1;
    const b = (edgeTo[e] as number) + 1;
    adjOffsets[a] = (adjOffsets[a] as number) + 1;
    adjOffsets[b] = (adjOffsets[b] as number) + 1;
  }
  for (let n = 0; n < nodeCount; n++) adjOffsets[n + 1] = (adjOffsets[n + 1] as number) + (adjOffsets[n] as number);
  const next = adjOffsets.slice(0, nodeCount);
  const adjNode = new Uint32Array(2 * edgeCount);
  const adjCost = new Float64Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e] as number;
    const b = edgeTo[e] as number;
    const length = edgeLength[e] as number;
    let at = next[a] as number;
    adjNode[at] = b;
    adjCost[at] = length;
    next[a] = at + 1;
    at = next[b] as number;
    adjNode[at] = a;
    adjCost[at] = length;
    next[b] = at + 1;
  }
  return { adjOffsets, adjNode, adjCost };
}

function indexSegments(
  seg: { x0: Float64Array; y0: Float64Array; x1: Float64Array; y1: Float64Array },
  count: number,
  { kx, ky }: PlaneScale,
): Flatbush | null {
  if (count === 0) return null;
  const index = new Flatbush(count);
  for (let s = 0; s < count; s++) {
    const ax = (seg.x0[s] as number) * kx;
    const ay = (seg.y0[s] as number) * ky;
    const bx = (seg.x1[s] as number) * kx;
    const by = (seg.y1[s] as number) * ky;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();
  return index;
}

function findComponents(
  nodeCount: number,
  adjOffsets: Uint32Array,
  adjNode: Uint32Array,
  edgeCount: number,
  edgeFrom: Uint32Array,
  edgeLength: Float64Array,
): NetworkComponents {
  const raw = new Int32Array(nodeCount).fill(-1);
  const queue = new Uint32Array(nodeCount);
  const rawSizes: number[] = [];
  for (let start = 0; start < nodeCount; start++) {
    if (raw[start] !== -1) continue;
    const c = rawSizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    raw[start] = c;
    while (head < tail) {
      const n = queue[head++] as number;
      for (let k = adjOffsets[n] as number; k < (adjOffsets[n + 1] as number); k++) {
        const m = adjNode[k] as number;
        if (raw[m] === -1) {
          raw[m] = c;
          queue[tail++] = m;
        }
      }
    }
    rawSizes.push(tail);
  }
  // Relabel so that component 0 is the largest: "off the main network" is then simply id ≠ 0.
  const order = rawSizes.map((_, c) => c).sort((a, b) => (rawSizes[b] as number) - (rawSizes[a] as number) || a - b);
  const label = new Uint32Array(rawSizes.length);
  order.forEach((c, rank) => {
    label[c] = rank;
  });
  const ofNode = new Uint32Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) ofNode[n] = label[raw[n] as number] as number;
  const lengths = new Array<number>(rawSizes.length).fill(0);
  for (let e = 0; e < edgeCount; e++) {
    const c = ofNode[edgeFrom[e] as number] as number;
    lengths[c] = (lengths[c] as number) + (edgeLength[e] as number);
  }
  return { count: rawSizes.length, sizes: order.map((c) => rawSizes[c] as number), lengths, ofNode };
}
