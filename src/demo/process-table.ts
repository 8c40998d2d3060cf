/** The header and rows of `ps` output, with the character offset where the command column starts. */
interface ProcessTable {
  columns: string[];
  commandOffset: number;
  rows: string[];
}

function parseProcessTable(output: string): ProcessTable | null {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const headerIndex = lines.findIndex((line) => /\bPID\b/.test(line));
  const header = lines[headerIndex];
  if (header === undefined) return null;
  const commandMatch = /\b(CMD|COMMAND)\b/.exec(header);
  if (commandMatch === null) return null;
  return {
    columns: header.trim().split(/\s+/),
    commandOffset: commandMatch.index,
    rows: lines.slice(headerIndex + 1),
  };
}

/** Returns the command line of PID 1 in `ps -ef` or BusyBox `ps -o` output, or null when absent. */
export function findPid1Command(output: string): string | null {
  const table = parseProcessTable(output);
  if (table === null) return null;
  const pidColumn = table.columns.indexOf('PID');
  const row = table.rows.find((line) => line.trim().split(/\s+/)[pidColumn] === '1');
  return row === undefined ? null : row.slice(table.commandOffset).trim();
}

/**
 * Returns the rows that show a zombie: `<defunct>` in procps `ps -ef`, or a STAT starting with
 * `Z` in BusyBox `ps -o pid,ppid,stat,args`.
 */
export function findZombieRows(output: string): string[] {
  const table = parseProcessTable(output);
  if (table === null) return [];
  const statColumn = table.columns.indexOf('STAT');
  return table.rows.filter((line) => {
    if (line.includes('<defunct>')) return true;
    return statColumn >= 0 && (line.trim().split(/\s+/)[statColumn] ?? '').startsWith('Z');
  });
}
