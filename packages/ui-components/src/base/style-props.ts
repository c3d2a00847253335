import { type ElementPart, noChange } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

/** Style properties by name: CSS properties (`top`) or custom properties (`--_days`). */
export type StyleProps = Readonly<Record<string, string>>;

class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new TypeError('styleProps() belongs in an element position, inside the tag');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(props));
    return noChange;
  }
}

/**
 * Sets style properties on an element through CSSOM (`style.setProperty`) on every render,
 * the first one included. Lit's `styleMap` writes the `style` attribute as text on its first
 * render, which a Content-Security-Policy without `'unsafe-inline'` styles refuses; CSSOM
 * writes are allowed. Properties left out of a later render are removed.
 *
 * @example
 * ```ts
 * html`<div class="grid" ${styleProps({ '--_days': String(days.length) })}></div>`;
 * ```
 */
export const styleProps = directive(StylePropsDirective);
