import type { ContractView } from '../../src-shared/domain/trading';
import type { TerminalApi } from '../../src-shared/terminal-api';

/** Resolves contract ids to contracts for display, asking the terminal once per id. */
export class ContractNames {
  private readonly known = new Map<string, ContractView | undefined>();

  public constructor(private readonly api: TerminalApi) {}

  /** Looks up every id not seen yet. */
  public async load(contractIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(contractIds)].filter((id) => !this.known.has(id));
    const answers = await Promise.all(missing.map((id) => this.api.invoke('contracts.resolve', { symbol: id })));
    missing.forEach((id, index) => {
      const answer = answers[index];
      this.known.set(id, answer?.ok === true ? answer.value : undefined);
    });
  }

  public get(contractId: string): ContractView | undefined {
    return this.known.get(contractId);
  }
}
