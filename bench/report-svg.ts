import type { ScenarioResult } from './run-scenario.ts';

const BAR_HEIGHT = 14;
const ROW_GAP = 6;
const LABEL_WIDTH = 300;
const CHART_WIDTH = 260;
const PANEL_GAP = 40;

/**
 * Draws throughput (requests per second) and p95 latency of every variant as horizontal bars,
 * one group per scenario, in a self-contained SVG. Failed variants are drawn as a labelled gap.
 */
export function reportSvg(results: readonly ScenarioResult[]): string {
  const scenarios = [...new Set(results.map((result) => result.scenario))];
  const maxRps = Math.max(1, ...results.map((result) => result.requestsPerSecond));
  const maxP95 = Math.max(1, ...results.map((result) => result.latencyMs.p95));
  const width = LABEL_WIDTH + 2 * CHART_WIDTH + PANEL_GAP + 120;
  const parts: string[] = [];
  let y = 40;

  parts.push(text(LABEL_WIDTH, 20, 'Throughput (req/s), longer is better', 'bold'));
  parts.push(text(LABEL_WIDTH + CHART_WIDTH + PANEL_GAP, 20, 'p95 latency (ms), shorter is better', 'bold'));
  for (const scenario of scenarios) {
    parts.push(text(4, y + 10, scenario, 'bold'));
    y += 18;
    for (const result of results.filter((item) => item.scenario === scenario)) {
      parts.push(text(12, y + BAR_HEIGHT - 3, result.variant));
      if (result.failure !== null) {
        parts.push(text(LABEL_WIDTH, y + BAR_HEIGHT - 3, 'failed'));
      } else {
        const rpsWidth = (result.requestsPerSecond / maxRps) * CHART_WIDTH;
        const p95Width = (result.latencyMs.p95 / maxP95) * CHART_WIDTH;
        parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${rpsWidth.toFixed(1)}" height="${BAR_HEIGHT}" fill="#2b6cb0"/>`);
        parts.push(text(LABEL_WIDTH + rpsWidth + 4, y + BAR_HEIGHT - 3, result.requestsPerSecond.toFixed(0)));
        const x = LABEL_WIDTH + CHART_WIDTH + PANEL_GAP;
        parts.push(`<rect x="${x}" y="${y}" width="${p95Width.toFixed(1)}" height="${BAR_HEIGHT}" fill="#c05621"/>`);
        parts.push(text(x + p95Width + 4, y + BAR_HEIGHT - 3, result.latencyMs.p95.toFixed(1)));
      }
      y += BAR_HEIGHT + ROW_GAP;
    }
    y += 10;
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 10}" viewBox="0 0 ${width} ${y + 10}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function text(x: number, y: number, content: string, weight: 'bold' | 'normal' = 'normal'): string {
  const escaped = content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<text x="${x.toFixed(1)}" y="${y}" font-weight="${weight}">${escaped}</text>`;
}
