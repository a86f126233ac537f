import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, isIpcChannel } from '../../../shared/ipc/channels';
import { IPC_CONTRACT, MAX_READ_CHUNK_BYTES } from '../../../shared/ipc/contract';
import { MENU_ACCELERATORS, MENU_COMMANDS, MenuAction } from '../../../shared/ipc/menu';

describe('IPC contract', () => {
  it('declares exactly the channels listed for the preload, named domain:verbObject', () => {
    expect(Object.keys(IPC_CONTRACT).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+[A-Z][A-Za-z]*$/);
  });

  it('recognises only contract channels', () => {
    expect(isIpcChannel('file:openFiles')).toBe(true);
    expect(isIpcChannel('file:deleteEverything')).toBe(false);
    expect(isIpcChannel(42)).toBe(false);
  });

  it('rejects malformed inputs', () => {
    const open = IPC_CONTRACT['file:openFiles'].input;
    expect(open.safeParse({ accept: ['.log', '.rootline.json'], multiple: true }).success).toBe(true);
    expect(open.safeParse({ accept: ['log'], multiple: true }).success).toBe(false);
    expect(open.safeParse({ accept: ['.log'], multiple: true, path: '/etc' }).success).toBe(false);

    const pdf = IPC_CONTRACT['export:printToPdf'].input;
    expect(pdf.safeParse({ html: '<p>x</p>', pageSize: 'A4' }).success).toBe(true);
    expect(pdf.safeParse({ html: '<p>x</p>', pageSize: 'A3' }).success).toBe(false);
    expect(pdf.safeParse({ html: '', pageSize: 'Letter' }).success).toBe(false);

    const save = IPC_CONTRACT['file:saveFile'].input;
    expect(save.safeParse({ suggestedName: 'a.md', data: 'x', mime: 'text/markdown' }).success).toBe(true);
    expect(
      save.safeParse({ suggestedName: 'a.pdf', data: new Uint8Array(3), mime: 'application/pdf' }).success,
    ).toBe(true);
    expect(save.safeParse({ suggestedName: '../../a.md', data: 'x', mime: 'text/markdown' }).success).toBe(
      false,
    );
    // Issue 11, item 10: DEL, C1 controls and bidi overrides (`evil\u202Edm.exe` shows as `evilexe.md`).
    for (const name of ['a\u007f.md', 'a\u009b.md', 'evil\u202Edm.exe', 'a\u2066.md', 'a\u200f.md']) {
      expect(save.safeParse({ suggestedName: name, data: 'x', mime: 'text/markdown' }).success, name).toBe(
        false,
      );
    }
    expect(
      save.safeParse({ suggestedName: 'Überblick — 事故.md', data: 'x', mime: 'text/markdown' }).success,
    ).toBe(true);
    expect(save.safeParse({ suggestedName: 'a\u0007.md', data: 'x', mime: 'text/markdown' }).success).toBe(
      false,
    );
    expect(save.safeParse({ suggestedName: 'a.md', data: [1, 2], mime: 'text/markdown' }).success).toBe(
      false,
    );

    const chunk = IPC_CONTRACT['file:readChunk'].input;
    expect(chunk.safeParse({ token: 't', offset: 0, length: MAX_READ_CHUNK_BYTES }).success).toBe(true);
    expect(chunk.safeParse({ token: 't', offset: 0, length: MAX_READ_CHUNK_BYTES + 1 }).success).toBe(false);
    expect(chunk.safeParse({ token: 't', offset: -1, length: 10 }).success).toBe(false);
  });
});

describe('menu actions', () => {
  it('gives every command an accelerator entry and keeps editor shortcuts free', () => {
    expect(Object.keys(MENU_ACCELERATORS).sort()).toEqual([...MENU_COMMANDS].sort());
    const bound = Object.values(MENU_ACCELERATORS).filter((a): a is string => a !== null);
    expect(bound).not.toContain('CmdOrCtrl+I');
    expect(bound).not.toContain('CmdOrCtrl+E');
    expect(new Set(bound).size).toBe(bound.length);
  });

  it('parses bundle actions and rejects unknown ones', () => {
    expect(MenuAction.safeParse({ type: 'bundle-opened', name: 'a.rootline.json', text: '{}' }).success).toBe(
      true,
    );
    expect(MenuAction.safeParse({ type: 'bundle-opened', name: '', text: '{}' }).success).toBe(false);
    expect(MenuAction.safeParse({ type: 'format-disk' }).success).toBe(false);
  });
});
