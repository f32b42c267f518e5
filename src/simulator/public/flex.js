/**
 * A LINE Flex Message renderer for the simulator page, following the layout rules of the LINE app
 * (sizes, paddings and spacing as LINE draws them) so that what looks right here looks right in LINE.
 *
 *   renderFlexMessage(message, onAction) → HTMLElement   for a {type:'flex', altText, contents} message
 *   renderFlex(container, onAction)      → HTMLElement   for a bubble or carousel container
 *
 * onAction(action) is called with the LINE action object when a button, or a box/text/image/bubble that
 * has an `action`, is clicked.
 *
 * Safety: message content only ever reaches the page through textContent, through setAttribute of vetted
 * values and through CSSOM properties of vetted values. Colours must match #RGB…#RRGGBBAA, lengths must be
 * a known keyword or a px/% number, image URLs must be http(s). Anything else is dropped.
 */

const COLOUR = /^#[0-9a-fA-F]{3,8}$/;
const LENGTH = /^\d+(\.\d+)?(px|%)$/;
const PIXELS = /^\d+(\.\d+)?px$/;

/** Text, span and icon sizes in the LINE app. */
const TEXT_SIZE = { xxs: '11px', xs: '13px', sm: '14px', md: '16px', lg: '19px', xl: '22px', xxl: '29px', '3xl': '35px', '4xl': '48px', '5xl': '74px' };
/** spacing, margin, padding, offsets and spacer sizes. */
const SPACE = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const CORNER = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const BORDER = { none: '0px', light: '0.5px', normal: '1px', medium: '2px', 'semi-bold': '3px', bold: '4px' };
const IMAGE_SIZE = { xxs: '40px', xs: '60px', sm: '80px', md: '100px', lg: '120px', xl: '140px', xxl: '160px', '3xl': '180px', '4xl': '200px', '5xl': '220px', full: '100%' };
export const BUBBLE_WIDTH = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 386 };
const BUBBLE_RADIUS = { nano: '10px', micro: '10px', deca: '10px', hecto: '10px', kilo: '10px', mega: '17px', giga: '5px' };
const JUSTIFY = new Set(['flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly']);
const ALIGN_ITEMS = new Set(['flex-start', 'center', 'flex-end']);
const GRAVITY = { top: 'flex-start', center: 'center', bottom: 'flex-end' };
const ALIGN = { start: 'start', center: 'center', end: 'end' };

const DEFAULT_SEPARATOR = '#D4D6DA';
const BUTTON = {
  primary: { background: '#17C950', color: '#FFFFFF' },
  secondary: { background: '#DCDFE5', color: '#111111' },
  link: { background: '', color: '#42659A' },
};

// ---------------------------------------------------------------------------------------------- helpers

export function safeColour(value) {
  return typeof value === 'string' && COLOUR.test(value) ? value : null;
}

/** A keyword from `keywords`, or a px/% length when `allowLength`; null otherwise. */
function length(value, keywords, allowLength = true) {
  if (typeof value !== 'string') return null;
  if (keywords && Object.hasOwn(keywords, value)) return keywords[value];
  return allowLength && LENGTH.test(value) ? value : null;
}

function pixels(value, keywords) {
  if (typeof value !== 'string') return null;
  if (keywords && Object.hasOwn(keywords, value)) return keywords[value];
  return PIXELS.test(value) ? value : null;
}

export function safeHttpUrl(value) {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function flexNumber(value) {
  return Number.isInteger(value) && value >= 0 && value <= 1000 ? value : null;
}

/** "16:9" → [16, 9]. */
function ratio(value) {
  if (typeof value !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(value);
  if (!m) return null;
  const w = Number(m[1]);
  const h = Number(m[2]);
  return w > 0 && h > 0 ? [w, h] : null;
}

function makeClickable(node, action, onAction) {
  if (!isObject(action)) return;
  node.classList.add('fx-clickable');
  if (typeof action.label === 'string') node.title = action.label;
  node.tabIndex = 0;
  const fire = (event) => {
    event.stopPropagation();
    onAction(action);
  };
  node.addEventListener('click', fire);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      fire(event);
    }
  });
}

