import { InvalidArgumentError, type Command } from 'commander';
import type { Result } from '../../src-shared/result';
import type { TerminalApi } from '../../src-shared/terminal-api';

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
