import { findingCatalogue } from '../diagnosis/findings/finding-catalogue.js';
import type { Report } from '../diagnosis/report-schema.js';

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Renders a report as SARIF 2.1.0, one result per finding, for code-scanning dashboards. */
export function renderReportSarif(report: Report): string {
  const rules = Object.entries(findingCatalogue).map(([id, entry]) => ({
    id,
    name: id,
    shortDescription: { text: entry.title },
    defaultConfiguration: { level: sarifLevel[entry.severity] },
  }));
  const results = report.findings.map((finding) => ({
    ruleId: finding.id,
    level: sarifLevel[finding.severity],
    message: { text: `${finding.title}. ${finding.evidence}\nFix:\n${finding.fix}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' } } }],
    properties: { image: report.image.reference, imageId: report.image.id, topic: finding.topic },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pid1', rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/**
 * Renders a check that could not run as SARIF 2.1.0: no results, and an invocation marked
 * unsuccessful with the error, so a CI upload step still gets a valid file.
 */
export function renderErrorSarif(code: string, message: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pid1', rules: [] } },
        invocations: [
          {
            executionSuccessful: false,
            toolExecutionNotifications: [
              { level: 'error', descriptor: { id: code }, message: { text: message } },
            ],
          },
        ],
        results: [],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
