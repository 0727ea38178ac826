import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { ContractId } from '../../src-shared/domain/ids';
import type { AccountView, ContractView } from '../../src-shared/domain/trading';
import { requireInteger, requireText } from './checks';
import type { WriteBatcher } from './write-batcher';

type Row = { readonly body: string };

/** Accounts and contracts as last seen from the broker; a save replaces the previous one. */
export class ReferenceRepository {
  private readonly upsertAccount: Statement<[number, string, number]>;
  private readonly selectAccounts: Statement<[], Row>;
  private readonly upsertContract: Statement<[string, string, number]>;
  private readonly selectContract: Statement<[string], Row>;

  public constructor(
    db: Database,
    private readonly batcher: WriteBatcher,
    private readonly clock: Clock,
  ) {
    this.upsertAccount = db.prepare(`
      INSERT INTO accounts (id, body, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`);
    this.selectAccounts = db.prepare('SELECT body FROM accounts ORDER BY id');
    this.upsertContract = db.prepare(`
      INSERT INTO contracts (id, body, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`);
    this.selectContract = db.prepare('SELECT body FROM contracts WHERE id = ?');
  }

  /** Queues an account save. */
  public saveAccount(account: AccountView): void {
    requireInteger(account.id, 'account id');
    const body = JSON.stringify(account);
    const now = this.clock.now();
    this.batcher.enqueue(() => this.upsertAccount.run(account.id, body, now));
  }

  /** Every saved account, by id. */
  public accounts(): AccountView[] {
    this.batcher.flush();
    return this.selectAccounts.all().map((row) => JSON.parse(row.body) as AccountView);
  }

  /** Queues a contract save. */
  public saveContract(contract: ContractView): void {
    requireText(contract.id, 'contract id');
    const body = JSON.stringify(contract);
    const now = this.clock.now();
    this.batcher.enqueue(() => this.upsertContract.run(contract.id, body, now));
  }

  /** A saved contract, or undefined. */
  public contract(contractId: ContractId): ContractView | undefined {
    this.batcher.flush();
    const row = this.selectContract.get(contractId);
    return row === undefined ? undefined : (JSON.parse(row.body) as ContractView);
  }
}
