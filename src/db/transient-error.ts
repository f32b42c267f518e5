import mongoose from 'mongoose';

const { mongo } = mongoose;

/**
 * Whether a database error is one a retry can get past: the server unreachable, slow, restarting, or
 * refusing one write (a conflict, a lost acknowledgement). Not so an error about the request itself (a bad
 * argument, a value the schema refuses): that is a fault in the code, and the same request fails again.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (error instanceof mongoose.Error.MongooseServerSelectionError) return true;
  // Mongoose queues operations while disconnected and gives up after a while.
  if (error instanceof mongoose.Error && /buffering timed out/.test(error.message)) return true;
  if (!(error instanceof mongo.MongoError)) return false;
  return !(error instanceof mongo.MongoAPIError || error instanceof mongo.MongoParseError || error instanceof mongo.MongoCompatibilityError);
}
