import { NO_OWN_SETTINGS, resolveOrgSettings, type DeploymentSettings, type OrganisationChannel, type OrganisationSettings, type OrgSettings } from '../domain/organisation.js';
import type { LineClient } from '../line/client.js';
import type { Logger } from '../log.js';

/** An organisation the deployment answers for: the secret its webhooks are signed with, and its own LINE client. */
export interface Tenant {
  orgId: string;
  secret: string;
  line: LineClient;
}

export interface DirectoryDeps {
  /**
   * The organisation of the environment's LINE_CHANNEL_* (single-organisation deployments need no change):
   * webhooks whose `destination` names no registered channel are checked against its secret.
   */
  defaultTenant: Tenant | null;
  loadChannels: () => Promise<OrganisationChannel[]>;
  /**
   * Organisations disabled by an operator: the default one among them is left out like any other (no
   * answers, no jobs), although its channel comes from the environment.
   */
  loadDisabled?: () => Promise<string[]>;
  /** Each organisation's own settings (thresholds …), read with the channels. */
  loadSettings?: () => Promise<(orgId: string) => OrganisationSettings>;
  /** The environment's settings, where an organisation set none (`orgSettings`). */
  deployment?: DeploymentSettings;
  clientFor: (accessToken: string) => LineClient;
  log: Logger;
  /** How often the channels are read again, so that `cli org add/update/disable` take effect without a restart. */
  refreshMs?: number;
  /** One organisation's active fiscal year, as stored. */
  loadYear?: (orgId: string) => Promise<number>;
  /** Hears this process set an organisation's active year (returns the way to stop hearing it). */
  watchYears?: (listener: (orgId: string, fiscalYear: number) => void) => () => void;
  /** Hears this process change an organisation's settings (`ตั้งค่า`, the CLI): they are read again at once. */
  watchSettings?: (listener: (orgId: string) => Promise<void>) => () => void;
  /** How long an active year read from the database is used before it is read again. */
  yearTtlMs?: number;
  /** The clock of that (a test moves it rather than wait). */
  clock?: () => number;
}

/**
 * An import made by another process (the CLI beside a running bot) is seen at most this long after it ends;
 * under load, an organisation's year is read once in this time instead of once per event.
 */
const YEAR_TTL_MS = 5_000;

/** An unknown destination reads the channels again at most this often: a flood of bad webhooks costs one read. */
const UNKNOWN_REFRESH_MS = 5_000;

/**
 * The organisations of this deployment and their LINE channels, held in memory: the webhook picks the
 * organisation (and so the secret) from the body's `destination` before checking the signature, and replies,
 * pushes and downloads go out with that organisation's token. A LINE client is made once per token.
 */
export class TenantDirectory {
  private byOrg = new Map<string, Tenant>();
  private byDestination = new Map<string, Tenant>();
  /** Destinations the default organisation's secret signed: its bot user id, learnt from its webhooks. */
  private readonly defaultDestinations = new Map<string, Tenant>();
  private readonly clients = new Map<string, LineClient>();
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh = 0;
  private settings: (orgId: string) => OrganisationSettings = () => NO_OWN_SETTINGS;
  /** Each organisation's resolved settings, made at most once between two reads of the organisations. */
  private resolved = new Map<string, OrgSettings>();
  private refreshing: Promise<void> | undefined;
  /** The environment's organisation while it is not disabled. */
  private defaultTenant: Tenant | null = null;
  /** Each organisation's active fiscal year, as last read or set by this process, and until when it is used. */
  private years = new Map<string, { fiscalYear: number; until: number }>();
  /** The reads of active years under way: the events that find a year out of date wait for one read. */
  private yearReads = new Map<string, Promise<number>>();
  private unwatchYears: (() => void) | undefined;
  private unwatchSettings: (() => void) | undefined;

  constructor(private readonly deps: DirectoryDeps) {
    this.install([]);
  }

