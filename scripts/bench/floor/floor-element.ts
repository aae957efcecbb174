// The size floor: Lit and one element that renders a line, built exactly like the widget.
import { LitElement, html } from 'lit';

/** The smallest useful Lit element; what any Lit widget costs before it does anything. */
class FloorElement extends LitElement {
  override render() {
    return html`<p>Buurtplein</p>`;
  }
}

customElements.define('floor-element', FloorElement);
