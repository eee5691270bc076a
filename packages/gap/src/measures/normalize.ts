/**
 * Population-weighted normalisation, as pysal's `normalize=True` (`helpers.normalized_access`):
 *
 *   M = Σ_i p_i · A_i / Σ_i p_i        A'_i = A_i / M
 *
 * The numerator skips unreachable (NaN) points, the denominator counts everyone, exactly like
 * pysal — so M is the city-wide average with "unreachable" counting as 0, and unreachable points
 * stay NaN. After it the population-weighted mean of the reachable values is (Σp over all)/(Σp over
 * reachable) — 1 when everyone reaches something. For binary 2SFCA M = Σ_j S_j / Σ_i p_i (the
 * reachable supply per person of the whole area), so A' = 1 means "as well supplied as the city
 * on average", 2 twice as well. When M is 0 or not finite the values are returned unchanged.
 */
export function normalizeByPopulation(
  values: Float64Array,
  demand: Float64Array,
): { values: Float64Array; mean: number } {
  if (values.length !== demand.length)
    throw new RangeError(`${values.length} values for ${demand.length} demand weights`);
  let weighted = 0;
  let people = 0;
  for (let i = 0; i < values.length; i++) {
    const p = demand[i] as number;
    const a = values[i] as number;
    people += p;
    if (!Number.isNaN(a) && p !== 0) weighted += p * a;
  }
  const mean = people > 0 ? weighted / people : Number.NaN;
  if (!(Number.isFinite(mean) && mean !== 0)) return { values: values.slice(), mean };
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) / mean;
  return { values: out, mean };
}