  /** Reads the channels now; then every `refreshMs` until `stop()`. */
  async start(): Promise<void> {
    this.unwatchYears ??= this.deps.watchYears?.((orgId, fiscalYear) => this.years.set(orgId, { fiscalYear, until: this.now() + this.yearTtl() }));
    // A read already under way may have begun before the change was saved: the change is read after it.
    this.unwatchSettings ??= this.deps.watchSettings?.(() =>
      (this.refreshing ?? Promise.resolve())
        .then(() => this.refresh())
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'reading the channels failed')),
    );
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch((error: unknown) => this.deps.log.error({ err: error }, 'reading the channels failed')), this.deps.refreshMs ?? 30_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.unwatchYears?.();
    this.unwatchYears = undefined;
    this.unwatchSettings?.();
    this.unwatchSettings = undefined;
  }

  /**
   * The fiscal year the organisation's officers report on, without a database read per event: set in memory
   * the moment this process sets it (a plan import, `cli org update`), and read again once it is `yearTtlMs`
   * old, so that an import by another process is seen within that time (5 s by default).
   */
  activeFiscalYear(orgId: string): Promise<number> {
    const known = this.years.get(orgId);
    if (known && known.until > this.now()) return Promise.resolve(known.fiscalYear);
    let reading = this.yearReads.get(orgId);
    if (!reading) {
      const load = this.deps.loadYear;
      if (!load) throw new Error('the tenant directory was made without a way to read the active year');
      const startedAt = this.now();
      reading = load(orgId)
        .then((fiscalYear) => {
          // A year this process set while the read was under way is newer than the one read.
          if (this.years.get(orgId) === known) this.years.set(orgId, { fiscalYear, until: startedAt + this.yearTtl() });
          return this.years.get(orgId)!.fiscalYear;
        })
        .finally(() => this.yearReads.delete(orgId));
      this.yearReads.set(orgId, reading);
    }
    return reading;
  }

  private now(): number {
    return this.deps.clock?.() ?? Date.now();
  }

  private yearTtl(): number {
    return this.deps.yearTtlMs ?? YEAR_TTL_MS;
  }

  refresh(): Promise<void> {
    this.refreshing ??= Promise.all([this.deps.loadChannels(), this.deps.loadSettings?.(), this.deps.loadDisabled?.()])
      .then(([channels, settings, disabled]) => {
        this.install(channels, new Set(disabled));
        if (settings) {
          this.settings = settings;
          this.resolved = new Map();
        }
      })
      .finally(() => {
        this.lastRefresh = Date.now();
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private install(channels: OrganisationChannel[], disabled = new Set<string>()): void {
    const byOrg = new Map<string, Tenant>();
    const byDestination = new Map<string, Tenant>();
    const defaultTenant = this.deps.defaultTenant && !disabled.has(this.deps.defaultTenant.orgId) ? this.deps.defaultTenant : null;
    if (defaultTenant) byOrg.set(defaultTenant.orgId, defaultTenant);
    this.defaultTenant = defaultTenant;
    for (const c of channels) {
      const tenant: Tenant = { orgId: c.orgId, secret: c.secret, line: this.client(c.accessToken) };
      byOrg.set(c.orgId, tenant);
      byDestination.set(c.botUserId, tenant);
    }
    this.byOrg = byOrg;
    this.byDestination = byDestination;
  }

  private client(accessToken: string): LineClient {
    let client = this.clients.get(accessToken);
    if (!client) {
      client = this.deps.clientFor(accessToken);
      this.clients.set(accessToken, client);
    }
    return client;
  }

  /**
   * The organisation a webhook is for, checked with `signedWith` (the signature over the raw body): by the
   * path's code (`/webhook/<org>`) when given, else by the body's `destination`; a destination no registered
   * channel has is the default organisation's when its secret signs the body (a single-organisation
   * deployment never registers its bot user id), and is then remembered as the default's. Otherwise the
   * channels are read again (one added by the CLI a moment ago), at most every few seconds. Null: no
   * organisation's secret signs it.
   */
  async forWebhook(destination: string | undefined, pathOrg: string | undefined, signedWith: (secret: string) => boolean): Promise<Tenant | null> {
    const find = () =>
      pathOrg !== undefined ? this.byOrg.get(pathOrg) : destination ? (this.byDestination.get(destination) ?? (this.defaultTenant ? this.defaultDestinations.get(destination) : undefined)) : undefined;
    let tenant = find();
    if (!tenant && pathOrg === undefined && this.defaultTenant && signedWith(this.defaultTenant.secret)) {
      if (destination && this.defaultDestinations.size < 16) this.defaultDestinations.set(destination, this.defaultTenant);
      return this.defaultTenant;
    }
    if (!tenant && Date.now() - this.lastRefresh > UNKNOWN_REFRESH_MS) {
      await this.refresh().catch((error: unknown) => this.deps.log.error({ err: error }, 'reading the channels failed'));
      tenant = find();
    }
    return tenant && signedWith(tenant.secret) ? tenant : null;
  }

  /** The organisation's tenant, if it is active and has a channel (or is the default one). */
  get(orgId: string): Tenant | null {
    return this.byOrg.get(orgId) ?? null;
  }

  /** Its LINE client; an organisation without one (disabled since) cannot be sent to. */
  lineFor(orgId: string): LineClient {
    const tenant = this.byOrg.get(orgId);
    if (!tenant) throw new Error(`no LINE channel for organisation ${orgId}`);
    return tenant.line;
  }

  /** The organisation's own settings as last read (the deployment's defaults where it set none). */
  settingsOf(orgId: string): OrganisationSettings {
    return this.settings(orgId);
  }

  /**
   * The organisation's settings as its events use them (its own, else the environment's), resolved once per
   * read of the organisations: an operator's change counts from the next refresh.
   */
  orgSettings(orgId: string): OrgSettings {
    let org = this.resolved.get(orgId);
    if (!org) {
      if (!this.deps.deployment) throw new Error('the tenant directory was made without the deployment settings');
      org = resolveOrgSettings(orgId, this.settings(orgId), this.deps.deployment);
      this.resolved.set(orgId, org);
    }
    return org;
  }

  orgIds(): string[] {
    return [...this.byOrg.keys()];
  }
}
