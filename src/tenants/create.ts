import type { Config } from '../config.js';
import type { DeploymentSettings } from '../domain/organisation.js';
import { activeChannels, activeFiscalYear, disabledOrganisationIds, onActiveYearSet, organisationSettings } from '../db/organisation-store.js';
import { onSettingsChanged } from '../db/settings-store.js';
import { createLineClient } from '../line/client.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { TenantDirectory } from './directory.js';

type LineConfig = Pick<Config, 'ORG_CODE' | 'LINE_CHANNEL_SECRET' | 'LINE_CHANNEL_ACCESS_TOKEN' | 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL' | 'LINE_REQUEST_TIMEOUT_MS'>;

/**
 * The deployment's organisations: the default one from LINE_CHANNEL_* and ORG_CODE, and every active
 * organisation registered with its own channel (`cli org add`). All share LINE's base URLs and time-out.
 * Given the environment's settings (`deploymentSettings`), it resolves each organisation's (`orgSettings`).
 */
export function createTenants(config: LineConfig, sealer: Sealer, log: Logger, deployment?: DeploymentSettings, clock?: () => number): TenantDirectory {
  const clientFor = (accessToken: string) => createLineClient({ ...config, LINE_CHANNEL_ACCESS_TOKEN: accessToken });
  return new TenantDirectory({
    defaultTenant: { orgId: config.ORG_CODE, secret: config.LINE_CHANNEL_SECRET, line: clientFor(config.LINE_CHANNEL_ACCESS_TOKEN) },
    loadChannels: () => activeChannels(sealer),
    loadDisabled: disabledOrganisationIds,
    loadSettings: organisationSettings,
    loadYear: activeFiscalYear,
    watchYears: onActiveYearSet,
    watchSettings: onSettingsChanged,
    clock,
    deployment,
    clientFor,
    log,
  });
}

/**
 * The LINE settings of one organisation for operator commands (rich menus, a revoked officer's menu): its
 * own channel's token when it has one registered, else the environment's (the default organisation).
 */
export async function lineConfigFor<C extends LineConfig>(config: C, orgId: string, sealer: Sealer): Promise<C> {
  const channel = (await activeChannels(sealer)).find((c) => c.orgId === orgId);
  return channel ? { ...config, LINE_CHANNEL_ACCESS_TOKEN: channel.accessToken } : config;
}