// ---------------------------------------------------------------------------------------------- layout

/**
 * How a component sizes itself in its parent box, as LINE does it: in a horizontal or baseline box every
 * component shares the width by `flex` (default 1; 0 = its natural width); in a vertical box components
 * take their natural height unless `flex` is set.
 */
function applyFlex(node, component, parentLayout) {
  const horizontal = parentLayout === 'horizontal' || parentLayout === 'baseline';
  const type = component.type;
  let flex = flexNumber(component.flex);
  if (type === 'separator' || type === 'spacer' || type === 'icon') flex = 0;
  if (type === 'filler') flex = flex ?? 1;
  if (horizontal) {
    if (type === 'box' && length(component.width) && component.flex === undefined) flex = 0;
    if (flex === null) flex = 1;
    node.style.flex = flex === 0 ? '0 0 auto' : `${flex} 0 0`;
    node.style.minWidth = '0';
  } else {
    if (type === 'box' && length(component.height) && component.flex === undefined) flex = 0;
    node.style.flex = flex ? `${flex} 0 auto` : '0 0 auto';
  }
  const gravity = GRAVITY[component.gravity];
  if (gravity && horizontal && parentLayout !== 'baseline') node.style.alignSelf = gravity;
}

/** position/offset* as LINE draws them (absolute components ignore margin and take no room). */
function applyPosition(node, component) {
  if (component.position === 'absolute') {
    node.style.position = 'absolute';
    node.classList.add('fx-absolute');
  } else {
    node.style.position = 'relative';
  }
  const sides = { offsetTop: 'top', offsetBottom: 'bottom', offsetStart: 'insetInlineStart', offsetEnd: 'insetInlineEnd' };
  for (const [key, css] of Object.entries(sides)) {
    const value = length(component[key], SPACE);
    if (value) node.style[css] = value;
  }
}

function spacingBefore(node, value, parentLayout) {
  if (!value) return;
  if (parentLayout === 'vertical') node.style.marginTop = value;
  else node.style.marginInlineStart = value;
}

// ---------------------------------------------------------------------------------------------- components

function renderComponent(component, parentLayout, onAction) {
  if (!isObject(component)) return null;
  switch (component.type) {
    case 'box':
      return renderBox(component, onAction, null);
    case 'text':
      return renderText(component, onAction);
    case 'button':
      return renderButton(component, onAction);
    case 'image':
      return renderImage(component, onAction);
    case 'icon':
      return renderIcon(component);
    case 'separator':
      return renderSeparator(component, parentLayout);
    case 'filler':
      return el('div', 'fx-filler');
    case 'spacer':
      return renderSpacer(component, parentLayout);
    case 'video':
      return isObject(component.altContent) ? renderComponent(component.altContent, parentLayout, onAction) : null;
    default:
      return null;
  }
}

/**
 * A box. `blockPadding` carries the bubble's default padding when the box is a header/body/footer root
 * (the box's own padding* properties win over it, as in LINE).
 */
