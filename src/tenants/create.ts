import type { Config } from '../config.js';
import { activeChannels } from '../db/organisation-store.js';
import { createLineClient } from '../line/client.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { TenantDirectory } from './directory.js';

type LineConfig = Pick<Config, 'ORG_CODE' | 'LINE_CHANNEL_SECRET' | 'LINE_CHANNEL_ACCESS_TOKEN' | 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL' | 'LINE_REQUEST_TIMEOUT_MS'>;

/**
 * The deployment's organisations: the default one from LINE_CHANNEL_* and ORG_CODE, and every active
 * organisation registered with its own channel (`cli org add`). All share LINE's base URLs and time-out.
 */
export function createTenants(config: LineConfig, sealer: Sealer, log: Logger): TenantDirectory {
  const clientFor = (accessToken: string) => createLineClient({ ...config, LINE_CHANNEL_ACCESS_TOKEN: accessToken });
  return new TenantDirectory({
    defaultTenant: { orgId: config.ORG_CODE, secret: config.LINE_CHANNEL_SECRET, line: clientFor(config.LINE_CHANNEL_ACCESS_TOKEN) },
    loadChannels: () => activeChannels(sealer),
    clientFor,
    log,
  });
}
