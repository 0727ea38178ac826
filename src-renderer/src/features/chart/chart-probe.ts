/**
 * What a chart tells tests and benchmarks about itself (its state, bars, lines, load and draw
 * times) as data attributes of its container. Nothing is written unless a test or a benchmark
 * installed the probe (`window.terminalProbes = true` before the page loads); the chart never
 * reads these back: its own state lives in its fields.
 */
export interface ChartProbe {
  /** Records one fact; undefined removes it. */
  set(key: string, value: string | undefined): void;
}

const silentProbe: ChartProbe = { set: () => undefined };

/** True when a test or benchmark asked for probes. */
function probesInstalled(): boolean {
  return (globalThis as { terminalProbes?: unknown }).terminalProbes === true;
}

/** The probe of one chart container: data attributes when installed, nothing otherwise. */
export function chartProbe(container: HTMLElement): ChartProbe {
  if (!probesInstalled()) return silentProbe;
  return {
    set: (key, value) => {
      if (value === undefined) delete container.dataset[key];
      else if (container.dataset[key] !== value) container.dataset[key] = value;
    },
  };
}
