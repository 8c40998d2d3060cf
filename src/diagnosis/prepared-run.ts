import type { ImageInfo } from './report-schema.js';

/** Decisions a check makes before it starts a container: image, command, TTY and stop signal. */
export interface PreparedRun {
  checkId: string;
  image: ImageInfo;
  imageName: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  argv: string[];
  tty: boolean;
  stopSignal: string;
}
