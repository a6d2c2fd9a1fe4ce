import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's chromium package; never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A program the tests need from Debian's packages, and how to tell it is there. */
export interface SystemNeed {
  what: string;
  debianPackage: string;
  present: () => boolean;
}

export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

function hasCjkFont(): boolean {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}

export const SYSTEM_NEEDS: SystemNeed[] = [
  {
    what: 'Chromium (the sidebar and preview tests)',
    debianPackage: 'chromium',
    present: () => existsSync(CHROMIUM),
  },
  // Without one, sidebar screenshots show boxes and label widths are measured on a fallback font.
  { what: 'a Chinese font (sidebar screenshots)', debianPackage: 'fonts-wqy-zenhei', present: hasCjkFont },
  { what: 'LibreOffice (the .xlsx test)', debianPackage: 'libreoffice-calc-nogui', present: hasSoffice },
];

/** How packages get installed: apt-get as root, through `sudo -n` when that works without a password. */
export interface Installer {
  isRoot: () => boolean;
  canSudo: () => boolean;
  run: (command: string[]) => void;
}

const SYSTEM: Installer = {
  isRoot: () => process.getuid?.() === 0,
  canSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  run: ([program = '', ...args]) => {
    execFileSync(program, args, {
      stdio: 'ignore',
      timeout: 900_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  },
};

/**
 * Installs what is missing from Debian's packages, as CI machines allow (root). Returns what is still
 * missing afterwards, with the command that would install it, so the caller can say so; the tests that
 * need it then fail with their own message.
 */
export function installMissing(needs = SYSTEM_NEEDS, installer = SYSTEM): string[] {
  const missing = needs.filter((need) => !need.present());
  if (missing.length === 0) return [];
  const packages = missing.map((need) => need.debianPackage);
  const prefix = installer.isRoot() ? [] : installer.canSudo() ? ['sudo', '-n'] : null;
  if (prefix) {
    try {
      installer.run([...prefix, 'apt-get', 'update', '-qq']);
      installer.run([...prefix, 'apt-get', 'install', '-y', '-qq', ...packages]);
    } catch {
      // Said below, per package still missing.
    }
  }
  return missing
    .filter((need) => !need.present())
    .map((need) => `${need.what} is missing: apt-get install -y ${need.debianPackage}`);
}
