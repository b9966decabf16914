/** The bar over the graph for the ego-network view and the shortest path between two actors. */
import { h } from '../dom';
import { t } from '../i18n';
import type { ActorLite } from '../queries';

export interface FocusInput {
  ego: { name: string; depth: number } | null;
  onDepth: (depth: number) => void;
  onBack: () => void;
  /** `pickingFrom`: waiting for the second actor; `chain` null: no path; undefined: loading. */
  path: { fromName: string; pickingFrom: boolean; chain: ActorLite[] | null | undefined; toName: string; hidden: number } | null;
  onClearPath: () => void;
  onSelect: (id: string) => void;
}

export function renderFocus(root: HTMLElement, input: FocusInput): void {
  const parts: HTMLElement[] = [];
  if (input.ego) {
    const depth = input.ego.depth;
    parts.push(
      h(
        'div',
        { class: 'focus-chip', 'data-testid': 'ego-bar', 'data-depth': depth },
        h('strong', {}, t('focus.ego', { name: input.ego.name })),
        h('span', { class: 'muted' }, ` — ${t('focus.depth')} `),
        ...[1, 2, 3].map((d) => h('button', { type: 'button', class: 'chip', 'aria-pressed': String(d === depth), 'data-testid': `ego-depth-${d}`, onclick: () => input.onDepth(d) }, String(d))),
        h('button', { type: 'button', class: 'ghost', 'data-testid': 'ego-back', onclick: input.onBack }, t('focus.back')),
      ),
    );
  }
  const p = input.path;
  if (p) {
    const state = p.pickingFrom ? 'picking' : p.chain === undefined ? 'loading' : p.chain ? 'found' : 'none';
    const body: (HTMLElement | string)[] = [];
    if (state === 'picking') body.push(t('path.pick', { name: p.fromName }));
    else if (state === 'loading') body.push(t('status.loading'));
    else if (state === 'none') body.push(t('path.none', { a: p.fromName, b: p.toName }));
    else {
      const chain = p.chain!;
      body.push(h('strong', {}, t('path.found', { n: chain.length - 1 })), ' ');
      chain.forEach((a, i) => {
        if (i) body.push(' → ');
        body.push(h('button', { type: 'button', class: 'link', 'data-testid': 'path-step', 'data-actor-id': a.id, onclick: () => input.onSelect(a.id) }, a.name));
      });
      if (p.hidden) body.push(h('span', { class: 'muted' }, ` (${t('path.hidden', { n: p.hidden })})`));
    }
    parts.push(h('div', { class: 'focus-chip', 'data-testid': 'path-bar', 'data-state': state }, ...body, h('button', { type: 'button', class: 'ghost', 'data-testid': 'path-clear', onclick: input.onClearPath }, t('path.clear'))));
  }
  root.replaceChildren(...parts);
  root.hidden = parts.length === 0;
}
