import type { Logger } from '../../../core/logger';

/** One logged line. */
export interface LoggedLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/** A logger that keeps every line, to assert on warnings and on secrets never being logged. Test helper only. */
export class RecordingLogger implements Logger {
  public readonly lines: LoggedLine[] = [];

  public info(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'info', fields, message });
  }

  public warn(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }

  public error(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'error', fields, message });
  }

  /** Every line as one text, for "never contains" checks. */
  public text(): string {
    return this.lines.map((line) => `${line.level} ${line.message} ${JSON.stringify(line.fields)}`).join('\n');
  }

  /** Lines at a level. */
  public at(level: LoggedLine['level']): LoggedLine[] {
    return this.lines.filter((line) => line.level === level);
  }
}
