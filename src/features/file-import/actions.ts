import { z } from 'zod';
import { postbackAction } from '../../line/postback-action.js';

/** A checked file's id as its buttons carry it (made from the event that brought the file). */
const pending = z.object({ p: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/) });

/** The preview card's buttons: they reach the feature from anywhere, as the file waits in the database, not in a dialog. */
export const FILE_IMPORT_ACTIONS = {
  importConfirm: postbackAction('fi.ok', pending),
  importCancel: postbackAction('fi.no', pending),
} as const;
