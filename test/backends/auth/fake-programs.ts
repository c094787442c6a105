/**
 * Writes small executable shell scripts to a temp directory, standing in for `az` and users' token
 * commands. POSIX only (the scripts are /bin/sh).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class FakePrograms {
  readonly dir = mkdtempSync(join(tmpdir(), 'omnichannel-auth-'));

  /** Writes `name` with this shell body and returns its path. */
  write(name: string, body: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
