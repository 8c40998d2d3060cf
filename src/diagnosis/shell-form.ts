/** The shell Docker's builder uses for shell-form instructions when the image sets no SHELL. */
export const defaultShell = ['/bin/sh', '-c'];

/**
 * Tells whether `command` (an ENTRYPOINT or CMD array) is what Docker's builder writes for a
 * shell-form instruction: the image's SHELL (or `/bin/sh -c`) followed by exactly one string.
 * An exec-form `["bash", "-c", "…"]` written by hand is not shell form.
 */
export function isShellForm(command: string[] | null, imageShell: string[] | null): boolean {
  if (command === null) return false;
  const shell = imageShell !== null && imageShell.length > 0 ? imageShell : defaultShell;
  if (command.length !== shell.length + 1) return false;
  return shell.every((word, index) => command[index] === word);
}

/** Returns the script of a shell-form command, or null when it is not in shell form. */
export function shellFormScript(
  command: string[] | null,
  imageShell: string[] | null,
): string | null {
  if (command === null || !isShellForm(command, imageShell)) return null;
  return command[command.length - 1] ?? null;
}
