import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { fail, type Result } from '../../src-shared/result';
import type { TerminalApi } from '../../src-shared/terminal-api';

/** Where the CLI writes; the entry passes the process streams, tests pass buffers. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A command's outcome: its JSON value and its human-readable text. */
export interface CommandOutput {
  readonly json: unknown;
  readonly text: string;
}

/** What a command body receives. */
export interface CommandContext {
  readonly api: TerminalApi;
  /** The `--account` flag, when given. */
  readonly accountId: number | undefined;
}

/** Wraps a command body into a commander action (connects, runs, prints, sets the exit code). */
export type CommandRunner = (body: (context: CommandContext, ...args: unknown[]) => Promise<Result<CommandOutput>>) => (...args: unknown[]) => Promise<void>;

/** Registers a group of commands on the program. */
export type CommandGroup = (program: Command, run: CommandRunner) => void;

/** Parses a positive whole number flag. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return number;
}

/** Parses a positive decimal price flag. */
export function positivePrice(value: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('must be a positive price');
  return number;
}

/** Builds a successful output. */
export function output(json: unknown, text: string): Result<CommandOutput> {
  return { ok: true, value: { json, text } };
}

/** Reads a JSON object from a file; the error names the file. */
export async function readJsonObject(path: string): Promise<Result<Record<string, unknown>>> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('invalid-request', `${path} does not hold a JSON object`, 'file');
    return { ok: true, value: parsed as Record<string, unknown> };
  } catch (error) {
    return fail('invalid-request', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, 'file');
  }
}

/** Parses an ISO time flag to epoch ms. */
export function isoTime(value: string): number {
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw new InvalidArgumentError('must be an ISO time, e.g. 2026-11-02T00:00:00Z');
  return time;
}
