import type { DemoResult } from '../demo/demo-result.js';
import type { DemoScenario } from '../demo/demo-scenarios.js';

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Renders a demo result for a terminal: each command after `$`, its output indented, then the summary. */
export function renderDemoText(result: DemoResult): string {
  const parts = [`${result.scenario}: ${result.title}`, ''];
  for (const step of result.steps) {
    parts.push(`$ ${step.command}`);
    if (step.output !== '') parts.push(indent(step.output));
    parts.push('');
  }
  parts.push(result.summary);
  return `${parts.join('\n')}\n`;
}

/** Renders the scenario list, one line each, and how to run one. */
export function renderDemoListText(scenarios: readonly DemoScenario[]): string {
  const width = Math.max(...scenarios.map((scenario) => scenario.id.length));
  const lines = scenarios.map(
    (scenario) => `  ${scenario.id.padEnd(width)}  ${scenario.description}`,
  );
  return `Demo scenarios:\n${lines.join('\n')}\nRun "pid1 demo SCENARIO" to run one in short-lived containers.\n`;
}