function renderBox(box, onAction, blockPadding) {
  const layout = box.layout === 'horizontal' || box.layout === 'baseline' ? box.layout : 'vertical';
  const node = el('div', `fx-box fx-${layout}`);
  node.dataset.layout = layout;
  const s = node.style;

  if (blockPadding) {
    s.paddingTop = blockPadding[0];
    s.paddingInlineEnd = blockPadding[1];
    s.paddingBottom = blockPadding[2];
    s.paddingInlineStart = blockPadding[3];
  }
  const all = length(box.paddingAll, SPACE);
  if (all) s.padding = all;
  const pads = { paddingTop: 'paddingTop', paddingBottom: 'paddingBottom', paddingStart: 'paddingInlineStart', paddingEnd: 'paddingInlineEnd' };
  for (const [key, css] of Object.entries(pads)) {
    const value = length(box[key], SPACE);
    if (value) s[css] = value;
  }

  const background = safeColour(box.backgroundColor);
  if (background) s.backgroundColor = background;
  const gradient = box.background;
  if (isObject(gradient) && gradient.type === 'linearGradient') {
    const start = safeColour(gradient.startColor);
    const end = safeColour(gradient.endColor);
    const center = safeColour(gradient.centerColor);
    const angle = typeof gradient.angle === 'string' && /^\d+(\.\d+)?deg$/.test(gradient.angle) ? gradient.angle : '0deg';
    const position = length(gradient.centerPosition) ?? '50%';
    if (start && end) {
      s.backgroundImage = center ? `linear-gradient(${angle}, ${start} 0%, ${center} ${position}, ${end} 100%)` : `linear-gradient(${angle}, ${start}, ${end})`;
    }
  }
  const borderWidth = pixels(box.borderWidth, BORDER);
  const borderColour = safeColour(box.borderColor);
  if (borderWidth || borderColour) {
    s.borderStyle = 'solid';
    s.borderWidth = borderWidth ?? '1px';
    s.borderColor = borderColour ?? '#000000';
  }
  const radius = pixels(box.cornerRadius, CORNER);
  if (radius) s.borderRadius = radius;
  for (const key of ['width', 'height', 'maxWidth', 'maxHeight']) {
    const value = length(box[key]);
    if (value) s[key] = value;
  }
  if (JUSTIFY.has(box.justifyContent)) s.justifyContent = box.justifyContent;
  if (ALIGN_ITEMS.has(box.alignItems) && layout !== 'baseline') s.alignItems = box.alignItems;

  const spacing = length(box.spacing, SPACE, false) ?? (PIXELS.test(String(box.spacing)) ? box.spacing : null);
  let previous = null;
  for (const child of Array.isArray(box.contents) ? box.contents : []) {
    const node2 = renderComponent(child, layout, onAction);
    if (!node2) continue;
    applyFlex(node2, child, layout);
    applyPosition(node2, child);
    if (child.position !== 'absolute') {
      const margin = length(child.margin, SPACE, false) ?? (PIXELS.test(String(child.margin)) ? child.margin : null);
      if (margin) spacingBefore(node2, margin, layout);
      else if (spacing && previous && child.type !== 'filler' && previous.type !== 'spacer' && child.type !== 'spacer') spacingBefore(node2, spacing, layout);
      previous = child;
    }
    node.append(node2);
  }
  makeClickable(node, box.action, onAction);
  return node;
}

function applyTextStyle(node, c) {
  const size = length(c.size, TEXT_SIZE, false) ?? (PIXELS.test(String(c.size)) ? c.size : null);
  if (size) node.style.fontSize = size;
  if (c.weight === 'bold') node.style.fontWeight = '700';
  else if (c.weight === 'regular') node.style.fontWeight = '400';
  if (c.style === 'italic') node.style.fontStyle = 'italic';
  else if (c.style === 'normal') node.style.fontStyle = 'normal';
  if (c.decoration === 'underline' || c.decoration === 'line-through') node.style.textDecoration = c.decoration;
  else if (c.decoration === 'none') node.style.textDecoration = 'none';
  const colour = safeColour(c.color);
  if (colour) node.style.color = colour;
}

function renderText(t, onAction) {
  const node = el('div', 'fx-text');
  const p = el('p');
  node.append(p);
  applyTextStyle(node, t);
  if (!t.size) node.style.fontSize = TEXT_SIZE.md;
  const align = ALIGN[t.align];
  if (align) p.style.textAlign = align;
  const lineSpacing = pixels(t.lineSpacing);
  if (lineSpacing) p.style.lineHeight = `calc(1.4em + ${lineSpacing})`;

  const spans = Array.isArray(t.contents) ? t.contents.filter((s) => isObject(s) && s.type === 'span' && typeof s.text === 'string') : [];
  if (spans.length > 0) {
    for (const span of spans) {
      const sp = el('span', 'fx-span');
      applyTextStyle(sp, span);
      sp.textContent = span.text;
      p.append(sp);
    }
  } else {
    p.textContent = typeof t.text === 'string' ? t.text : '';
  }

  if (t.wrap === true) {
    node.classList.add('fx-wrap');
    const maxLines = Number.isInteger(t.maxLines) && t.maxLines > 0 ? t.maxLines : 0;
    if (maxLines > 0) {
      p.classList.add('fx-clamp');
      p.style.webkitLineClamp = String(maxLines);
    }
  } else {
    node.classList.add('fx-nowrap');
  }
  makeClickable(node, t.action, onAction);
  return node;
}

