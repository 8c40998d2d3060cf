import { describe, expect, test } from 'vitest';
import { isShellForm, shellFormScript } from '../../../src/diagnosis/shell-form.js';

const bashPipefail = ['/bin/bash', '-o', 'pipefail', '-c'];

describe('isShellForm', () => {
  test('default shell with one script', () => {
    expect(isShellForm(['/bin/sh', '-c', 'python3 app.py'], null)).toBe(true);
  });

  test('empty SHELL means the default', () => {
    expect(isShellForm(['/bin/sh', '-c', 'python3 app.py'], [])).toBe(true);
  });

  test('custom SHELL with one script', () => {
    expect(isShellForm(['/bin/bash', '-o', 'pipefail', '-c', 'node server.js'], bashPipefail)).toBe(
      true,
    );
  });

  test('default shell under custom SHELL', () => {
    expect(isShellForm(['/bin/sh', '-c', 'node server.js'], bashPipefail)).toBe(false);
  });

  test('hand-written bash -c is exec form', () => {
    expect(isShellForm(['bash', '-c', 'x'], null)).toBe(false);
  });

  test('shell without script', () => {
    expect(isShellForm(['/bin/sh', '-c'], null)).toBe(false);
  });

  test('shell with two words after', () => {
    expect(isShellForm(['/bin/sh', '-c', 'echo $0', 'name'], null)).toBe(false);
  });

  test('plain exec form', () => {
    expect(isShellForm(['python3', 'app.py'], null)).toBe(false);
  });

  test('null command', () => {
    expect(isShellForm(null, null)).toBe(false);
  });
});

describe('shellFormScript', () => {
  test('default shell returns script', () => {
    expect(shellFormScript(['/bin/sh', '-c', 'python3 app.py'], null)).toBe('python3 app.py');
  });

  test('custom SHELL returns script', () => {
    expect(shellFormScript([...bashPipefail, 'node server.js'], bashPipefail)).toBe(
      'node server.js',
    );
  });

  test('empty script returned as empty', () => {
    expect(shellFormScript(['/bin/sh', '-c', ''], null)).toBe('');
  });

  test('exec form returns null', () => {
    expect(shellFormScript(['bash', '-c', 'x'], null)).toBeNull();
  });

  test('null command returns null', () => {
    expect(shellFormScript(null, bashPipefail)).toBeNull();
  });
});
