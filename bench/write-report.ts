import fs from 'node:fs';
import path from 'node:path';
import { reportMarkdown } from './report-markdown.ts';
import { reportSvg } from './report-svg.ts';
import type { BenchReport } from './run-benchmark.ts';

/** The files one run wrote. */
export interface WrittenReport {
  json: string;
  markdown: string;
  svg: string;
}

/**
 * Writes a run as JSON, Markdown and SVG named after its start time, and copies them to
 * `latest.json`, `latest.md` and `latest.svg`, which the README links to.
 */
export function writeReport(report: BenchReport, outputDir: string): WrittenReport {
  fs.mkdirSync(outputDir, { recursive: true });
  const stem = report.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
  const svg = reportSvg(report.results);
  const files: Record<string, string> = {
    [`${stem}.json`]: `${JSON.stringify(report, null, 2)}\n`,
    [`${stem}.svg`]: svg,
    [`${stem}.md`]: reportMarkdown(report, `${stem}.svg`),
    'latest.json': `${JSON.stringify(report, null, 2)}\n`,
    'latest.svg': svg,
    'latest.md': reportMarkdown(report, 'latest.svg'),
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(outputDir, name), content);
  return { json: path.join(outputDir, 'latest.json'), markdown: path.join(outputDir, 'latest.md'), svg: path.join(outputDir, 'latest.svg') };
}
