import type { Clock } from '../../../core/clock';

/**
 * The deadline of one order command, shared by the REST calls that carry it. It knows whether the
 * command is on the wire: `begin()` is asked right before each send and refuses once the deadline
 * has passed, so a command answered "not sent" can never go out afterwards; `close()` at the
 * deadline says whether anything may have reached the broker.
 */
export class CallDeadline {
  private onWire = false;
  private closed = false;

  public constructor(
    /** Epoch ms. */
    public readonly at: number,
    private readonly clock: Clock,
  ) {}

  /** Right before a send: true when it may go (the command is then on the wire), false once the deadline has passed. */
  public begin(): boolean {
    if (this.closed || this.clock.now() >= this.at) {
      this.closed = true;
      return false;
    }
    this.onWire = true;
    return true;
  }

  /** The broker answered without acting (429, 401): the command is off the wire again. */
  public unsent(): void {
    this.onWire = false;
  }

  /** At the deadline: no send may start from now on. True when nothing was on the wire (the command is dropped). */
  public close(): boolean {
    this.closed = true;
    return !this.onWire;
  }

  /** Whether a send is (or may still be) on the wire. */
  public get sent(): boolean {
    return this.onWire;
  }
}