function renderButton(b, onAction) {
  const node = el('div', 'fx-button-wrap');
  const button = el('button', 'fx-button');
  button.type = 'button';
  button.dataset.testid = 'flex-button';
  const style = Object.hasOwn(BUTTON, b.style) ? b.style : 'link';
  button.classList.add(`fx-button-${style}`);
  button.dataset.style = style;
  const colour = safeColour(b.color);
  if (style === 'link') button.style.color = colour ?? BUTTON.link.color;
  else {
    button.style.backgroundColor = colour ?? BUTTON[style].background;
    button.style.color = BUTTON[style].color;
  }
  button.style.height = b.height === 'sm' ? '40px' : '52px';
  const label = el('span', 'fx-button-label');
  const action = isObject(b.action) ? b.action : null;
  label.textContent = action && typeof action.label === 'string' ? action.label : '';
  button.append(label);
  if (action) {
    if (action.type === 'postback' && typeof action.data === 'string') button.dataset.postback = action.data;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      onAction(action);
    });
  } else {
    button.disabled = true;
  }
  node.append(button);
  const gravity = GRAVITY[b.gravity];
  if (gravity) node.style.justifyContent = gravity;
  return node;
}

function renderImage(img, onAction) {
  const node = el('div', 'fx-image');
  const frame = el('div', 'fx-image-frame');
  const size = length(img.size, IMAGE_SIZE) ?? IMAGE_SIZE.md;
  frame.style.width = size;
  const [w, h] = ratio(img.aspectRatio) ?? [1, 1];
  frame.style.aspectRatio = `${w} / ${h}`;
  const background = safeColour(img.backgroundColor);
  if (background) frame.style.backgroundColor = background;
  const align = { start: 'flex-start', center: 'center', end: 'flex-end' }[img.align];
  if (align) node.style.alignItems = align;
  const gravity = GRAVITY[img.gravity];
  if (gravity) node.style.justifyContent = gravity;
  const url = safeHttpUrl(img.url);
  if (url) {
    const image = el('img');
    image.alt = '';
    image.loading = 'lazy';
    image.decoding = 'async';
    image.referrerPolicy = 'no-referrer';
    image.src = url;
    image.style.objectFit = img.aspectMode === 'cover' ? 'cover' : 'contain';
    frame.append(image);
  } else {
    frame.classList.add('fx-image-missing');
  }
  node.append(frame);
  makeClickable(node, img.action, onAction);
  return node;
}

function renderIcon(icon) {
  const node = el('div', 'fx-icon');
  const size = length(icon.size, TEXT_SIZE, false) ?? (PIXELS.test(String(icon.size)) ? icon.size : TEXT_SIZE.md);
  node.style.fontSize = size;
  const [w, h] = ratio(icon.aspectRatio) ?? [1, 1];
  const url = safeHttpUrl(icon.url);
  const image = el(url ? 'img' : 'span', 'fx-icon-image');
  image.style.height = '1em';
  image.style.width = `${w / h}em`;
  if (url) {
    image.alt = '';
    image.referrerPolicy = 'no-referrer';
    image.src = url;
  }
  node.append(image);
  return node;
}

function renderSeparator(sep, parentLayout) {
  const node = el('div', parentLayout === 'vertical' ? 'fx-separator' : 'fx-separator fx-separator-vertical');
  node.style.setProperty('--fx-separator', safeColour(sep.color) ?? DEFAULT_SEPARATOR);
  return node;
}

function renderSpacer(spacer, parentLayout) {
  const node = el('div', 'fx-spacer');
  const size = length(spacer.size, SPACE, false) ?? SPACE.md;
  if (parentLayout === 'vertical') node.style.height = size;
  else node.style.width = size;
  return node;
}

