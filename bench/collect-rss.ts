import fs from 'node:fs';

/** Peak resident set size per process label, in bytes. */
export type PeakRss = Record<string, number>;

/**
 * Samples the resident set size of each process from /proc every `intervalMs` until `stop()`,
 * and returns the largest sample per label. A short spike between samples can be missed, so
 * the figure is a lower bound of the true peak. Returns zeros where /proc is missing (not Linux).
 */
export function collectRss(processes: Record<string, number>, intervalMs = 200): { stop(): PeakRss } {
  const peaks: PeakRss = Object.fromEntries(Object.keys(processes).map((label) => [label, 0]));
  const sample = () => {
    for (const [label, pid] of Object.entries(processes)) peaks[label] = Math.max(peaks[label] ?? 0, readRss(pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

function readRss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
