import Docker from 'dockerode';
import { Pid1Error, quoteForMessage } from '../errors.js';

/** The dockerode client and where it connects, for messages. */
export interface Engine {
  docker: Docker;
  /** DOCKER_HOST, or the default Unix socket. */
  socket: string;
}

/** Connects as the docker CLI does: DOCKER_HOST when set, else /var/run/docker.sock. */
export function createEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const host = env['DOCKER_HOST'];
  if (host !== undefined && host !== '' && !/^(?:unix|tcp|http|https|ssh|npipe):\/\/./.test(host)) {
    throw new Pid1Error(
      'invalid-setting',
      `DOCKER_HOST=${quoteForMessage(host)} is invalid: use unix:///var/run/docker.sock, tcp://HOST:PORT or ssh://USER@HOST.`,
    );
  }
  const docker = new Docker();
  return { docker, socket: host !== undefined && host !== '' ? host : '/var/run/docker.sock' };
}
