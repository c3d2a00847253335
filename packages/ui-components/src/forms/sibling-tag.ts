import { type StaticValue, unsafeStatic } from 'lit/static-html.js';

/**
 * The tag of another element of this package under the same prefix as `host`, for templates
 * written with `lit/static-html.js`: an `<acme-task-form>` renders `<acme-client-picker>`, so
 * two copies defined under two prefixes never mix. `ownSuffix` is the host's own name after
 * the prefix; a host defined under another kind of name falls back to the `rpma` prefix.
 *
 * @example
 * ```ts
 * const picker = siblingTag(this, 'task-form', 'client-picker');
 * return html`<${picker} name="clientId"></${picker}>`;
 * ```
 */
export function siblingTag(host: HTMLElement, ownSuffix: string, suffix: string): StaticValue {
  const name = host.localName;
  const prefix = name.endsWith(`-${ownSuffix}`) ? name.slice(0, -ownSuffix.length - 1) : 'rpma';
  return unsafeStatic(`${prefix}-${suffix}`);
}
