/** One figure of the summary. */
export type Figure = number | string | boolean;

/**
 * A section's numbers. A nested group holds figures the product reports about itself (its own
 * counters or timings, not measured by the bench); such a group names them in its `source` field.
 */
export type Figures = Record<string, Figure | Readonly<Record<string, Figure>>>;

/** One benchmark: a name and a function that measures and returns its numbers; it throws when it cannot measure. */
export interface Benchmark {
  readonly name: string;
  run(): Promise<Figures>;
}

/** A section's entry in the summary: its figures, or why it measured nothing. */
export type SectionResult = Figures | { readonly error: string };

/** Runs the chosen sections one after another; a section that throws becomes `{ error }`. */
export async function runSections(
  benchmarks: readonly Benchmark[],
  only: string | undefined,
): Promise<{ sections: Record<string, SectionResult>; failed: string[] }> {
  const sections: Record<string, SectionResult> = {};
  const failed: string[] = [];
  const chosen = benchmarks.filter((benchmark) => only === undefined || benchmark.name === only);
  if (chosen.length === 0) {
    sections[only ?? 'bench'] = { error: `no section named ${String(only)}; the sections are ${benchmarks.map((benchmark) => benchmark.name).join(', ')}` };
    failed.push(only ?? 'bench');
  }
  for (const benchmark of chosen) {
    try {
      sections[benchmark.name] = await benchmark.run();
    } catch (error) {
      sections[benchmark.name] = { error: error instanceof Error ? error.message : String(error) };
      failed.push(benchmark.name);
    }
  }
  return { sections, failed };
}

/** Median of a sample. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Rounds for the summary. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