// ---------------------------------------------------------------------------------------------- containers

/** Default padding [top, end, bottom, start] of a bubble's blocks, by bubble size, as in the LINE app. */
function blockPadding(size, block, hasFooter) {
  if (block === 'footer') return ['10px', '10px', '10px', '10px'];
  if (block === 'hero') return null;
  switch (size) {
    case 'nano':
    case 'micro':
      return ['10px', '10px', '10px', '10px'];
    case 'deca':
    case 'hecto':
      return ['11px', '14px', block === 'body' && hasFooter ? '17px' : '13px', '14px'];
    case 'kilo':
      return ['13px', '13px', block === 'body' && hasFooter ? '17px' : '13px', '13px'];
    default:
      return block === 'header' ? ['20px', '20px', '20px', '20px'] : ['19px', '20px', hasFooter ? '10px' : '20px', '20px'];
  }
}

function renderBubble(bubble, onAction) {
  const size = Object.hasOwn(BUBBLE_WIDTH, bubble.size) ? bubble.size : 'mega';
  const node = el('div', `fx-bubble fx-bubble-${size}`);
  node.dataset.size = size;
  node.style.width = `${BUBBLE_WIDTH[size]}px`;
  node.style.borderRadius = BUBBLE_RADIUS[size];
  node.dir = bubble.direction === 'rtl' ? 'rtl' : 'ltr';
  const styles = isObject(bubble.styles) ? bubble.styles : {};
  const hasFooter = isObject(bubble.footer) && bubble.footer.type === 'box';
  let first = true;
  for (const block of ['header', 'hero', 'body', 'footer']) {
    const content = bubble[block];
    if (!isObject(content)) continue;
    let inner = null;
    if (block === 'hero') {
      if (content.type === 'box') inner = renderBox(content, onAction, null);
      else if (content.type === 'image' || content.type === 'video') inner = renderComponent(content, 'vertical', onAction);
    } else if (content.type === 'box') {
      inner = renderBox(content, onAction, blockPadding(size, block, hasFooter));
    }
    if (!inner) continue;
    const wrap = el('div', `fx-block fx-block-${block}`);
    wrap.dataset.block = block;
    const blockStyle = isObject(styles[block]) ? styles[block] : {};
    const background = safeColour(blockStyle.backgroundColor);
    if (background) wrap.style.backgroundColor = background;
    if (blockStyle.separator === true && !first) {
      wrap.style.borderTop = `1px solid ${safeColour(blockStyle.separatorColor) ?? DEFAULT_SEPARATOR}`;
    }
    wrap.append(inner);
    node.append(wrap);
    first = false;
  }
  makeClickable(node, bubble.action, onAction);
  return node;
}

function renderCarousel(carousel, onAction) {
  const node = el('div', 'fx-carousel');
  const track = el('div', 'fx-carousel-track');
  for (const bubble of Array.isArray(carousel.contents) ? carousel.contents : []) {
    if (isObject(bubble) && bubble.type === 'bubble') track.append(renderBubble(bubble, onAction));
  }
  node.append(track);
  return node;
}

/** A flex container (bubble or carousel) as an element; an empty element for anything else. */
export function renderFlex(container, onAction = () => {}) {
  if (isObject(container) && container.type === 'bubble') return renderBubble(container, onAction);
  if (isObject(container) && container.type === 'carousel') return renderCarousel(container, onAction);
  return el('div', 'fx-invalid');
}

/** A flex message ({type:'flex', altText, contents}) as an element, with altText as its title. */
export function renderFlexMessage(message, onAction = () => {}) {
  const node = el('div', 'fx-message');
  if (isObject(message) && typeof message.altText === 'string') node.title = message.altText;
  const contents = isObject(message) ? message.contents : null;
  const inner = renderFlex(contents, onAction);
  if (inner.classList.contains('fx-invalid')) {
    node.classList.add('fx-message-invalid');
    inner.textContent = `[Flex Message ที่แสดงไม่ได้] ${isObject(message) && typeof message.altText === 'string' ? message.altText : ''}`;
  }
  node.append(inner);
  return node;
}
