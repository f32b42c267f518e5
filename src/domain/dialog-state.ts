/** A saved dialog position: which dialog, which step, and the dialog's own draft. */
export interface DialogState<D extends object = object> {
  dialog: string;
  step: string;
  data: D;
}
