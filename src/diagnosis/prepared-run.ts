import type { ImageInfo } from './report-schema.js';

/** What a check decided before starting anything: the image, the command, TTY and stop signal. */
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
