import type { ProcessEntry } from '../../diagnosis/report-schema.js';

/**
 * Lays the processes out as a tree, one line each: PID, state and command line, children
 * indented under their parent. Processes whose parent is not in the list (PID 1, whose parent is
 * 0 outside the namespace) are roots.
 */
export function processTreeLines(processes: ProcessEntry[]): string[] {
  const pids = new Set(processes.map((entry) => entry.pid));
  const children = new Map<number, ProcessEntry[]>();
  const roots: ProcessEntry[] = [];
  for (const entry of [...processes].sort((a, b) => a.pid - b.pid)) {
    if (entry.pid !== entry.ppid && pids.has(entry.ppid)) {
      const siblings = children.get(entry.ppid) ?? [];
      siblings.push(entry);
      children.set(entry.ppid, siblings);
    } else {
      roots.push(entry);
    }
  }

  const lines: string[] = [];
  const visited = new Set<number>();
  const visit = (entry: ProcessEntry, depth: number): void => {
    // A pid reused while the probe read /proc can form a cycle with no root: print each pid once.
    if (visited.has(entry.pid)) return;
    visited.add(entry.pid);
    const indent = depth === 0 ? '' : `${'   '.repeat(depth - 1)}└─ `;
    const command = entry.command !== '' ? entry.command : `[${entry.executable}]`;
    lines.push(`${indent}${entry.pid} ${entry.state} ${command}`);
    for (const child of children.get(entry.pid) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  for (const entry of processes) visit(entry, 0);
  return lines;
}
