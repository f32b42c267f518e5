import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { messagingApi } from '@line/bot-sdk';

/**
 * Fills the JSON designs in flex-templates/ with data. Values are substituted into string leaves of the
 * parsed JSON, never into JSON text, so user text cannot change a message's structure. A component with
 * `"when": "<var>"` is dropped when that variable is empty (LINE rejects empty text), be it an item of a list
 * or a part such as a bubble's footer; an array item
 * `{"repeat": "<var>", "template": {...}}` becomes one filled copy of the template per row of that variable.
 */
const templateDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../flex-templates');

export const TEMPLATE_NAMES = readdirSync(templateDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const cache = new Map<string, unknown>();

function load(name: string): unknown {
  let template = cache.get(name);
  if (template === undefined) {
    template = JSON.parse(readFileSync(resolve(templateDir, `${name}.json`), 'utf8'));
    cache.set(name, template);
  }
  return template;
}

export type TemplateValue = string | number | null | undefined;
export type TemplateVars = { [key: string]: TemplateValue | TemplateVars[] };

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function fill(node: unknown, vars: TemplateVars, template: string): unknown {
  if (typeof node === 'string') {
    return node.replace(PLACEHOLDER, (_, key: string) => {
      const value = vars[key];
      if (value === undefined || Array.isArray(value)) throw new Error(`flex template ${template}: no value for {{${key}}}`);
      return value === null ? '' : String(value);
    });
  }
  if (Array.isArray(node)) {
    return node.filter((item) => isWanted(item, vars)).flatMap((item) => {
      if (item && typeof item === 'object' && 'repeat' in item) {
        const rows = vars[String((item as { repeat: unknown }).repeat)];
        if (!Array.isArray(rows)) throw new Error(`flex template ${template}: {{${String((item as { repeat: unknown }).repeat)}}} must be a list`);
        return rows.map((row) => fill((item as { template: unknown }).template, { ...vars, ...row }, template));
      }
      return [fill(item, vars, template)];
    });
  }
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'when' && isWanted(value, vars)) out[key] = fill(value, vars, template);
    }
    return out;
  }
  return node;
}

function isWanted(item: unknown, vars: TemplateVars): boolean {
  if (!item || typeof item !== 'object' || !('when' in item)) return true;
  const value = vars[String((item as { when: unknown }).when)];
  return value !== undefined && value !== null && value !== '';
}

export function renderTemplate(name: string, vars: TemplateVars): messagingApi.FlexBubble {
  return fill(load(name), vars, name) as messagingApi.FlexBubble;
}
