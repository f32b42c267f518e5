import { Schema, model } from 'mongoose';

/**
 * One document per database: a known text sealed with DATA_ENCRYPTION_KEY when the database was first
 * used, so a start with another key is told so before it reads anything sealed.
 */
const dataKeyCheckSchema = new Schema(
  {
    _id: { type: String, required: true },
    sealed: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'data_key_checks' },
);

export const DataKeyCheckModel = model('DataKeyCheck', dataKeyCheckSchema);
