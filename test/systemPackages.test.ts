import { describe, expect, it } from 'vitest';
import { type Installer, installMissing, SYSTEM_NEEDS, type SystemNeed } from './systemPackages';

/** A machine where apt-get installs a package by marking it present. */
function machine(options: { root: boolean; sudo: boolean; installed: string[] }) {
  const installed = new Set(options.installed);
  const commands: string[] = [];
  const installer: Installer = {
    isRoot: () => options.root,
    canSudo: () => options.sudo,
    run: (command) => {
      commands.push(command.join(' '));
      const at = command.indexOf('install');
      if (at >= 0)
        for (const name of command.slice(at + 1).filter((a) => !a.startsWith('-'))) installed.add(name);
    },
  };
  const needs: SystemNeed[] = SYSTEM_NEEDS.map((need) => ({
    ...need,
    present: () => installed.has(need.debianPackage),
  }));
  return { installer, needs, commands };
}

describe('the test setup installs what a fresh machine lacks', () => {
  it('as root: Chromium, a Chinese font and LibreOffice in one apt-get install', () => {
    const { installer, needs, commands } = machine({ root: true, sudo: false, installed: [] });
    expect(installMissing(needs, installer)).toEqual([]);
    expect(commands).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq chromium fonts-wqy-zenhei libreoffice-calc-nogui',
    ]);
  });

  it('installs only what is missing, and nothing when all is there', () => {
    const some = machine({
      root: true,
      sudo: false,
      installed: ['fonts-wqy-zenhei', 'libreoffice-calc-nogui'],
    });
    installMissing(some.needs, some.installer);
    expect(some.commands.at(-1)).toBe('apt-get install -y -qq chromium');
    const all = machine({ root: true, sudo: false, installed: SYSTEM_NEEDS.map((n) => n.debianPackage) });
    expect(installMissing(all.needs, all.installer)).toEqual([]);
    expect(all.commands).toEqual([]);
  });

  it('through sudo -n when not root', () => {
    const { installer, needs, commands } = machine({ root: false, sudo: true, installed: ['chromium'] });
    installMissing(needs, installer);
    expect(commands[1]).toBe('sudo -n apt-get install -y -qq fonts-wqy-zenhei libreoffice-calc-nogui');
  });

  it('says what is missing and how to install it when it may not', () => {
    const { installer, needs, commands } = machine({ root: false, sudo: false, installed: ['chromium'] });
    expect(installMissing(needs, installer)).toEqual([
      'a Chinese font (sidebar screenshots) is missing: apt-get install -y fonts-wqy-zenhei',
      'LibreOffice (the .xlsx test) is missing: apt-get install -y libreoffice-calc-nogui',
    ]);
    expect(commands).toEqual([]);
  });
});
