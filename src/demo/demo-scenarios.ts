import { Pid1Error, quoteForMessage } from '../errors.js';
import { closestNames } from './closest-names.js';

/** A demo that `pid1 demo` can run, with the line shown in the scenario list. */
export interface DemoScenario {
  id: string;
  title: string;
  description: string;
}

export const demoScenarios: readonly DemoScenario[] = [
  {
    id: 'bash',
    title: 'A shell as PID 1',
    description: 'docker run -it IMAGE bash, then ps -ef from inside: bash is PID 1',
  },
  {
    id: 'sleep',
    title: 'Another program as PID 1',
    description: 'docker run IMAGE sleep 300, then ps -ef from inside: sleep is PID 1',
  },
  {
    id: 'init',
    title: 'systemd as PID 1',
    description: 'why /sbin/init needs a full image and privileges, tried without privileges',
  },
  {
    id: 'zombies',
    title: 'Orphans with and without an init',
    description: 'an orphan exits under a PID 1 that never reaps, then under docker-init',
  },
  {
    id: 'signals',
    title: 'docker stop with and without an init',
    description: 'stop time and exit code of sleep as PID 1 (137) and under docker-init (143)',
  },
];

/**
 * Returns the scenario named `name`. Throws a Pid1Error `invalid-argument` naming the closest
 * scenarios and listing all of them when there is none.
 */
export function findDemoScenario(name: string): DemoScenario {
  const normalized = name.trim().toLowerCase();
  const scenario = demoScenarios.find((candidate) => candidate.id === normalized);
  if (scenario !== undefined) return scenario;

  const ids = demoScenarios.map((candidate) => candidate.id);
  const suggestions = closestNames(normalized, ids);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((id) => `'${id}'`).join(' or ')}?`
      : '';
  throw new Pid1Error(
    'invalid-argument',
    `Demo scenario ${quoteForMessage(name)} is not known.${hint} Scenarios: ${ids.join(', ')}.`,
  );
}
