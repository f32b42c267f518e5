import { installedRichMenus } from '../db/rich-menu-store.js';
import { menuForRoles, type RichMenuName } from '../domain/rich-menus.js';
import { describeLineError, type LineClient } from '../line/client.js';
import { log as processLog, type Logger } from '../log.js';

export interface ApplyRichMenuDeps {
  orgId: string;
  line: Pick<LineClient, 'linkRichMenu' | 'unlinkRichMenu'>;
  log?: Logger;
}

export type RichMenuOutcome =
  | { result: 'linked'; menu: Exclude<RichMenuName, 'citizen'> }
  | { result: 'unlinked' }
  | { result: 'not-installed' }
  | { result: 'failed'; menu: RichMenuName };

/**
 * Gives a person the rich menu of their roles (`menuForRoles`): links a staff menu, or unlinks so that they
 * see the default citizen menu again. Call it whenever someone's roles change. It never throws: a menu is a
 * convenience (every command can be typed, and `ช่วยเหลือ` lists them), so a registration or a revocation
 * must not fail or be retried because LINE or the database could not change the menu just then.
 */
export async function applyRichMenu(deps: ApplyRichMenuDeps, lineUserId: string, roles: readonly string[]): Promise<RichMenuOutcome> {
  const log = deps.log ?? processLog;
  const menu = menuForRoles(roles);
  try {
    const installed = await installedRichMenus(deps.orgId);
    if (!installed) {
      log.debug({ orgId: deps.orgId, menu }, 'rich menus not installed; menu left as it is');
      return { result: 'not-installed' };
    }
    if (menu === 'citizen') {
      await deps.line.unlinkRichMenu(lineUserId);
      return { result: 'unlinked' };
    }
    await deps.line.linkRichMenu(lineUserId, installed[menu]);
    return { result: 'linked', menu };
  } catch (error) {
    // The person is not named: a LINE user id is personal data, and the menu name is enough to follow up.
    const { status } = describeLineError(error);
    log.warn({ orgId: deps.orgId, menu, status, err: error }, 'rich menu not applied');
    return { result: 'failed', menu };
  }
}
