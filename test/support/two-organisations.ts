import { addOrganisation, updateOrganisation } from '../../src/db/organisation-store.js';
import { testSealer, type Harness, type TestChannel } from './harness.js';

/**
 * Two organisations on one deployment, as several tests drive them side by side: the default one from the
 * environment (`test-org`) and `org-b` with its own LINE channel, registered and known to the webhook.
 */
export const A = 'test-org';
export const B = 'org-b';
export const B_TOKEN = 'org-b-access-token';
export const B_CHANNEL: TestChannel = { destination: 'Ub0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0', secret: 'org-b-channel-secret' };

export async function addSecondOrganisation(h: Harness): Promise<void> {
  h.line.addChannel(B_TOKEN);
  await updateOrganisation(A, { name: 'เทศบาลตำบลเอ' });
  await addOrganisation(B, { profile: { name: 'องค์การบริหารส่วนตำบลบี' }, channel: { botUserId: B_CHANNEL.destination, secret: B_CHANNEL.secret, accessToken: B_TOKEN }, sealer: testSealer });
  await h.server.tenants.refresh();
}
