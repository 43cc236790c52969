// Typed access to the csirt-app commands. `Commands` (generated from the Rust types) fixes each
// command's input and output, so a renamed field fails `tsc`, not the user.

import { invoke } from '@tauri-apps/api/core';
import type { Commands, ErrorPayload, ErrorKind } from './bindings';

/** A command failure, carrying the `{kind, message, problems}` the shell sends. */
export class CommandError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.payload = payload;
  }
  get kind(): ErrorKind {
    return this.payload.kind;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

export function toCommandError(e: unknown): CommandError {
  if (e instanceof CommandError) return e;
  if (isPayload(e)) return new CommandError({ ...e, problems: e.problems ?? [] });
  return new CommandError({ kind: 'internal', message: String(e), problems: [] });
}

type Args<K extends keyof Commands> = Commands[K]['input'] extends null ? [] : [Commands[K]['input']];

export async function call<K extends keyof Commands>(
  cmd: K,
  ...args: Args<K>
): Promise<Commands[K]['output']> {
  try {
    return await invoke<Commands[K]['output']>(cmd, args.length ? { input: args[0] } : {});
  } catch (e) {
    throw toCommandError(e);
  }
}
