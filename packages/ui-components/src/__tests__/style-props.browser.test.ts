import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { type StyleProps, styleProps } from '../base/style-props.js';

function draw(host: HTMLElement, props: StyleProps): HTMLElement {
  render(html`<div ${styleProps(props)}></div>`, host);
  return host.firstElementChild as HTMLElement;
}

describe('styleProps', () => {
  it('sets CSS and custom properties on the first render', () => {
    const el = draw(document.createElement('div'), { top: '25%', '--_days': '7' });
    expect(el.style.top).toBe('25%');
    expect(el.style.getPropertyValue('--_days')).toBe('7');
  });

  it('updates changed values and removes properties a later render leaves out', () => {
    const host = document.createElement('div');
    draw(host, { top: '25%', width: '50%' });
    const el = draw(host, { top: '10%' });
    expect(el.style.top).toBe('10%');
    expect(el.style.width).toBe('');
  });

  it('refuses an attribute position', () => {
    const host = document.createElement('div');
    expect(() => render(html`<div title=${styleProps({ top: '0' })}></div>`, host)).toThrow(TypeError);
  });
});
