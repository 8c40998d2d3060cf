import type Docker from 'dockerode';

/** The parts of an image's config a check reads, with string-or-array fields made arrays. */
export interface ImageConfig {
  entrypoint: string[] | null;
  cmd: string[] | null;
  stopSignal: string | null;
  user: string;
  shell: string[] | null;
}

function asArgv(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value !== '') return [value];
  return null;
}

/** Reads the config of an inspected image; old engines may send a string for an array field. */
export function imageConfigOf(inspect: Docker.ImageInspectInfo): ImageConfig {
  const config = (inspect.Config ?? {}) as unknown as Record<string, unknown>;
  const stopSignal = config['StopSignal'];
  const user = config['User'];
  return {
    entrypoint: asArgv(config['Entrypoint']),
    cmd: asArgv(config['Cmd']),
    stopSignal: typeof stopSignal === 'string' && stopSignal !== '' ? stopSignal : null,
    user: typeof user === 'string' ? user : '',
    shell: asArgv(config['Shell']),
  };
}
